// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp/scalar-p5.c.in
//   Generator: scripts/families/f32-raddextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"

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

// max(x, bound) that drops NaN: returns bound when x is NaN (like x86 max(x, bound)).
static inline float max_drop_nan(float x, float bound) {
  return x >= bound ? x : bound;
}

// 2**d for an integer-valued d <= 0 (a difference of exponents), built from exponent bits: d is
// clamped to -127, where the biased exponent 0 gives exactly +0, so no denormals and no
// underflow. Adding 0x1.8000FEp23f = 1.5 * 2**23 + 127 puts d + 127 in the low mantissa bits;
// shifting them into the exponent field drops the rest. A NaN d gives +0 (its low bits are 0).
static inline float exp2_delta(float d) {
  const float vmagic_bias = 0x1.8000FEp23f;  // 1.5 * 2**23 + 127 (IEEE exponent bias)
  const float vmin_delta = -127.0f;          // 2**d is flushed to +0 at and below this
  d = max_drop_nan(d, vmin_delta);
  return uint32_as_float(float_as_uint32(d + vmagic_bias) << 23);
}

void attnorm_f32_raddextexp_ukernel__scalar_p5_u4_acc2(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const float scale = params->scalar.scale;

  // Range reduction: exp(z) = exp(t) * 2**n with z = x * scale, n = round(z * log2(e)) and
  // t = z - n * ln(2), so t is in [-ln(2)/2, ln(2)/2] up to the roundings below.
  // n is rounded from the float product x * scale_log2e, with scale * log2(e) computed (and
  // rounded) once, here: x * scale_log2e is within |z| * 1.1e-7 of z * log2(e) and its rounding
  // to float adds up to |z| * 8.6e-8, so t may overshoot ln(2)/2 by up to |z| * 1.33e-7 (5.5e-4
  // at |z| = 2**12, 0.28 at 2**21), which p(t) below tolerates. An n one off from
  // round(z * log2(e)) costs no accuracy by itself: t is computed from the n used.
  const float vscale_log2e = params->scalar.scale_log2e;  // scale * log2(e)
  // Rounds to an integer when added: 1.5 * 2**23. Valid for |x * scale_log2e| < 2**22.
  const float vmagic_bias = 0x1.8p23f;
  // Cody-Waite split ln(2) = ln2_hi + ln2_lo. ln2_hi = 0x1.63p-1 = 355/512 is ln(2) rounded to 9
  // significant bits, so n * ln2_hi is a multiple of 2**-9, exact in a float while below 2**15
  // in magnitude, that is for |z| <= 32757. Then t = x * scale - n * ln2_hi - n * ln2_lo,
  // ln2_lo = ln(2) - ln2_hi = -2.12e-4 (1.6e-12 off as a float), is computed in double: the
  // products x * scale and n * ln2_lo of two floats are exact in double, so t is rounded to
  // double twice (relative 2**-53 each) and then once to a float below 11 in magnitude: at least
  // as accurate as two fused multiply-adds, without fmaf, which is a libm call on baseline x86-64
  // (no -mfma). Beyond |z| = 32757 the float product n * ln2_hi is rounded, by up to
  // |z| * 2**-24: the error that grows with |z| in the contract.
  const float vminus_ln2_hi = -0x1.63p-1f;      // -ln2_hi = -0.693359375
  const float vminus_ln2_lo = 0x1.BD0106p-13f;  // -ln2_lo = ln2_hi - ln(2) = 2.1219444e-4
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const float vc1 = 0x1.FFFFF6p-1f;
  const float vc2 = 0x1.FFFDC6p-2f;
  const float vc3 = 0x1.555A80p-3f;
  const float vc4 = 0x1.573A1Ap-5f;
  const float vc5 = 0x1.0F9F9Cp-7f;
  // -inf inputs: n is clamped to this exponent (2**-2**23 is 0 next to any finite term) and
  // t to -1 (finite inputs in the valid range have t > -0.65), so no infinity enters the
  // arithmetic.
  const float vmin_exponent = ATTNORM_EXTEXP_MIN_EXPONENT;
  const float vmin_t = -1.0f;

  // The running sums, one (v, e) pair per accumulator, meaning v * 2**e.
  float vaccv0 = 0.0f;
  float vaccv1 = 0.0f;
  float vacce0 = vmin_exponent;
  float vacce1 = vmin_exponent;
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    const float vi2 = input[2];
    const float vi3 = input[3];
    input += 4;

    // n = round(x * scale * log2(e)), an integer-valued float. -inf gives -inf, which the clamp
    // turns into the minimum exponent; NaN stays NaN.
    float vn0 = (vi0 * vscale_log2e + vmagic_bias) - vmagic_bias;
    float vn1 = (vi1 * vscale_log2e + vmagic_bias) - vmagic_bias;
    float vn2 = (vi2 * vscale_log2e + vmagic_bias) - vmagic_bias;
    float vn3 = (vi3 * vscale_log2e + vmagic_bias) - vmagic_bias;
    vn0 = max_keep_nan(vmin_exponent, vn0);
    vn1 = max_keep_nan(vmin_exponent, vn1);
    vn2 = max_keep_nan(vmin_exponent, vn2);
    vn3 = max_keep_nan(vmin_exponent, vn3);
    // t = x * scale - n * ln2_hi - n * ln2_lo, so exp(z) = exp(t) * 2**n. For -inf, t is -inf
    // (-inf + finite) and the clamp makes it -1; for +inf it is NaN (inf - inf). In double
    // (see vminus_ln2_lo above), rounded to float once at the end.
    const float vnln2hi0 = vn0 * vminus_ln2_hi;
    const float vnln2hi1 = vn1 * vminus_ln2_hi;
    const float vnln2hi2 = vn2 * vminus_ln2_hi;
    const float vnln2hi3 = vn3 * vminus_ln2_hi;
    float vt0 = (float) ((double) vi0 * (double) scale + (double) vnln2hi0 + (double) vn0 * (double) vminus_ln2_lo);
    float vt1 = (float) ((double) vi1 * (double) scale + (double) vnln2hi1 + (double) vn1 * (double) vminus_ln2_lo);
    float vt2 = (float) ((double) vi2 * (double) scale + (double) vnln2hi2 + (double) vn2 * (double) vminus_ln2_lo);
    float vt3 = (float) ((double) vi3 * (double) scale + (double) vnln2hi3 + (double) vn3 * (double) vminus_ln2_lo);
    vt0 = max_keep_nan(vmin_t, vt0);
    vt1 = max_keep_nan(vmin_t, vt1);
    vt2 = max_keep_nan(vmin_t, vt2);
    vt3 = max_keep_nan(vmin_t, vt3);
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
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
    vp0 = vp0 * vt0 + 1.0f;
    vp1 = vp1 * vt1 + 1.0f;
    vp2 = vp2 * vt2 + 1.0f;
    vp3 = vp3 * vt3 + 1.0f;
    // Add p * 2**n to v * 2**e: both are rescaled to the larger exponent e' = max(e, n), so
    // the smaller one is multiplied by 2**(negative), and v stays in [0, elements * 1.42].
    // A NaN p makes v NaN for good, even when max() drops the NaN from e.
    float vmax_e0 = vacce0;
    float vmax_e1 = vacce1;
    vmax_e0 = vn0 > vmax_e0 ? vn0 : vmax_e0;
    vmax_e1 = vn1 > vmax_e1 ? vn1 : vmax_e1;
    vmax_e0 = vn2 > vmax_e0 ? vn2 : vmax_e0;
    vmax_e1 = vn3 > vmax_e1 ? vn3 : vmax_e1;
    vaccv0 *= exp2_delta(vacce0 - vmax_e0);
    vaccv1 *= exp2_delta(vacce1 - vmax_e1);
    vaccv0 += vp0 * exp2_delta(vn0 - vmax_e0);
    vaccv1 += vp1 * exp2_delta(vn1 - vmax_e1);
    vaccv0 += vp2 * exp2_delta(vn2 - vmax_e0);
    vaccv1 += vp3 * exp2_delta(vn3 - vmax_e1);
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
  }
  // Merge the accumulators pairwise the same way: rescale both to the larger exponent, add.
  {
    const float vmax_e = vacce1 > vacce0 ? vacce1 : vacce0;
    vaccv0 = vaccv0 * exp2_delta(vacce0 - vmax_e) + vaccv1 * exp2_delta(vacce1 - vmax_e);
    vacce0 = vmax_e;
  }
  for (; batch != 0; batch -= sizeof(float)) {
    const float vi = *input++;

    // The same steps as above for one element.
    float vn = (vi * vscale_log2e + vmagic_bias) - vmagic_bias;
    vn = max_keep_nan(vmin_exponent, vn);
    float vt = (float) ((double) vi * (double) scale + (double) (vn * vminus_ln2_hi) + (double) vn * (double) vminus_ln2_lo);
    vt = max_keep_nan(vmin_t, vt);
    float vp = vc5 * vt + vc4;
    vp = vp * vt + vc3;
    vp = vp * vt + vc2;
    vp = vp * vt + vc1;
    vp = vp * vt + 1.0f;

    const float vmax_e = vn > vacce0 ? vn : vacce0;
    vaccv0 = vaccv0 * exp2_delta(vacce0 - vmax_e) + vp * exp2_delta(vn - vmax_e);
    vacce0 = vmax_e;
  }
  sum[0] = vaccv0;
  sum[1] = vacce0;
}
