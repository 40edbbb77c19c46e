// f32-vstablemax: y = s(scale * x) * multiplier, StableMax's output pass
// (multiplier = 1 / sum s), s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0.
//
// Contract (the f32-vstablemax tester checks exactly this against a long-double
// reference fed the same float x, scale and multiplier):
//   1 + z = fma(x, scale, 1) and 1 - z = fma(x, -scale, 1) rounded once each (z
//   is never rounded on its own), 1 / (1 - z) (div: correctly rounded; nr:
//   within 2^-22), times the multiplier: every output >= FLT_MIN within
//   4 * 2^-24 (2.4e-7) relative; below FLT_MIN, within FLT_MIN (never negative).
//   x = -inf -> exactly +0; x = +inf -> +inf; NaN -> NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not
//   overlap. Reads exactly the row; never writes past output[batch/4 - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vstablemax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_stablemax_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vstablemax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vstablemax/f32-vstablemax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
