// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp/avx512f-p5-scalef.c.in
//   Generator: scripts/families/f32-raddextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"

void attnorm_f32_raddextexp_ukernel__avx512f_p5_scalef_u32(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    float scale)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

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
  // -inf inputs: n is clamped to this exponent (2**-2**23 is 0 next to any finite term) and t to
  // -1 (finite inputs have t >= -ln(2)/2 - tiny), so no infinity enters the arithmetic. Both
  // clamps are written max(bound, x), which returns x when x is NaN.
  const __m512 vmin_exponent = _mm512_set1_ps(ATTNORM_EXTEXP_MIN_EXPONENT);
  const __m512 vmin_t = _mm512_set1_ps(-1.0f);

  // The running sums, one (v, e) pair per accumulator, meaning v * 2**e.
  __m512 vaccv0 = _mm512_setzero_ps();
  __m512 vacce0 = vmin_exponent;
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    input += 32;

    // z = x * scale as an exact sum z_hi + z_lo: z_lo is the rounding error of the product, so
    // the result does not depend on how well x * scale rounds (it matters at large |z|). z_lo
    // is NaN only for +-inf inputs (inf - inf); max(z_lo, -1) replaces that NaN by -1.
    const __m512 vzhi0 = _mm512_mul_ps(vi0, vscale);
    const __m512 vzhi1 = _mm512_mul_ps(vi1, vscale);
    const __m512 vzlo0 = _mm512_max_ps(_mm512_fmsub_ps(vi0, vscale, vzhi0), vmin_t);
    const __m512 vzlo1 = _mm512_max_ps(_mm512_fmsub_ps(vi1, vscale, vzhi1), vmin_t);
    // n = round(z * log2(e)) by the magic bias, an integer-valued float; -inf becomes the
    // minimum exponent.
    const __m512 vn0 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi0, vlog2e, vmagic_bias), vmagic_bias));
    const __m512 vn1 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vzhi1, vlog2e, vmagic_bias), vmagic_bias));
    // t = z - n * ln(2) in [-ln(2)/2, ln(2)/2] (plus rounding), so exp(z) = exp(t) * 2**n.
    __m512 vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_hi, vzhi0);
    __m512 vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_hi, vzhi1);
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt0 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt0, vzlo0));
    vt1 = _mm512_max_ps(vmin_t, _mm512_add_ps(vt1, vzlo1));
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
    __m512 vp0 = _mm512_fmadd_ps(vc5, vt0, vc4);
    __m512 vp1 = _mm512_fmadd_ps(vc5, vt1, vc4);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc3);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc2);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vc1);
    vp0 = _mm512_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm512_fmadd_ps(vp1, vt1, vone);
    // Add p * 2**n to v * 2**e: both are rescaled to the larger exponent e' = max(e, n), so the
    // smaller one is multiplied by 2**(negative) (scalef, exact or underflowing to 0), and v
    // stays below elements * 1.42. NaN in p or n makes v NaN for good.
    __m512 vmax_e0 = _mm512_max_ps(vacce0, vn0);
    vmax_e0 = _mm512_max_ps(vmax_e0, vn1);
    const __m512 vdelta_acce0 = _mm512_sub_ps(vacce0, vmax_e0);
    const __m512 vdelta_e0 = _mm512_sub_ps(vn0, vmax_e0);
    const __m512 vdelta_e1 = _mm512_sub_ps(vn1, vmax_e0);
    vaccv0 = _mm512_scalef_ps(vaccv0, vdelta_acce0);
    vaccv0 = _mm512_add_ps(vaccv0, _mm512_scalef_ps(vp0, vdelta_e0));
    vaccv0 = _mm512_add_ps(vaccv0, _mm512_scalef_ps(vp1, vdelta_e1));
    vacce0 = vmax_e0;
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

    const __m512 vmax_e = _mm512_max_ps(vacce0, vn);
    vaccv0 = _mm512_scalef_ps(vaccv0, _mm512_sub_ps(vacce0, vmax_e));
    vaccv0 = _mm512_add_ps(vaccv0, _mm512_scalef_ps(vp, _mm512_sub_ps(vn, vmax_e)));
    vacce0 = vmax_e;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // Process the remaining 1..15 elements; lanes past the row keep their (v, e) unchanged.
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

    const __m512 vmax_e = _mm512_mask_max_ps(vacce0, vmask, vacce0, vn);
    vaccv0 = _mm512_scalef_ps(vaccv0, _mm512_sub_ps(vacce0, vmax_e));
    vaccv0 = _mm512_mask_add_ps(vaccv0, vmask, vaccv0, _mm512_scalef_ps(vp, _mm512_sub_ps(vn, vmax_e)));
    vacce0 = vmax_e;
  }
  // Merge the 16 lanes: rescale every v to the largest exponent, then add.
  const float vmax_e = _mm512_reduce_max_ps(vacce0);
  vaccv0 = _mm512_scalef_ps(vaccv0, _mm512_sub_ps(vacce0, _mm512_set1_ps(vmax_e)));
  sum[0] = _mm512_reduce_add_ps(vaccv0);
  sum[1] = vmax_e;
}
