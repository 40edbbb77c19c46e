// f32-rcountunmasked: the number N of unmasked logits of a row (pass 1 of softplus
// attention with ATTNORM_FLAG_SCALE_BY_LOG_LENGTH, whose multiplier is scale * ln N).
//
// Contract
//   count[0] = the number of i with input[i] != -inf (NaN and +inf count), exact.
//   batch: bytes, a non-zero multiple of sizeof(float), at most 2^24 elements per
//   call (the count is a float sum of ones per lane). No alignment required.
//   Reads exactly the row; writes exactly count[0].
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_rcountunmasked_ukernel_fn(
    size_t batch,
    const float* input,
    float* count,
    const union attnorm_f32_default_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_rcountunmasked_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
