// f32-vscaleexpminusmax: pass 3 of three-pass softmax with recompute.
//   output[i] = exp(s * input[i] - k * ln2) * scale, k = attnorm_f32_expminus_k(max),
//   s = params->scalar.scale; scale is the output multiplier (1 / sum).
//
// Contract: the "expminusmax" contract of f32-raddstoreexpminusmax.h for the
// exp term; the product with scale (1 / sum) adds one rounding, so each
// output is within 1e-6 relative error of the double-precision value, unless
// it is below FLT_MIN, where it may be flushed to zero. -inf input gives +0,
// NaN gives NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed. Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscaleexpminusmax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float max,
    float scale,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscaleexpminusmax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
