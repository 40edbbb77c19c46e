// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddexpminusmax/avx512f-rr1-p5.c.in
//   Generator: scripts/families/f32-raddexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"

// exp(z) for z = fma(input, scale, -max) <= 0, "rr1_p5": z = n*ln2 + t with
// n = round(z / ln2) and |t| <= ln2/2 (one-constant Cody-Waite reduction: with
// FMA, n*ln2 is not rounded before the subtraction), exp(t) ~ 1 + t*p(t) with a
// degree-5 minimax polynomial, and exp(z) = 2^n * exp(t) with 2^n built from
// exponent bits.
void attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_u16(
    size_t batch,
    const float* input,
    float* sum,
    float max,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const float scale = params->scalar.scale;

  const __m512 vscale = _mm512_set1_ps(scale);
  const __m512 vminus_max = _mm512_set1_ps(-max);
  // log2(e), rounded to float.
  const __m512 vlog2e = _mm512_set1_ps(0x1.715476p+0f);
  // 1.5 * 2^23 + 127: adding it rounds z*log2e to an integer n (round to
  // nearest even) held in the low mantissa bits together with the +127 exponent
  // bias, so shifting the bits left by 23 gives the float 2^n.
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8000FEp23f);
  // -ln(2), rounded to float.
  const __m512 vminus_ln2 = _mm512_set1_ps(-0x1.62E430p-1f);
  // Coefficients of the degree-5 minimax approximation of (exp(t) - 1) / t on
  // [-ln2/2, ln2/2]: p(t) = c1 + t*(c2 + t*(c3 + t*(c4 + t*c5))).
  const __m512 vc5 = _mm512_set1_ps(0x1.0F9F9Cp-7f);
  const __m512 vc4 = _mm512_set1_ps(0x1.573A1Ap-5f);
  const __m512 vc3 = _mm512_set1_ps(0x1.555A80p-3f);
  const __m512 vc2 = _mm512_set1_ps(0x1.FFFDC6p-2f);
  const __m512 vc1 = _mm512_set1_ps(0x1.FFFFF6p-1f);
  // ln(2^-126) ~ -87.33654: below it exp(z) is not a normal float (and 2^n
  // cannot be built from exponent bits), so the result is flushed to +0 by a
  // zero-masking FMA. This also turns -inf inputs into exactly +0; NaN is
  // "not less than" the cutoff (unordered compare), so it stays NaN.
  const __m512 vdenorm_cutoff = _mm512_set1_ps(-0x1.5D589Ep6f);

  __m512 vacc0 = _mm512_setzero_ps();

  __m512 vacc = vacc0;
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    __m512 vn = _mm512_fmadd_ps(vz, vlog2e, vmagic_bias);
    const __m512 vs = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_castps_si512(vn), 23));
    vn = _mm512_sub_ps(vn, vmagic_bias);

    __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);

    vt = _mm512_mul_ps(vt, vs);
    const __m512 vf = _mm512_maskz_fmadd_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vt, vp, vs);

    vacc = _mm512_add_ps(vacc, vf);
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // The remaining 1..15 elements: lanes past the row load 0 and are not added
    // to the sum.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));

    const __m512 vi = _mm512_maskz_loadu_ps(vmask, input);

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    __m512 vn = _mm512_fmadd_ps(vz, vlog2e, vmagic_bias);
    const __m512 vs = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_castps_si512(vn), 23));
    vn = _mm512_sub_ps(vn, vmagic_bias);

    __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);

    vt = _mm512_mul_ps(vt, vs);
    const __m512 vf = _mm512_maskz_fmadd_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vt, vp, vs);

    vacc = _mm512_mask_add_ps(vacc, vmask, vacc, vf);
  }
  *sum = _mm512_reduce_add_ps(vacc);
}
