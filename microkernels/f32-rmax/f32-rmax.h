// f32-rmax: the maximum of a row (pass 1 of both three-pass softmax algorithms).
//
// Contract
//   output[0] = max(input[0 .. batch/sizeof(float)))  -- exact, no rounding.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   -inf and denormals are ordinary values. If any input is NaN the result is
//   NaN or the maximum of the other elements (callers that must propagate NaN
//   get it through the exp pass, which turns x - max into NaN).
//   Reads exactly the row; writes exactly output[0].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_rmax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_default_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_rmax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
