// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/scalar-rr2-p5.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"

static inline uint32_t float_as_uint32(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof(bits));
  return bits;
}

static inline float uint32_as_float(uint32_t bits) {
  float f;
  memcpy(&f, &bits, sizeof(f));
  return f;
}

// max(bound, x) that keeps NaN: returns x when x is NaN (like x86 max(bound, x)).
static inline float max_keep_nan(float bound, float x) {
  return x < bound ? bound : x;
}

// 2**d for an integer-valued d <= 1 (a difference of exponents), built from exponent bits: d is
// clamped to -127, where the biased exponent 0 gives exactly +0. Adding 0x1.8000FEp23f =
// 1.5 * 2**23 + 127 puts d + 127 in the low mantissa bits; shifting them into the exponent field
// drops the rest. A NaN d gives +0 (the clamp returns -127).
static inline float exp2_delta(float d) {
  d = d >= -127.0f ? d : -127.0f;
  return uint32_as_float(float_as_uint32(d + 0x1.8000FEp23f) << 23);
}

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr2_p5": a running maximum m, an integer
// k ~ m * scale_log2e (never below ATTNORM_RMAXADDEXP_MIN_K) and 4 partial sum(s) of
// exp(s * x - k * ln2). Each main-loop iteration first takes the maximum of its 4
// element(s), moves (m, k) up to it and rescales the partial sums by 2**(k_old - k_new) built from
// exponent bits (exact: a power of two, +0 below 2**-126), with no branch (the factor is 1 when the
// maximum did not grow); then it adds the exp terms relative to the new k, so exp is evaluated
// once per element. At the end the sum is rescaled by 2**(k - K) to the row's K.
//
// k is held as the bias b = 0x1.8000FEp23 - k (1.5 * 2**23 + 127 - k): x * scale_log2e + b rounds
// x * scale_log2e to an integer n and leaves n - k + 127, the IEEE biased exponent of 2**(n - k),
// in the low mantissa bits, and n = that - b.
void attnorm_f32_rmaxaddexp_ukernel__scalar_rr2_p5_u4_acc4(
    size_t batch,
    const float* input,
    float output[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const float scale = params->scalar.scale;
  // Range reduction from x itself (z = scale * x is never rounded): n = round(x * scale_log2e),
  // t = x * scale - n * ln2_hi - n * ln2_lo, exp(z - k * ln2) = exp(t) * 2**(n - k).
  const float vscale_log2e = params->scalar.scale_log2e;
  // 1 / scale_log2e: maps an exponent back to the input that has it.
  const float vlog2e_scale_inv = 1.0f / vscale_log2e;
  // 1.5 * 2**23 + 127: the bias of k = 0; and 1.5 * 2**23, the bias whose low bits are 0.
  const float vmagic_bias = 0x1.8000FEp23f;
  const float vmagic_bias_zero = 0x1.8p23f;
  // ln2_hi = 0x1.63p-1 has 9 significant bits, so n * ln2_hi is exact for |n| < 2**15 (|z| <= 2**14
  // with margin); t is evaluated in double (x * scale and n * ln2_lo are exact in double) and
  // rounded to float once, as accurate as two fused multiply-adds, without fmaf (a libm call on
  // baseline x86-64).
  const float vminus_ln2_hi = -0x1.63p-1f;      // -ln2_hi = -0.693359375
  const float vminus_ln2_lo = 0x1.BD0106p-13f;  // -ln2_lo = ln2_hi - ln(2)
  // Degree-5 polynomial exp(t) ~ 1 + t * p(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const float vc1 = 0x1.FFFFF6p-1f;
  const float vc2 = 0x1.FFFDC6p-2f;
  const float vc3 = 0x1.555A80p-3f;
  const float vc4 = 0x1.573A1Ap-5f;
  const float vc5 = 0x1.0F9F9Cp-7f;
  // The largest bias, of k = ATTNORM_RMAXADDEXP_MIN_K: the bias while only -inf has been seen.
  const float vmax_bias = 0x1.8000FEp23f - ATTNORM_RMAXADDEXP_MIN_K;

  // The running maximum; its k as the bias b = 1.5 * 2**23 + 127 - k; the partial sums relative to
  // k; and min_input = (k - 127) / scale_log2e, the input whose n is k - 127: inputs are clamped
  // up to it (keeping NaN), so n - k >= -127 and the biased exponent of 2**(n - k) is >= 0; at 0
  // (below 2**-126, and for -inf) the term is exactly +0, and no infinity enters t.
  float vmax = -INFINITY;
  float vbias = vmax_bias;
  float vmin_input = (vmagic_bias_zero - vbias) * vlog2e_scale_inv;
  float vacc0 = 0.0f;
  float vacc1 = 0.0f;
  float vacc2 = 0.0f;
  float vacc3 = 0.0f;
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    const float vi2 = input[2];
    const float vi3 = input[3];
    input += 4;

    // The block's maximum, then the running maximum and its k (as a bias: 1.5 * 2**23 + 127 -
    // m * scale_log2e, rounded to an integer by the addition; -inf gives +inf, clamped to the
    // bias of MIN_K).
    vmax = vi0 > vmax ? vi0 : vmax;
    vmax = vi1 > vmax ? vi1 : vmax;
    vmax = vi2 > vmax ? vi2 : vmax;
    vmax = vi3 > vmax ? vi3 : vmax;
    float vbias_new = vmagic_bias - vmax * vscale_log2e;
    vbias_new = vbias_new < vmax_bias ? vbias_new : vmax_bias;
    // Rescale the partial sums to the new k: * 2**(k - k_new) = 2**(b_new - b), exactly 1 when k
    // did not move.
    const float vrescale = exp2_delta(vbias_new - vbias);
    vacc0 *= vrescale;
    vacc1 *= vrescale;
    vacc2 *= vrescale;
    vacc3 *= vrescale;
    vbias = vbias_new;
    vmin_input = (vmagic_bias_zero - vbias) * vlog2e_scale_inv;

    const float vx0 = max_keep_nan(vmin_input, vi0);
    const float vx1 = max_keep_nan(vmin_input, vi1);
    const float vx2 = max_keep_nan(vmin_input, vi2);
    const float vx3 = max_keep_nan(vmin_input, vi3);
    // 1.5 * 2**23 + (n - k + 127), n = round(x * scale_log2e); n <= k + 1.
    const float vnb0 = vx0 * vscale_log2e + vbias;
    const float vnb1 = vx1 * vscale_log2e + vbias;
    const float vnb2 = vx2 * vscale_log2e + vbias;
    const float vnb3 = vx3 * vscale_log2e + vbias;
    // s = 2**(n - k) from the exponent bits: +0 when n - k = -127.
    const float vs0 = uint32_as_float(float_as_uint32(vnb0) << 23);
    const float vs1 = uint32_as_float(float_as_uint32(vnb1) << 23);
    const float vs2 = uint32_as_float(float_as_uint32(vnb2) << 23);
    const float vs3 = uint32_as_float(float_as_uint32(vnb3) << 23);
    const float vn0 = vnb0 - vbias;
    const float vn1 = vnb1 - vbias;
    const float vn2 = vnb2 - vbias;
    const float vn3 = vnb3 - vbias;
    float vt0 = (float) ((double) vx0 * (double) scale + (double) (vn0 * vminus_ln2_hi) + (double) vn0 * (double) vminus_ln2_lo);
    float vt1 = (float) ((double) vx1 * (double) scale + (double) (vn1 * vminus_ln2_hi) + (double) vn1 * (double) vminus_ln2_lo);
    float vt2 = (float) ((double) vx2 * (double) scale + (double) (vn2 * vminus_ln2_hi) + (double) vn2 * (double) vminus_ln2_lo);
    float vt3 = (float) ((double) vx3 * (double) scale + (double) (vn3 * vminus_ln2_hi) + (double) vn3 * (double) vminus_ln2_lo);
    // p = c1 + t * (c2 + t * (c3 + t * (c4 + t * c5))).
    float vp0 = vc5 * vt0 + vc4;
    float vp1 = vc5 * vt1 + vc4;
    float vp2 = vc5 * vt2 + vc4;
    float vp3 = vc5 * vt3 + vc4;
    vp0 = vp0 * vt0 + vc3;
    vp1 = vp1 * vt1 + vc3;
    vp2 = vp2 * vt2 + vc3;
    vp3 = vp3 * vt3 + vc3;
    vp0 = vp0 * vt0 + vc2;
    vp1 = vp1 * vt1 + vc2;
    vp2 = vp2 * vt2 + vc2;
    vp3 = vp3 * vt3 + vc2;
    vp0 = vp0 * vt0 + vc1;
    vp1 = vp1 * vt1 + vc1;
    vp2 = vp2 * vt2 + vc1;
    vp3 = vp3 * vt3 + vc1;
    // exp(z - k * ln2) = s * (1 + t * p) = s + (t * s) * p; NaN input gives NaN (t is NaN).
    vt0 *= vs0;
    vt1 *= vs1;
    vt2 *= vs2;
    vt3 *= vs3;
    vacc0 += vt0 * vp0 + vs0;
    vacc1 += vt1 * vp1 + vs1;
    vacc2 += vt2 * vp2 + vs2;
    vacc3 += vt3 * vp3 + vs3;
  }
  vacc0 += vacc1;
  vacc2 += vacc3;
  vacc0 += vacc2;
  for (; batch != 0; batch -= sizeof(float)) {
    const float vi = *input++;

    // The same steps as above for a block of one element.
    vmax = vi > vmax ? vi : vmax;
    float vbias_new = vmagic_bias - vmax * vscale_log2e;
    vbias_new = vbias_new < vmax_bias ? vbias_new : vmax_bias;
    vacc0 *= exp2_delta(vbias_new - vbias);
    vbias = vbias_new;
    vmin_input = (vmagic_bias_zero - vbias) * vlog2e_scale_inv;

    const float vx = max_keep_nan(vmin_input, vi);
    const float vnb = vx * vscale_log2e + vbias;
    const float vs = uint32_as_float(float_as_uint32(vnb) << 23);
    const float vn = vnb - vbias;
    float vt = (float) ((double) vx * (double) scale + (double) (vn * vminus_ln2_hi) + (double) vn * (double) vminus_ln2_lo);
    float vp = vc5 * vt + vc4;
    vp = vp * vt + vc3;
    vp = vp * vt + vc2;
    vp = vp * vt + vc1;
    vt *= vs;
    vacc0 += vt * vp + vs;
  }
  // The contract's K = round(fl(fl(scale * max) * log2(e))) (nearbyintf: no magic-bias addition
  // the compiler could fuse with the product); k is within 1 of K (nearly the same product,
  // rounded), so the rescaling by 2**(k - K) = 2**((1.5 * 2**23 + 127 - K) - b) is exact. A row
  // of only -inf takes K = 0: its sum of +0 terms stays +0 (or NaN).
  float row_k = nearbyintf((scale * vmax) * 0x1.715476p+0f);
  if (vmax == -INFINITY) {
    row_k = 0.0f;
  }
  output[0] = vmax;
  output[1] = vacc0 * exp2_delta((vmagic_bias - row_k) - vbias);
}
