// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoreexpminusmax/avx512f-rr1-lut16-p3-perm-scalef.c.in
//   Generator: scripts/families/f32-raddstoreexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"

// exp(z) for z = fma(input, scale, -max) <= 0, "rr1_lut16_p3_perm_scalef":
// z = n*ln2 + t where n = round(z / ln2) to a multiple of 1/16 (a magic bias
// that leaves 4 fractional bits) and |t| <= ln2/32 (one-constant Cody-Waite
// reduction: with FMA, n*ln2 is not rounded before the subtraction). With
// n = e + k/16, e = floor(n), k in 0..15:
//   exp(z) = 2^e * 2^(k/16) * exp(t),
// where 2^(k/16) comes from a 16-entry table held in one register and indexed
// by VPERMPS with the low 4 bits of the biased n (VPERMPS reads only those),
// exp(t) ~ 1 + t*p(t) with a degree-3 polynomial (p of degree 2), and 2^e is
// applied by VSCALEFPS, which floors its exponent operand, so it takes the
// fractional n as is.
void attnorm_f32_raddstoreexpminusmax_ukernel__avx512f_rr1_lut16_p3_perm_scalef_u128_acc4(
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

  const __m512 vscale = _mm512_set1_ps(scale);
  const __m512 vminus_max = _mm512_set1_ps(-*max);
  // log2(e), rounded to float.
  const __m512 vlog2e = _mm512_set1_ps(0x1.715476p+0f);
  // 1.5 * 2^19: the float ulp at this magnitude is 2^-4, so adding it rounds
  // z*log2e to a multiple of 1/16 (to nearest even), n*16 being held in the
  // low mantissa bits (whose low 4 bits are k, in two's complement for n < 0).
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.800000p19f);
  // -ln(2), rounded to float.
  const __m512 vminus_ln2 = _mm512_set1_ps(-0x1.62E430p-1f);
  // 2^(k/16), k = 0..15, rounded to float (_mm512_set_ps lists lane 15 first).
  const __m512 vtable = _mm512_set_ps(
    0x1.EA4AFAp+0f, 0x1.D5818Ep+0f, 0x1.C199BEp+0f, 0x1.AE89FAp+0f,
    0x1.9C4918p+0f, 0x1.8ACE54p+0f, 0x1.7A1148p+0f, 0x1.6A09E6p+0f,
    0x1.5AB07Ep+0f, 0x1.4BFDAEp+0f, 0x1.3DEA64p+0f, 0x1.306FE0p+0f,
    0x1.2387A6p+0f, 0x1.172B84p+0f, 0x1.0B5586p+0f, 0x1.000000p+0f);
  // Coefficients of the degree-2 minimax approximation (relative error) of
  // (exp(t) - 1) / t on [-ln2/32, ln2/32]: p(t) = c1 + t*(c2 + t*c3), c1 = 1
  // (rounding the minimax c1 = 1 + 7e-10 to float). Approximation error of
  // 1 + t*p(t) to exp(t): 2.3e-9 relative.
  const __m512 vc3 = _mm512_set1_ps(0x1.555556p-3f);
  const __m512 vc2 = _mm512_set1_ps(0x1.0001ECp-1f);
  const __m512 vone = _mm512_set1_ps(1.0f);
  // ln(2^-126) ~ -87.33654: below it exp(z) is not a normal float, and the
  // contract flushes it to +0 (a zero-masking VSCALEFPS). The mask also turns
  // -inf inputs, where t = -inf + inf is NaN, into exactly +0; NaN is "not less
  // than" the cutoff (unordered compare), so it stays NaN.
  const __m512 vdenorm_cutoff = _mm512_set1_ps(-0x1.5D589Ep6f);

  __m512 vacc0 = _mm512_setzero_ps();
  __m512 vacc1 = _mm512_setzero_ps();
  __m512 vacc2 = _mm512_setzero_ps();
  __m512 vacc3 = _mm512_setzero_ps();
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

    // z = input * scale - max, with one rounding.
    const __m512 vz0 = _mm512_fmadd_ps(vi0, vscale, vminus_max);
    const __m512 vz1 = _mm512_fmadd_ps(vi1, vscale, vminus_max);
    const __m512 vz2 = _mm512_fmadd_ps(vi2, vscale, vminus_max);
    const __m512 vz3 = _mm512_fmadd_ps(vi3, vscale, vminus_max);
    const __m512 vz4 = _mm512_fmadd_ps(vi4, vscale, vminus_max);
    const __m512 vz5 = _mm512_fmadd_ps(vi5, vscale, vminus_max);
    const __m512 vz6 = _mm512_fmadd_ps(vi6, vscale, vminus_max);
    const __m512 vz7 = _mm512_fmadd_ps(vi7, vscale, vminus_max);
    // n = round(z * log2e) to a multiple of 1/16, plus the magic bias.
    __m512 vn0 = _mm512_fmadd_ps(vz0, vlog2e, vmagic_bias);
    __m512 vn1 = _mm512_fmadd_ps(vz1, vlog2e, vmagic_bias);
    __m512 vn2 = _mm512_fmadd_ps(vz2, vlog2e, vmagic_bias);
    __m512 vn3 = _mm512_fmadd_ps(vz3, vlog2e, vmagic_bias);
    __m512 vn4 = _mm512_fmadd_ps(vz4, vlog2e, vmagic_bias);
    __m512 vn5 = _mm512_fmadd_ps(vz5, vlog2e, vmagic_bias);
    __m512 vn6 = _mm512_fmadd_ps(vz6, vlog2e, vmagic_bias);
    __m512 vn7 = _mm512_fmadd_ps(vz7, vlog2e, vmagic_bias);
    // l = 2^(k/16), k = the low 4 bits of the biased n.
    const __m512 vl0 = _mm512_permutexvar_ps(_mm512_castps_si512(vn0), vtable);
    const __m512 vl1 = _mm512_permutexvar_ps(_mm512_castps_si512(vn1), vtable);
    const __m512 vl2 = _mm512_permutexvar_ps(_mm512_castps_si512(vn2), vtable);
    const __m512 vl3 = _mm512_permutexvar_ps(_mm512_castps_si512(vn3), vtable);
    const __m512 vl4 = _mm512_permutexvar_ps(_mm512_castps_si512(vn4), vtable);
    const __m512 vl5 = _mm512_permutexvar_ps(_mm512_castps_si512(vn5), vtable);
    const __m512 vl6 = _mm512_permutexvar_ps(_mm512_castps_si512(vn6), vtable);
    const __m512 vl7 = _mm512_permutexvar_ps(_mm512_castps_si512(vn7), vtable);
    vn0 = _mm512_sub_ps(vn0, vmagic_bias);
    vn1 = _mm512_sub_ps(vn1, vmagic_bias);
    vn2 = _mm512_sub_ps(vn2, vmagic_bias);
    vn3 = _mm512_sub_ps(vn3, vmagic_bias);
    vn4 = _mm512_sub_ps(vn4, vmagic_bias);
    vn5 = _mm512_sub_ps(vn5, vmagic_bias);
    vn6 = _mm512_sub_ps(vn6, vmagic_bias);
    vn7 = _mm512_sub_ps(vn7, vmagic_bias);
    // t = z - n*ln2.
    const __m512 vt0 = _mm512_fmadd_ps(vn0, vminus_ln2, vz0);
    const __m512 vt1 = _mm512_fmadd_ps(vn1, vminus_ln2, vz1);
    const __m512 vt2 = _mm512_fmadd_ps(vn2, vminus_ln2, vz2);
    const __m512 vt3 = _mm512_fmadd_ps(vn3, vminus_ln2, vz3);
    const __m512 vt4 = _mm512_fmadd_ps(vn4, vminus_ln2, vz4);
    const __m512 vt5 = _mm512_fmadd_ps(vn5, vminus_ln2, vz5);
    const __m512 vt6 = _mm512_fmadd_ps(vn6, vminus_ln2, vz6);
    const __m512 vt7 = _mm512_fmadd_ps(vn7, vminus_ln2, vz7);
    __m512 vp0 = _mm512_fmadd_ps(vc3, vt0, vc2);
    __m512 vp1 = _mm512_fmadd_ps(vc3, vt1, vc2);
    __m512 vp2 = _mm512_fmadd_ps(vc3, vt2, vc2);
    __m512 vp3 = _mm512_fmadd_ps(vc3, vt3, vc2);
    __m512 vp4 = _mm512_fmadd_ps(vc3, vt4, vc2);
    __m512 vp5 = _mm512_fmadd_ps(vc3, vt5, vc2);
    __m512 vp6 = _mm512_fmadd_ps(vc3, vt6, vc2);
    __m512 vp7 = _mm512_fmadd_ps(vc3, vt7, vc2);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vone);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vone);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vone);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vone);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vone);
    const __m512 vlt0 = _mm512_mul_ps(vl0, vt0);
    const __m512 vlt1 = _mm512_mul_ps(vl1, vt1);
    const __m512 vlt2 = _mm512_mul_ps(vl2, vt2);
    const __m512 vlt3 = _mm512_mul_ps(vl3, vt3);
    const __m512 vlt4 = _mm512_mul_ps(vl4, vt4);
    const __m512 vlt5 = _mm512_mul_ps(vl5, vt5);
    const __m512 vlt6 = _mm512_mul_ps(vl6, vt6);
    const __m512 vlt7 = _mm512_mul_ps(vl7, vt7);
    // l * exp(t) ~ l + (l*t)*p.
    vp0 = _mm512_fmadd_ps(vlt0, vp0, vl0);
    vp1 = _mm512_fmadd_ps(vlt1, vp1, vl1);
    vp2 = _mm512_fmadd_ps(vlt2, vp2, vl2);
    vp3 = _mm512_fmadd_ps(vlt3, vp3, vl3);
    vp4 = _mm512_fmadd_ps(vlt4, vp4, vl4);
    vp5 = _mm512_fmadd_ps(vlt5, vp5, vl5);
    vp6 = _mm512_fmadd_ps(vlt6, vp6, vl6);
    vp7 = _mm512_fmadd_ps(vlt7, vp7, vl7);
    // exp(z) = l * exp(t) * 2^floor(n); lanes with z < cutoff get +0.
    const __m512 vf0 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz0, vdenorm_cutoff, _CMP_NLT_US), vp0, vn0);
    const __m512 vf1 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz1, vdenorm_cutoff, _CMP_NLT_US), vp1, vn1);
    const __m512 vf2 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz2, vdenorm_cutoff, _CMP_NLT_US), vp2, vn2);
    const __m512 vf3 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz3, vdenorm_cutoff, _CMP_NLT_US), vp3, vn3);
    const __m512 vf4 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz4, vdenorm_cutoff, _CMP_NLT_US), vp4, vn4);
    const __m512 vf5 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz5, vdenorm_cutoff, _CMP_NLT_US), vp5, vn5);
    const __m512 vf6 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz6, vdenorm_cutoff, _CMP_NLT_US), vp6, vn6);
    const __m512 vf7 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz7, vdenorm_cutoff, _CMP_NLT_US), vp7, vn7);
    _mm512_storeu_ps(output, vf0);
    _mm512_storeu_ps(output + 16, vf1);
    _mm512_storeu_ps(output + 32, vf2);
    _mm512_storeu_ps(output + 48, vf3);
    _mm512_storeu_ps(output + 64, vf4);
    _mm512_storeu_ps(output + 80, vf5);
    _mm512_storeu_ps(output + 96, vf6);
    _mm512_storeu_ps(output + 112, vf7);
    output += 128;

    vacc0 = _mm512_add_ps(vacc0, vf0);
    vacc1 = _mm512_add_ps(vacc1, vf1);
    vacc2 = _mm512_add_ps(vacc2, vf2);
    vacc3 = _mm512_add_ps(vacc3, vf3);
    vacc0 = _mm512_add_ps(vacc0, vf4);
    vacc1 = _mm512_add_ps(vacc1, vf5);
    vacc2 = _mm512_add_ps(vacc2, vf6);
    vacc3 = _mm512_add_ps(vacc3, vf7);
  }
  vacc0 = _mm512_add_ps(vacc0, vacc1);
  vacc2 = _mm512_add_ps(vacc2, vacc3);
  vacc0 = _mm512_add_ps(vacc0, vacc2);

  __m512 vacc = vacc0;
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    __m512 vn = _mm512_fmadd_ps(vz, vlog2e, vmagic_bias);
    const __m512 vl = _mm512_permutexvar_ps(_mm512_castps_si512(vn), vtable);
    vn = _mm512_sub_ps(vn, vmagic_bias);
    const __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc3, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vone);
    const __m512 vlt = _mm512_mul_ps(vl, vt);
    vp = _mm512_fmadd_ps(vlt, vp, vl);

    const __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

    _mm512_storeu_ps(output, vf);
    output += 16;

    vacc = _mm512_add_ps(vacc, vf);
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // The remaining 1..15 elements: lanes past the row load 0, are not stored
    // and are not added to the sum.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));

    const __m512 vi = _mm512_maskz_loadu_ps(vmask, input);

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    __m512 vn = _mm512_fmadd_ps(vz, vlog2e, vmagic_bias);
    const __m512 vl = _mm512_permutexvar_ps(_mm512_castps_si512(vn), vtable);
    vn = _mm512_sub_ps(vn, vmagic_bias);
    const __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc3, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vone);
    const __m512 vlt = _mm512_mul_ps(vl, vt);
    vp = _mm512_fmadd_ps(vlt, vp, vl);

    const __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

    _mm512_mask_storeu_ps(output, vmask, vf);

    vacc = _mm512_mask_add_ps(vacc, vmask, vacc, vf);
  }
  *sum = _mm512_reduce_add_ps(vacc);
}
