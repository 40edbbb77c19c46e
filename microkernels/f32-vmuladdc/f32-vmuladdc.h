// f32-vmuladdc: output = input * multiplier + addend, one fused multiply-add
// (the output pass of log-softmax: scale * x - log(sum exp(scale * x))).
//
// Contract
//   output[i] = fma(input[i], multiplier, addend): the exact value rounded once,
//   bit-exact against fmaf() (0 ulp). IEEE semantics for infinities and NaN
//   (-inf * multiplier + finite = -inf); denormals are not flushed.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not overlap.
//   Reads exactly the row; never writes past output[batch/sizeof(float) - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vmuladdc_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float addend,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vmuladdc_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vmuladdc/f32-vmuladdc.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
