// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddexpminusmax/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-raddexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"

// exp(z) for z = fma(input, scale, -max) <= 0, "rr1_p5_scalef": z = n*ln2 + t
// with n = round(z / ln2) and |t| <= ln2/2 (one-constant Cody-Waite reduction:
// with FMA, n*ln2 is not rounded before the subtraction), exp(t) ~ 1 + t*p(t)
// with a degree-5 minimax polynomial, and exp(z) = exp(t) * 2^n by VSCALEFPS,
// which takes n as a float (no exponent-bit tricks, no magic bias).
void attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_scalef_u192_acc3(
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

  __m512 vacc0 = _mm512_setzero_ps();
  __m512 vacc1 = _mm512_setzero_ps();
  __m512 vacc2 = _mm512_setzero_ps();
  for (; batch >= 192 * sizeof(float); batch -= 192 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    const __m512 vi2 = _mm512_loadu_ps(input + 32);
    const __m512 vi3 = _mm512_loadu_ps(input + 48);
    const __m512 vi4 = _mm512_loadu_ps(input + 64);
    const __m512 vi5 = _mm512_loadu_ps(input + 80);
    const __m512 vi6 = _mm512_loadu_ps(input + 96);
    const __m512 vi7 = _mm512_loadu_ps(input + 112);
    const __m512 vi8 = _mm512_loadu_ps(input + 128);
    const __m512 vi9 = _mm512_loadu_ps(input + 144);
    const __m512 vi10 = _mm512_loadu_ps(input + 160);
    const __m512 vi11 = _mm512_loadu_ps(input + 176);
    input += 192;

    // z = input * scale - max, with one rounding.
    const __m512 vz0 = _mm512_fmadd_ps(vi0, vscale, vminus_max);
    const __m512 vz1 = _mm512_fmadd_ps(vi1, vscale, vminus_max);
    const __m512 vz2 = _mm512_fmadd_ps(vi2, vscale, vminus_max);
    const __m512 vz3 = _mm512_fmadd_ps(vi3, vscale, vminus_max);
    const __m512 vz4 = _mm512_fmadd_ps(vi4, vscale, vminus_max);
    const __m512 vz5 = _mm512_fmadd_ps(vi5, vscale, vminus_max);
    const __m512 vz6 = _mm512_fmadd_ps(vi6, vscale, vminus_max);
    const __m512 vz7 = _mm512_fmadd_ps(vi7, vscale, vminus_max);
    const __m512 vz8 = _mm512_fmadd_ps(vi8, vscale, vminus_max);
    const __m512 vz9 = _mm512_fmadd_ps(vi9, vscale, vminus_max);
    const __m512 vz10 = _mm512_fmadd_ps(vi10, vscale, vminus_max);
    const __m512 vz11 = _mm512_fmadd_ps(vi11, vscale, vminus_max);
    // n = round(z * log2e), to nearest even.
    const __m512 vn0 = _mm512_roundscale_ps(_mm512_mul_ps(vz0, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn1 = _mm512_roundscale_ps(_mm512_mul_ps(vz1, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn2 = _mm512_roundscale_ps(_mm512_mul_ps(vz2, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn3 = _mm512_roundscale_ps(_mm512_mul_ps(vz3, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn4 = _mm512_roundscale_ps(_mm512_mul_ps(vz4, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn5 = _mm512_roundscale_ps(_mm512_mul_ps(vz5, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn6 = _mm512_roundscale_ps(_mm512_mul_ps(vz6, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn7 = _mm512_roundscale_ps(_mm512_mul_ps(vz7, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn8 = _mm512_roundscale_ps(_mm512_mul_ps(vz8, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn9 = _mm512_roundscale_ps(_mm512_mul_ps(vz9, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn10 = _mm512_roundscale_ps(_mm512_mul_ps(vz10, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn11 = _mm512_roundscale_ps(_mm512_mul_ps(vz11, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    // t = z - n*ln2.
    const __m512 vt0 = _mm512_fmadd_ps(vn0, vminus_ln2, vz0);
    const __m512 vt1 = _mm512_fmadd_ps(vn1, vminus_ln2, vz1);
    const __m512 vt2 = _mm512_fmadd_ps(vn2, vminus_ln2, vz2);
    const __m512 vt3 = _mm512_fmadd_ps(vn3, vminus_ln2, vz3);
    const __m512 vt4 = _mm512_fmadd_ps(vn4, vminus_ln2, vz4);
    const __m512 vt5 = _mm512_fmadd_ps(vn5, vminus_ln2, vz5);
    const __m512 vt6 = _mm512_fmadd_ps(vn6, vminus_ln2, vz6);
    const __m512 vt7 = _mm512_fmadd_ps(vn7, vminus_ln2, vz7);
    const __m512 vt8 = _mm512_fmadd_ps(vn8, vminus_ln2, vz8);
    const __m512 vt9 = _mm512_fmadd_ps(vn9, vminus_ln2, vz9);
    const __m512 vt10 = _mm512_fmadd_ps(vn10, vminus_ln2, vz10);
    const __m512 vt11 = _mm512_fmadd_ps(vn11, vminus_ln2, vz11);
    __m512 vp0 = _mm512_fmadd_ps(vc5, vt0, vc4);
    __m512 vp1 = _mm512_fmadd_ps(vc5, vt1, vc4);
    __m512 vp2 = _mm512_fmadd_ps(vc5, vt2, vc4);
    __m512 vp3 = _mm512_fmadd_ps(vc5, vt3, vc4);
    __m512 vp4 = _mm512_fmadd_ps(vc5, vt4, vc4);
    __m512 vp5 = _mm512_fmadd_ps(vc5, vt5, vc4);
    __m512 vp6 = _mm512_fmadd_ps(vc5, vt6, vc4);
    __m512 vp7 = _mm512_fmadd_ps(vc5, vt7, vc4);
    __m512 vp8 = _mm512_fmadd_ps(vc5, vt8, vc4);
    __m512 vp9 = _mm512_fmadd_ps(vc5, vt9, vc4);
    __m512 vp10 = _mm512_fmadd_ps(vc5, vt10, vc4);
    __m512 vp11 = _mm512_fmadd_ps(vc5, vt11, vc4);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc3);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc3);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc3);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc3);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc3);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc3);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc3);
    vp8 = _mm512_fmadd_ps(vp8, vt8, vc3);
    vp9 = _mm512_fmadd_ps(vp9, vt9, vc3);
    vp10 = _mm512_fmadd_ps(vp10, vt10, vc3);
    vp11 = _mm512_fmadd_ps(vp11, vt11, vc3);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc2);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc2);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc2);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc2);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc2);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc2);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc2);
    vp8 = _mm512_fmadd_ps(vp8, vt8, vc2);
    vp9 = _mm512_fmadd_ps(vp9, vt9, vc2);
    vp10 = _mm512_fmadd_ps(vp10, vt10, vc2);
    vp11 = _mm512_fmadd_ps(vp11, vt11, vc2);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc1);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vc1);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vc1);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vc1);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vc1);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vc1);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vc1);
    vp8 = _mm512_fmadd_ps(vp8, vt8, vc1);
    vp9 = _mm512_fmadd_ps(vp9, vt9, vc1);
    vp10 = _mm512_fmadd_ps(vp10, vt10, vc1);
    vp11 = _mm512_fmadd_ps(vp11, vt11, vc1);
    // exp(t) ~ 1 + t*p.
    vp0 = _mm512_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm512_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm512_fmadd_ps(vp3, vt3, vone);
    vp4 = _mm512_fmadd_ps(vp4, vt4, vone);
    vp5 = _mm512_fmadd_ps(vp5, vt5, vone);
    vp6 = _mm512_fmadd_ps(vp6, vt6, vone);
    vp7 = _mm512_fmadd_ps(vp7, vt7, vone);
    vp8 = _mm512_fmadd_ps(vp8, vt8, vone);
    vp9 = _mm512_fmadd_ps(vp9, vt9, vone);
    vp10 = _mm512_fmadd_ps(vp10, vt10, vone);
    vp11 = _mm512_fmadd_ps(vp11, vt11, vone);
    // exp(z) = exp(t) * 2^n; lanes with z < cutoff get +0.
    const __m512 vf0 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz0, vdenorm_cutoff, _CMP_NLT_US), vp0, vn0);
    const __m512 vf1 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz1, vdenorm_cutoff, _CMP_NLT_US), vp1, vn1);
    const __m512 vf2 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz2, vdenorm_cutoff, _CMP_NLT_US), vp2, vn2);
    const __m512 vf3 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz3, vdenorm_cutoff, _CMP_NLT_US), vp3, vn3);
    const __m512 vf4 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz4, vdenorm_cutoff, _CMP_NLT_US), vp4, vn4);
    const __m512 vf5 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz5, vdenorm_cutoff, _CMP_NLT_US), vp5, vn5);
    const __m512 vf6 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz6, vdenorm_cutoff, _CMP_NLT_US), vp6, vn6);
    const __m512 vf7 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz7, vdenorm_cutoff, _CMP_NLT_US), vp7, vn7);
    const __m512 vf8 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz8, vdenorm_cutoff, _CMP_NLT_US), vp8, vn8);
    const __m512 vf9 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz9, vdenorm_cutoff, _CMP_NLT_US), vp9, vn9);
    const __m512 vf10 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz10, vdenorm_cutoff, _CMP_NLT_US), vp10, vn10);
    const __m512 vf11 = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz11, vdenorm_cutoff, _CMP_NLT_US), vp11, vn11);
    vacc0 = _mm512_add_ps(vacc0, vf0);
    vacc1 = _mm512_add_ps(vacc1, vf1);
    vacc2 = _mm512_add_ps(vacc2, vf2);
    vacc0 = _mm512_add_ps(vacc0, vf3);
    vacc1 = _mm512_add_ps(vacc1, vf4);
    vacc2 = _mm512_add_ps(vacc2, vf5);
    vacc0 = _mm512_add_ps(vacc0, vf6);
    vacc1 = _mm512_add_ps(vacc1, vf7);
    vacc2 = _mm512_add_ps(vacc2, vf8);
    vacc0 = _mm512_add_ps(vacc0, vf9);
    vacc1 = _mm512_add_ps(vacc1, vf10);
    vacc2 = _mm512_add_ps(vacc2, vf11);
  }
  vacc0 = _mm512_add_ps(vacc0, vacc1);
  vacc0 = _mm512_add_ps(vacc0, vacc2);

  __m512 vacc = vacc0;
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

    const __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

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

    const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vz, vlog2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2, vz);

    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);

    const __m512 vf = _mm512_maskz_scalef_ps(_mm512_cmp_ps_mask(vz, vdenorm_cutoff, _CMP_NLT_US), vp, vn);

    vacc = _mm512_mask_add_ps(vacc, vmask, vacc, vf);
  }
  *sum = _mm512_reduce_add_ps(vacc);
}
