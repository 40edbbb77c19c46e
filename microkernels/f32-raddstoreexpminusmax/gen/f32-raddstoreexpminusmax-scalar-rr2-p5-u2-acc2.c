// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoreexpminusmax/scalar-rr2-p5.c.in
//   Generator: scripts/families/f32-raddstoreexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <string.h>

#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"

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

// exp(z) for z = input * scale - max <= 0, "rr2_p5": z = n*ln2 + t with
// n = round(z / ln2) and |t| <= ln2/2 (two-constant Cody-Waite reduction:
// ln2_hi has few enough bits that n*ln2_hi is exact without FMA), exp(t) ~
// 1 + t*p(t) with a degree-5 minimax polynomial, and exp(z) = 2^n * exp(t)
// with 2^n built from exponent bits.
void attnorm_f32_raddstoreexpminusmax_ukernel__scalar_rr2_p5_u2_acc2(
    size_t batch,
    const float* input,
    const float* max,
    float* output,
    float* sum,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  assert(sum != NULL);
  assert(max != NULL);

  const float scale = params->scalar.scale;

  // z is computed in double: the product of two floats is exact in double, so z is rounded
  // once to double and once to float, as accurate as fmaf's single rounding (it differs only
  // when the double rounding lands on a float tie) without fmaf, which is a libm call on
  // baseline x86-64 (no -mfma). -inf input gives z = -inf, NaN stays NaN.
  const double vmax = (double) *max;
  // log2(e), rounded to float.
  const float vlog2e = 0x1.715476p+0f;
  // 1.5 * 2^23 + 127: adding it rounds z*log2e to an integer n (round to
  // nearest even) held in the low mantissa bits together with the +127 exponent
  // bias, so shifting the bits left by 23 gives the float 2^n.
  const float vmagic_bias = 0x1.8000FEp23f;
  // -ln(2) split in two: -ln2_hi (its low 12 bits are zero, so n*ln2_hi is
  // exact for |n| <= 2^12) and -ln2_lo = -(ln2 - ln2_hi).
  const float vminus_ln2_hi = -0x1.62E400p-1f;
  const float vminus_ln2_lo = -0x1.7F7D1Cp-20f;
  // Coefficients of the degree-5 minimax approximation of (exp(t) - 1) / t on
  // [-ln2/2, ln2/2]: p(t) = c1 + t*(c2 + t*(c3 + t*(c4 + t*c5))).
  const float vc5 = 0x1.0F9F9Cp-7f;
  const float vc4 = 0x1.573A1Ap-5f;
  const float vc3 = 0x1.555A80p-3f;
  const float vc2 = 0x1.FFFDC6p-2f;
  const float vc1 = 0x1.FFFFF6p-1f;
  // ln(2^-126) ~ -87.33654: below it exp(z) is not a normal float (and 2^n
  // cannot be built from exponent bits), so the result is flushed to +0. This
  // also turns -inf inputs into exactly +0; NaN compares false and stays NaN.
  const float vdenorm_cutoff = -0x1.5D589Ep6f;

  float vacc0 = 0.0f;
  float vacc1 = 0.0f;
  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    input += 2;

    // z = input * scale - max, rounded as with one fused multiply-add (see vmax above).
    const float vz0 = (float) ((double) vi0 * (double) scale - vmax);
    const float vz1 = (float) ((double) vi1 * (double) scale - vmax);
    float vn0 = vz0 * vlog2e + vmagic_bias;
    float vn1 = vz1 * vlog2e + vmagic_bias;
    // s = 2^n from the exponent bits of the biased n.
    const float vs0 = uint32_as_float(float_as_uint32(vn0) << 23);
    const float vs1 = uint32_as_float(float_as_uint32(vn1) << 23);
    vn0 -= vmagic_bias;
    vn1 -= vmagic_bias;
    // t = z - n*ln2_hi - n*ln2_lo.
    float vt0 = vn0 * vminus_ln2_hi + vz0;
    float vt1 = vn1 * vminus_ln2_hi + vz1;
    vt0 = vn0 * vminus_ln2_lo + vt0;
    vt1 = vn1 * vminus_ln2_lo + vt1;
    float vp0 = vc5 * vt0 + vc4;
    float vp1 = vc5 * vt1 + vc4;
    vp0 = vp0 * vt0 + vc3;
    vp1 = vp1 * vt1 + vc3;
    vp0 = vp0 * vt0 + vc2;
    vp1 = vp1 * vt1 + vc2;
    vp0 = vp0 * vt0 + vc1;
    vp1 = vp1 * vt1 + vc1;
    // exp(z) = s * (1 + t*p) = s + (t*s)*p.
    vt0 *= vs0;
    vt1 *= vs1;
    float vf0 = vt0 * vp0 + vs0;
    float vf1 = vt1 * vp1 + vs1;
    if (vz0 < vdenorm_cutoff) {
      vf0 = 0.0f;
    }
    if (vz1 < vdenorm_cutoff) {
      vf1 = 0.0f;
    }
    output[0] = vf0;
    output[1] = vf1;
    output += 2;

    vacc0 += vf0;
    vacc1 += vf1;
  }
  vacc0 += vacc1;

  float vacc = vacc0;
  for (; batch != 0; batch -= sizeof(float)) {
    const float vi = *input++;

    const float vz = (float) ((double) vi * (double) scale - vmax);

    float vn = vz * vlog2e + vmagic_bias;
    const float vs = uint32_as_float(float_as_uint32(vn) << 23);
    vn -= vmagic_bias;

    float vt = vn * vminus_ln2_hi + vz;
    vt = vn * vminus_ln2_lo + vt;

    float vp = vc5 * vt + vc4;
    vp = vp * vt + vc3;
    vp = vp * vt + vc2;
    vp = vp * vt + vc1;

    vt *= vs;
    float vf = vt * vp + vs;
    if (vz < vdenorm_cutoff) {
      vf = 0.0f;
    }

    *output++ = vf;
    vacc += vf;
  }
  *sum = vacc;
}
