// f32-vlogstablemax: y = log s(scale * x) + addend, LogStableMax's output pass
// (addend = addend_hi + addend_lo = -log(sum s), split so that its float
// rounding costs nothing), s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0.
//
// Contract (the f32-vlogstablemax tester checks exactly this against a
// long-double reference fed the same float x, scale, addend_hi and addend_lo):
//   log s = +log(1 + z) for x >= 0, -log(1 - z) for x < 0 (no division), with
//   1 +- z = fma(x, +-scale, 1) rounded once (2^-24 absolute in log s) and the
//   vector log core of microkernels/simd (absolute error 2.4e-8 + 0.5 ulp);
//   y = (log s + addend_hi) + addend_lo. |y - exact| <= 1e-6 * max(1, |y|) +
//   2^-24 * |log s| (the second term: rounding the named intermediate log s
//   once; the rest: 2^-24 for 1 +- z, 2.4e-8 for the polynomial, two roundings
//   of size |y|, all within 1e-6 * max(1, |y|)).
//   x = -inf -> exactly -inf; x = +inf -> +inf; NaN -> NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not
//   overlap. Reads exactly the row; never writes past output[batch/4 - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vlogstablemax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float addend_hi,
    float addend_lo,
    const union attnorm_f32_stablemax_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vlogstablemax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
