// f32-vpowreluscale: the LSSAR output pass (softplus attention, p > 0):
//   output[i] = relu(u_i)^p * multiplier, u_i as in f32-raddpowrelu.h
// Accuracy contract: that of f32-raddpowrelu.h per term, plus one rounding of the product.
//   -inf -> +0 (offset >= 0); NaN -> NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). In place allowed.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vpowreluscale_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_softplus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vpowreluscale_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
