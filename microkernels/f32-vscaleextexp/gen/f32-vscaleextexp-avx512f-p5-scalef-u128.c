// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexp/avx512f-p5-scalef.c.in
//   Generator: scripts/families/f32-vscaleextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"

void attnorm_f32_vscaleextexp_ukernel__avx512f_p5_scalef_u128(
    size_t batch,
    const float* input,
    float* output,
    float scale,
    float multiplier_value,
    float multiplier_exp)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const __m512 vscale = _mm512_set1_ps(scale);
  const __m512 vlog2e = _mm512_set1_ps(0x1.715476p+0f);          // log2(e)
  // Rounds to an integer when added: 1.5 * 2**23. Valid for |z * log2(e)| < 2**22. Unlike
  // roundscale(z * log2(e)), fma(z, log2(e), magic bias) rounds z * log2(e) only once, which
  // keeps t within [-ln(2)/2, ln(2)/2] + 0.03 up to |z| = 2**21 (and n the same as on AVX2).
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  // Cody-Waite split of ln(2): ln2_hi has 21 significant bits, so z - n * ln2_hi is exact in one
  // FMA; ln2_lo carries the next 24 bits.
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.62E43p-1f);   // -ln(2), high part
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.05C61p-29f);   // -ln(2) - (-ln2_hi), low part
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m512 vone = _mm512_set1_ps(1.0f);
  const __m512 vc1 = _mm512_set1_ps(0x1.FFFFF6p-1f);
  const __m512 vc2 = _mm512_set1_ps(0x1.FFFDC6p-2f);
  const __m512 vc3 = _mm512_set1_ps(0x1.555A80p-3f);
  const __m512 vc4 = _mm512_set1_ps(0x1.573A1Ap-5f);
  const __m512 vc5 = _mm512_set1_ps(0x1.0F9F9Cp-7f);
  // -inf inputs: n is clamped to this exponent and t to -1 exactly as in f32-raddextexp, so they
  // give p * 2**(-2**23 + multiplier_exp) = +0. Both clamps are written max(bound, x), which
  // returns x when x is NaN.
  const __m512 vmin_exponent = _mm512_set1_ps(ATTNORM_EXTEXP_MIN_EXPONENT);
  const __m512 vmin_t = _mm512_set1_ps(-1.0f);

  const __m512 vmultiplier_value = _mm512_set1_ps(multiplier_value);
  const __m512 vmultiplier_exp = _mm512_set1_ps(multiplier_exp);

  for (; batch >= 128 * sizeof(float); batch -= 128 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    const __m512 vi2 = _mm512_loadu_ps(input + 32);
    const __m512 vi3 = _mm512_loadu_ps(input + 48);
    const __m512 vi4 = _mm512_loadu_ps(input + 64);
    const __m512 vi5 = _mm512_loadu_ps(input + 80);
    const __m512 vi6 = _mm512_loadu_ps(input + 96);
    const __m512 vi7 = _mm512_loadu_ps(input + 112);
    input += 128;

    // z = x * scale as an exact sum z_hi + z_lo: z_lo is the rounding error of the product, so
    // the result does not depend on how well x * scale rounds (it matters at large |z|). z_lo
    // is NaN only for +-inf inputs (inf - inf); max(z_lo, -1) replaces that NaN by -1.
    const __m512 vzhi0 = _mm512_mul_ps(vi0, vscale);
    const __m512 vzhi1 = _mm512_mul_ps(vi1, vscale);
    const __m512 vzhi2 = _mm512_mul_ps(vi2, vscale);
    const __m512 vzhi3 = _mm512_mul_ps(vi3, vscale);
    const __m512 vzhi4 = _mm512_mul_ps(vi4, vscale);
    const __m512 vzhi5 = _mm512_mul_ps(vi5, vscale);
    const __m512 vzhi6 = _mm512_mul_ps(vi6, vscale);
    const __m512 vzhi7 = _mm512_mul_ps(vi7, vscale);
    const __m512 vzlo0 = _mm512_max_ps(_mm512_fmsub_ps(vi0, vscale, vzhi0), vmin_t);
    const __m512 vzlo1 = _mm512_max_ps(_mm512_fmsub_ps(vi1, vscale, vzhi1), vmin_t);
    const __m512 vzlo2 = _mm512_max_ps(_mm512_fmsub_ps(vi2, vscale, vzhi2), vmin_t);
    const __m512 vzlo3 = _mm512_max_ps(_mm512_fmsub_ps(vi3, vscale, vzhi3), vmin_t);
    const __m512 vzlo4 = _mm512_max_ps(_mm512_fmsub_ps(vi4, vscale, vzhi4), vmin_t);
    const __m512 vzlo5 = _mm512_max_ps(_mm512_fmsub_ps(vi5, vscale, vzhi5), vmin_t);
    const __m512 vzlo6 = _mm512_max_ps(_mm512_fmsub_ps(vi6, vscale, vzhi6), vmin_t);
    const __m512 vzlo7 = _mm512_max_ps(_mm512_fmsub_ps(vi7, vscale, vzhi7), vmin_t);
    // n = round(z * log2(e)) by the magic bias, an integer-valued float; -inf becomes the
    // minimum exponent.
    const __m512 vn0 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi0, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn1 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi1, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn2 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi2, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn3 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi3, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn4 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi4, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn5 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi5, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn6 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi6, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn7 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi7, vlog2e, vmagic_bias), vmagic_bias));
    // t = z - n * ln(2) in [-ln(2)/2, ln(2)/2] (plus rounding), so exp(z) = exp(t) * 2**n.
    __m512 vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_hi, vzhi0);
    __m512 vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_hi, vzhi1);
    __m512 vt2 = _mm512_fmadd_ps(vn2, vminus_ln2_hi, vzhi2);
    __m512 vt3 = _mm512_fmadd_ps(vn3, vminus_ln2_hi, vzhi3);
    __m512 vt4 = _mm512_fmadd_ps(vn4, vminus_ln2_hi, vzhi4);
    __m512 vt5 = _mm512_fmadd_ps(vn5, vminus_ln2_hi, vzhi5);
    __m512 vt6 = _mm512_fmadd_ps(vn6, vminus_ln2_hi, vzhi6);
    __m512 vt7 = _mm512_fmadd_ps(vn7, vminus_ln2_hi, vzhi7);
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt2 = _mm512_fmadd_ps(vn2, vminus_ln2_lo, vt2);
    vt3 = _mm512_fmadd_ps(vn3, vminus_ln2_lo, vt3);
    vt4 = _mm512_fmadd_ps(vn4, vminus_ln2_lo, vt4);
    vt5 = _mm512_fmadd_ps(vn5, vminus_ln2_lo, vt5);
    vt6 = _mm512_fmadd_ps(vn6, vminus_ln2_lo, vt6);
    vt7 = _mm512_fmadd_ps(vn7, vminus_ln2_lo, vt7);
    vt0 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt0, vzlo0));
    vt1 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt1, vzlo1));
    vt2 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt2, vzlo2));
    vt3 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt3, vzlo3));
    vt4 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt4, vzlo4));
    vt5 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt5, vzlo5));
    vt6 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt6, vzlo6));
    vt7 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt7, vzlo7));
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
    __m512 vp0 = _mm512_fmadd_ps(vc5, vt0, vc4);
    __m512 vp1 = _mm512_fmadd_ps(vc5, vt1, vc4);
    __m512 vp2 = _mm512_fmadd_ps(vc5, vt2, vc4);
    __m512 vp3 = _mm512_fmadd_ps(vc5, vt3, vc4);
    __m512 vp4 = _mm512_fmadd_ps(vc5, vt4, vc4);
    __m512 vp5 = _mm512_fmadd_ps(vc5, vt5, vc4);
    __m512 vp6 = _mm512_fmadd_ps(vc5, vt6, vc4);
    __m512 vp7 = _mm512_fmadd_ps(vc5, vt7, vc4);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc3);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc3);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc3);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc3);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc3);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc3);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc3);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc2);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc2);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc2);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc2);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc2);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc2);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc2);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc1);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc1);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc1);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc1);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc1);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc1);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc1);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vone);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vone);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vone);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vone);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vone);
    // y = (p * multiplier_value) * 2**(n + multiplier_exp): the exponents are added as floats
    // (exact integers) and applied by scalef, which rounds correctly into the denormals and
    // underflows to +0.
    const __m512 ve0 = _mm512_add_ps(vn0, vmultiplier_exp);
    const __m512 ve1 = _mm512_add_ps(vn1, vmultiplier_exp);
    const __m512 ve2 = _mm512_add_ps(vn2, vmultiplier_exp);
    const __m512 ve3 = _mm512_add_ps(vn3, vmultiplier_exp);
    const __m512 ve4 = _mm512_add_ps(vn4, vmultiplier_exp);
    const __m512 ve5 = _mm512_add_ps(vn5, vmultiplier_exp);
    const __m512 ve6 = _mm512_add_ps(vn6, vmultiplier_exp);
    const __m512 ve7 = _mm512_add_ps(vn7, vmultiplier_exp);
    const __m512 vy0 = _mm512_scalef_ps(_mm512_mul_ps(vp0, vmultiplier_value), ve0);
    const __m512 vy1 = _mm512_scalef_ps(_mm512_mul_ps(vp1, vmultiplier_value), ve1);
    const __m512 vy2 = _mm512_scalef_ps(_mm512_mul_ps(vp2, vmultiplier_value), ve2);
    const __m512 vy3 = _mm512_scalef_ps(_mm512_mul_ps(vp3, vmultiplier_value), ve3);
    const __m512 vy4 = _mm512_scalef_ps(_mm512_mul_ps(vp4, vmultiplier_value), ve4);
    const __m512 vy5 = _mm512_scalef_ps(_mm512_mul_ps(vp5, vmultiplier_value), ve5);
    const __m512 vy6 = _mm512_scalef_ps(_mm512_mul_ps(vp6, vmultiplier_value), ve6);
    const __m512 vy7 = _mm512_scalef_ps(_mm512_mul_ps(vp7, vmultiplier_value), ve7);
    _mm512_storeu_ps(output, vy0);
    _mm512_storeu_ps(output + 16, vy1);
    _mm512_storeu_ps(output + 32, vy2);
    _mm512_storeu_ps(output + 48, vy3);
    _mm512_storeu_ps(output + 64, vy4);
    _mm512_storeu_ps(output + 80, vy5);
    _mm512_storeu_ps(output + 96, vy6);
    _mm512_storeu_ps(output + 112, vy7);
    output += 128;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    // The same steps as above for one vector.
    const __m512 vzhi = _mm512_mul_ps(vi, vscale);
    const __m512 vzlo = _mm512_max_ps(_mm512_fmsub_ps(vi, vscale, vzhi), vmin_t);
    const __m512 vn = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi, vlog2e, vmagic_bias), vmagic_bias));
    __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2_hi, vzhi);
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm512_max_ps(vmin_t, _mm512_add_ps(vt, vzlo));
    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);

    const __m512 ve = _mm512_add_ps(vn, vmultiplier_exp);
    const __m512 vy = _mm512_scalef_ps(_mm512_mul_ps(vp, vmultiplier_value), ve);
    _mm512_storeu_ps(output, vy);
    output += 16;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // Process the remaining 1..15 elements with a masked load and a masked store.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));
    const __m512 vi = _mm512_maskz_loadu_ps(vmask, input);

    const __m512 vzhi = _mm512_mul_ps(vi, vscale);
    const __m512 vzlo = _mm512_max_ps(_mm512_fmsub_ps(vi, vscale, vzhi), vmin_t);
    const __m512 vn = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi, vlog2e, vmagic_bias), vmagic_bias));
    __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2_hi, vzhi);
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm512_max_ps(vmin_t, _mm512_add_ps(vt, vzlo));
    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);

    const __m512 ve = _mm512_add_ps(vn, vmultiplier_exp);
    const __m512 vy = _mm512_scalef_ps(_mm512_mul_ps(vp, vmultiplier_value), ve);
    _mm512_mask_storeu_ps(output, vmask, vy);
  }
}
