// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleexpminusmax/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-vscaleexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"

// exp(z) for z = fma(input, scale, -max) <= 0, "rr1_p5_scalef": z = n*ln2 + t
// with n = round(z / ln2) and |t| <= ln2/2 (one-constant Cody-Waite reduction:
// with FMA, n*ln2 is not rounded before the subtraction), exp(t) ~ 1 + t*p(t)
// with a degree-5 minimax polynomial, and exp(z) = exp(t) * 2^n by VSCALEFPS,
// which takes n as a float (no exponent-bit tricks, no magic bias).
void attnorm_f32_vscaleexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64(
    size_t batch,
    const float* input,
    float* output,
    float max,
    float multiplier,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const float scale = params->scalar.scale;

  const __m512 vscale = _mm512_set1_ps(scale);
  const __m512 vminus_max = _mm512_set1_ps(-max);
  const __m512 vmultiplier = _mm512_set1_ps(multiplier);
  // log2(e), rounded to float.
  const __m512 vlog2e = _mm512_set1_ps(0x1.715476p+0f);
  // -ln(2), rounded to float.
  const __m512 vminus_ln2 = _mm512_set1_ps(-0x1.62E430p-1f);
  // Coefficients of the degree-5 minimax approximation of (exp(t) - 1) / t on
  // [-ln2/2, ln2/2]: p(t) = c1 + t*(c2 + t*(c3 + t*(c4 + t*c5))).
  const __m512 vc5 = _mm512_set1_ps(0x1.0F9F9Cp-7f);
  const __m512 vc4 = _mm512_set1_ps(0x1.573A1Ap-5f);
  const __m512 vc3 = _mm512_set1_ps(0x1.555A80p-3f);
  const __m512 vc2 = _mm512_set1_ps(0x1.FFFDC6p-2f);
  const __m512 vc1 = _mm512_set1_ps(0x1.FFFFF6p-1f);
  const __m512 vone = _mm512_set1_ps(1.0f);
  // ln(2^-126) ~ -87.33654: below it exp(z) is not a normal float, and the
  // contract flushes it to +0 (a zero-masking VSCALEFPS). The mask also turns
  // -inf inputs, where t = -inf + inf is NaN, into exactly +0; NaN is "not less
  // than" the cutoff (unordered compare), so it stays NaN.
  const __m512 vdenorm_cutoff = _mm512_set1_ps(-0x1.5D589Ep6f);

  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    const __m512 vi2 = _mm512_loadu_ps(input + 32);
    const __m512 vi3 = _mm512_loadu_ps(input + 48);
    input += 64;

    // z = input * scale - max, with one rounding.
    const __m512 vz0 = _mm512_fmadd_ps(vi0, vscale, vminus_max);
    const __m512 vz1 = _mm512_fmadd_ps(vi1, vscale, vminus_max);
    const __m512 vz2 = _mm512_fmadd_ps(vi2, vscale, vminus_max);
    const __m512 vz3 = _mm512_fmadd_ps(vi3, vscale, vminus_max);
    // n = round(z * log2e), to nearest even.
    const __m512 vn0 = _mm512_roundscale_ps(_mm512_mul_ps(vz0, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn1 = _mm512_roundscale_ps(_mm512_mul_ps(vz1, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn2 = _mm512_roundscale_ps(_mm512_mul_ps(vz2, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn3 = _mm512_roundscale_ps(_mm512_mul_ps(vz3, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    // t = z - n*ln2.
    const __m512 vt0 = _mm512_fmadd_ps(vn0, vminus_ln2, vz0);
    const __m512 vt1 = _mm512_fmadd_ps(vn1, vminus_ln2, vz1);
    const __m512 vt2 = _mm512_fmadd_ps(vn2, vminus_ln2, vz2);
    const __m512 vt3 = _mm512_fmadd_ps(vn3, vminus_ln2, vz3);
    __m512 vp0 = _mm512_fmadd_ps(vc5, vt0, vc4);
    __m512 vp1 = _mm512_fmadd_ps(vc5, vt1, vc4);
    __m512 vp2 = _mm512_fmadd_ps(vc5, vt2, vc4);
    __m512 vp3 = _mm512_fmadd_ps(vc5, vt3, vc4);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc3);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc3);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc3);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc2);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc2);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc2);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc1);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc1);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc1);
    // exp(t) ~ 1 + t*p.
    vp0 = _mm512_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vone);
    // exp(z) = exp(t) * 2^n; lanes with z < cutoff get +0.
    __m512 vf0 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz0, vdenorm_cutoff, _CMP_NLT_US), vp0, vn0);
    __m512 vf1 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz1, vdenorm_cutoff, _CMP_NLT_US), vp1, vn1);
    __m512 vf2 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz2, vdenorm_cutoff, _CMP_NLT_US), vp2, vn2);
    __m512 vf3 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz3, vdenorm_cutoff, _CMP_NLT_US), vp3, vn3);
    // Multiply by multiplier (1 / sum in softmax).
    vf0 = _mm512_mul_ps(vf0, vmultiplier);
    vf1 = _mm512_mul_ps(vf1, vmultiplier);
    vf2 = _mm512_mul_ps(vf2, vmultiplier);
    vf3 = _mm512_mul_ps(vf3, vmultiplier);
    _mm512_storeu_ps(output, vf0);
    _mm512_storeu_ps(output + 16, vf1);
    _mm512_storeu_ps(output + 32, vf2);
    _mm512_storeu_ps(output + 48, vf3);
    output += 64;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vz, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);

    __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

    vf = _mm512_mul_ps(vf, vmultiplier);
    _mm512_storeu_ps(output, vf);
    output += 16;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // The remaining 1..15 elements: lanes past the row load 0 and are not
    // stored.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));

    const __m512 vi = _mm512_maskz_loadu_ps(vmask, input);

    const __m512 vz = _mm512_fmadd_ps(vi, vscale, vminus_max);

    const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vz, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);

    const __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

    _mm512_mask_storeu_ps(output, vmask, _mm512_mul_ps(vf, vmultiplier));
  }
}
