// f32-raddexpminusmax: pass 2 of three-pass softmax with recompute.
//   sum[0] = sum_i exp(s * input[i] - k * ln2), k = attnorm_f32_expminus_k(max)
//   (nothing is stored)
//
// Contract: the "expminusmax" contract of f32-raddstoreexpminusmax.h (scale,
// max, accuracy of each exp term, -inf -> 0, NaN -> NaN sum, blocking advice).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   Reads exactly the row; writes exactly sum[0].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddexpminusmax_ukernel_fn(
    size_t batch,
    const float* input,
    float* sum,
    float max,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddexpminusmax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
