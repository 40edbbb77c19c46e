// f32-raddextexp: pass 1 of the Two-Pass softmax (Dukhan & Ablavatski 2020).
//   sum[0] * 2^sum[1] = sum_i exp(scale * input[i])
// with no max pass: each term is kept as p * 2^n (p = exp(t) in [~0.7, ~1.4],
// n an integer-valued float) and the running sum as a mantissa/exponent pair
// (v, e), rescaled to the larger exponent at every step, so the sum neither
// overflows nor underflows for any finite row.
//
// Contract
//   scale > 0 multiplies the logits (1.0f = plain softmax).
//   Valid range: |scale * input[i]| <= 2^21 (about 2.1e6) for finite inputs;
//   in that range each term is within 1e-6 relative error of the double
//   exp(scale * input[i]) (range reduction by an FMA Cody-Waite split, so the
//   error does not grow with |n|), and the sum is accumulated like
//   f32-raddstoreexpminusmax's (block long rows in the caller).
//   -inf input contributes exactly nothing: its term is clamped to exponent
//   ATTNORM_EXTEXP_MIN_EXPONENT (-2^23), which every finite term in the valid
//   range outweighs by more than 2^2000000. A row of only -inf returns
//   sum[1] == ATTNORM_EXTEXP_MIN_EXPONENT: callers treat that as "fully masked".
//   NaN input gives NaN in sum[0]. +inf input gives a NaN or infinite sum.
//   On return sum[0] is in [1, batch/sizeof(float) * 2) for rows without NaN
//   (up to rounding) and sum[1] is an integer-valued float.
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
