// f32-vsoftplusscale: the LSSA output pass (softplus attention, p = 0):
//   output[i] = softplus(fl(c * input[i])) * multiplier, c = params->scalar.scale > 0
// Accuracy contract: that of f32-raddsoftplus.h for each softplus term, plus one rounding
// of the product (relative error <= 2.5e-7 + 2^-24 for results >= FLT_MIN).
//   -inf -> +0; +inf -> +inf (multiplier > 0); NaN -> NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed. Reads and writes exactly the row.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vsoftplusscale_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_softplus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vsoftplusscale_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
