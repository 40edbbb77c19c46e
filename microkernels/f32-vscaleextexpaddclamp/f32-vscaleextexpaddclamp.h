// f32-vscaleextexpaddclamp: the output pass of clipped softmax (Bondarenko et al.
// 2023) on the Two-Pass algorithm (Dukhan & Ablavatski 2020):
//   output[i] = clamp(exp(scale * input[i]) * multiplier_value * 2^multiplier_exp + addend, 0, 1)
// f32-vscaleextexp (same range reduction, same p' ~ multiplier_value * exp(t) polynomial
// with its coefficients multiplied once per call, same p' * 2^(n + multiplier_exp)) with
// the addend and the clamp fused: one add, one max, one min per element. With
// multiplier_value * 2^multiplier_exp = (zeta - gamma) / sum (sum from f32-raddextexp)
// and addend = gamma, the output is clipped softmax.
//
// Contract
//   Valid range and scale as f32-vscaleextexp, and n + multiplier_exp <= 127 for every
//   finite input (true when multiplier_value * 2^multiplier_exp * exp(scale * x) < 2^126, e.g.
//   (zeta - gamma) <= 2^120 in clipped softmax). Let e_i = exp(scale * input[i]) *
//   multiplier_value * 2^multiplier_exp computed exactly. Before the clamp the kernel's
//   value is within 1e-6 * e_i + 2^-24 * |e_i + addend| of e_i + addend (e_i: the
//   f32-vscaleextexp bound, 1e-6 relative for |scale * input[i]| <= 2^14; then one rounded
//   add); the clamp to [0, 1] can only shrink the error. Terms below FLT_MIN may be
//   flushed (AVX2, scalar): e_i < 2^-126 may count as 0, an absolute error below 2^-126.
//   -inf input gives clamp(addend, 0, 1) (its term is +0, see f32-vscaleextexp: 0 for
//   clipped softmax, addend = gamma <= 0); NaN gives NaN (the clamp keeps NaN).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed. Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscaleextexpaddclamp_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float multiplier_value,
    float multiplier_exp,
    float addend,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscaleextexpaddclamp_ukernel_fn ukernel;                                                           \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
