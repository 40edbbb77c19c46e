// f32-raddextexp: pass 1 of the Two-Pass softmax (Dukhan & Ablavatski 2020).
//   sum[0] * 2^sum[1] = sum_i exp(scale * input[i])
// with no max pass: each term is kept as p * 2^n (p = exp(t) in [~0.7, ~1.4],
// n an integer-valued float) and the running sum as a mantissa/exponent pair
// (v, e), rescaled to the larger exponent at every step, so the sum neither
// overflows nor underflows for any finite row.
//
// Contract
//   scale > 0 multiplies the logits (1.0f = plain softmax); scale * log2(e) must be
//   finite (scale < 2.3e38).
//   Valid range: |scale * input[i]| <= 2^21 (about 2.1e6) for finite inputs.
//   Each term is within 1e-6 relative error of the double exp(scale * input[i])
//   for |scale * input[i]| <= 2^14 (measured: 2.0e-7 below 850, 4.3e-7 up to 2^14,
//   7.0e-7 up to 32757), and within 1e-6 + 1.1 * |scale * input[i]| * 2^-24 in the
//   rest of the valid range (measured: 2^-6 = 1.6e-2 up to 5.1e5, 0.133 at 2^21).
//   Range reduction, z = scale * input[i]: n = round(input[i] * fl(scale * log2(e))),
//   t = fma(input[i], scale, -n * ln2_hi) - n * ln2_lo with ln2_hi = 0x1.63p-1 (9
//   significant bits; scalar kernels evaluate t in double, as x86-64's baseline
//   has no FMA). While |z| <= 32757 the product n * ln2_hi is exact and
//   scale * input[i] is never rounded on its own, so the error does not grow with
//   |z|; beyond, n * ln2_hi is rounded, by up to |z| * 2^-24 (the bound above; 1.1
//   covers exp's curvature). The sum is accumulated like f32-raddstoreexpminusmax's
//   (block long rows in the caller).
//   -inf input contributes exactly nothing: every input is clamped (once,
//   NaN-preserving) up to attnorm_f32_extexp_min_input (microparams.h), whose term
//   has exponent about -0x1.Fp21 = -4.06e6, which every finite term in the valid
//   range (exponent >= -3.03e6) outweighs by more than 2^1000000 (the rescaling
//   makes it exactly +0). For scale < 8e-33 the clamp is -FLT_MAX: -inf then
//   counts as -FLT_MAX, the smallest finite input. A row of only -inf (its
//   largest exponent below ATTNORM_EXTEXP_MASKED_EXPONENT) returns
//   sum[1] == ATTNORM_EXTEXP_MIN_EXPONENT and sum[0] == 1 (NaN if a NaN was
//   present): callers treat that as "fully masked" (do not feed 1/sum[0],
//   -sum[1] of such a row to f32-vscaleextexp, whose -inf outputs are +0 only
//   next to a finite sum).
//   NaN input gives NaN in sum[0]. +inf input gives a NaN or infinite sum.
//   On return, for rows with a finite input and no NaN, sum[1] is an
//   integer-valued float (the largest n) and sum[0], not normalized to [1, 2),
//   is in [0.9998 * exp(-T), 1.0002 * exp(T) * batch/sizeof(float)] with
//   T = ln(2)/2 + max(2^-11, 1.4e-7 * max_i |scale * input[i]|): each term's p ~
//   exp(t) has |t| <= T (n is rounded from input[i] * fl(scale * log2(e)), within
//   |z| * 1.1e-7 of z * log2(e), and beyond |z| = 32757 n * ln2_hi is rounded),
//   and the largest term keeps its p. That is [0.706, 1.416 * batch/sizeof(float)]
//   when |scale * input[i]| <= 2^12 and [0.527, 1.898 * batch/sizeof(float)] at 2^21.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   Reads exactly the row; writes exactly sum[0] and sum[1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

// The exponent an all -inf row returns in sum[1].
#define ATTNORM_EXTEXP_MIN_EXPONENT (-0x1.0p+23f)
// Exponents below it come only from -inf inputs (clamped to exponent ~-0x1.Fp21); valid
// finite terms have exponent >= -3.03e6.
#define ATTNORM_EXTEXP_MASKED_EXPONENT (-0x1.Cp+21f)

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddextexp_ukernel_fn(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddextexp_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddextexp/f32-raddextexp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
