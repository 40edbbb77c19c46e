// f32-softmaxaddclamp: the whole clipped softmax (Bondarenko et al. 2023) of one SHORT row held
// in registers, in one kernel call (1 read + 1 write per element):
//   output[i] = clamp(amplitude * p_i + addend, 0, 1),  p = softmax(scale * input),
// amplitude = zeta - gamma, addend = gamma. f32-softmax (same templates, same exp, same sum)
// whose final multiply by 1/sum is replaced by fma(e_i, amplitude / sum, addend) and the
// NaN-preserving clamp: no second pass over the row.
//
// Contract
//   params, batch, BATCH_TILE (the longest row), valid range, -inf, NaN and the exact path as
//   f32-softmax (microkernels/f32-softmax/f32-softmax.h); amplitude >= 1 finite (<= 2^120),
//   addend <= 0 finite. Accuracy: |output - clamp(amplitude * p + addend, 0, 1)| <=
//   1e-6 * amplitude * p + 2^-24 * |addend| (+ amplitude * FLT_MIN where p < FLT_MIN), against
//   p in double from the exact scale * input (f32-softmax's error budget, then the division
//   amplitude / sum and one fused multiply-add, each rounded once). -inf -> clamp(addend) = 0
//   for addend <= 0; a row of only -inf -> 0; a NaN anywhere -> a NaN row.
//   In place (output == input) is allowed. Reads and writes exactly the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_softmaxaddclamp_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_max_elements: its BATCH_TILE.
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_softmaxaddclamp_ukernel_fn ukernel;                                                                \
  enum { ukernel##_max_elements = batch_tile };
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
