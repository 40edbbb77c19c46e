// f32-raddextexp: pass 1 of the Two-Pass softmax (Dukhan & Ablavatski 2020).
//   sum[0] * 2^sum[1] = sum_i exp(scale * input[i])
// with no max pass: each term is kept as p * 2^n (p = exp(t) in [~0.7, ~1.4],
// n an integer-valued float) and the running sum as a mantissa/exponent pair
// (v, e), rescaled to the larger exponent at every step, so the sum neither
// overflows nor underflows for any finite row.
//
// Contract
//   scale > 0 multiplies the logits (1.0f = plain softmax).
//   Valid range: |scale * input[i]| <= 2^21 (about 2.1e6) for finite inputs.
//   Each term is within 1e-6 relative error of the double exp(scale * input[i])
//   for |scale * input[i]| <= 2^19 (4.1e-7 measured at 2^19, 2.2e-7 below 500),
//   within 4e-6 up to 2^21 (3.4e-6 measured; there the rounding error of
//   scale * input, up to 2^-3, pushes t past ln(2)/2). Range reduction: z =
//   scale * input[i] is split exactly into z_hi + z_lo by an FMA, then
//   t = z_hi - n*ln2_hi (exact, Cody-Waite) - n*ln2_lo + z_lo, so the error does
//   not grow with |n| and does not depend on how scale * input rounds. The sum
//   is accumulated like f32-raddstoreexpminusmax's (block long rows in the
//   caller).
//   -inf input contributes exactly nothing: its term is clamped to exponent
//   ATTNORM_EXTEXP_MIN_EXPONENT (-2^23), which every finite term in the valid
//   range outweighs by more than 2^2000000. A row of only -inf returns
//   sum[1] == ATTNORM_EXTEXP_MIN_EXPONENT: callers treat that as "fully masked"
//   (sum[0] is then in (0, batch/sizeof(float)]: each -inf adds exp(-1); do not
//   feed 1/sum[0], -sum[1] of such a row to f32-vscaleextexp, whose -inf outputs
//   are +0 only next to a finite sum).
//   NaN input gives NaN in sum[0]. +inf input gives a NaN or infinite sum.
//   On return, for rows with a finite input and no NaN, sum[1] is an
//   integer-valued float (the largest n) and sum[0], not normalized to [1, 2),
//   is in [0.706, 1.417 * batch/sizeof(float)] when |scale * input[i]| <= 2^12
//   (each term's p = exp(t) with |t| <= ln(2)/2 + 2^-11, and the largest term
//   keeps p) and in [0.64, 1.55 * batch/sizeof(float)] in the whole valid range.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   Reads exactly the row; writes exactly sum[0] and sum[1].
#pragma once

#include "microkernels/common.h"

// The exponent -inf terms are clamped to; also the exponent of an all -inf row.
#define ATTNORM_EXTEXP_MIN_EXPONENT (-0x1.0p+23f)

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddextexp_ukernel_fn(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    float scale);

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile) attnorm_f32_raddextexp_ukernel_fn ukernel;
#include "microkernels/f32-raddextexp/f32-raddextexp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
