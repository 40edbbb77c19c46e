// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp/avx512f-p5-scalef.c.in
//   Generator: scripts/families/f32-raddextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"

void attnorm_f32_raddextexp_ukernel__avx512f_p5_scalef_u32_acc2(
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

  const __m512 vscale = _mm512_set1_ps(scale);
  // Range reduction: exp(z) = exp(t) * 2**n with z = x * scale, n = round(z * log2(e)) and
  // t = z - n * ln(2), so t is in [-ln(2)/2, ln(2)/2] up to the roundings below.
  // n is rounded from x * scale_log2e, with scale * log2(e) computed (and rounded) once, here:
  // x * scale_log2e is within |z| * 1.1e-7 of z * log2(e), so t may overshoot ln(2)/2 by up to
  // |z| * 7.3e-8 (3e-4 at |z| = 2**12, 0.15 at 2**21), which p(t) below tolerates.
  const __m512 vscale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);  // scale * log2(e)
  // Rounds to an integer when added: 1.5 * 2**23. Valid for |x * scale_log2e| < 2**22. Like
  // AVX2 and scalar (and unlike roundscale(x * scale_log2e)), it rounds x * scale_log2e once.
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  // Cody-Waite split ln(2) = ln2_hi + ln2_lo. ln2_hi = 0x1.63p-1 = 355/512 is ln(2) rounded to 9
  // significant bits, so n * ln2_hi is a multiple of 2**-9, exact in a float while below 2**15
  // in magnitude, that is for |z| <= 32757. Then t = fma(x, scale, n * -ln2_hi) rounds
  // x * scale - n * ln2_hi (both products exact) only once, to a float below 11 in magnitude,
  // and one more FMA takes off n * ln2_lo, ln2_lo = ln(2) - ln2_hi = -2.12e-4 (1.6e-12 off as
  // a float). Beyond |z| = 32757 the product n * ln2_hi is rounded, by up to |z| * 2**-24: the
  // error that grows with |z| in the contract.
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);      // -ln2_hi = -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f);  // -ln2_lo = ln2_hi - ln(2) = 2.1219444e-4
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m512 vone = _mm512_set1_ps(1.0f);
  const __m512 vc1 = _mm512_set1_ps(0x1.FFFFF6p-1f);
  const __m512 vc2 = _mm512_set1_ps(0x1.FFFDC6p-2f);
  const __m512 vc3 = _mm512_set1_ps(0x1.555A80p-3f);
  const __m512 vc4 = _mm512_set1_ps(0x1.573A1Ap-5f);
  const __m512 vc5 = _mm512_set1_ps(0x1.0F9F9Cp-7f);
  // -inf inputs: n is clamped to this exponent (2**-2**23 is 0 next to any finite term) and t to
  // -1 (finite inputs in the valid range have t > -0.65), so no infinity enters the arithmetic.
  // Both clamps are written max(bound, x), which returns x when x is NaN.
  const __m512 vmin_exponent = _mm512_set1_ps(ATTNORM_EXTEXP_MIN_EXPONENT);
  const __m512 vmin_t = _mm512_set1_ps(-1.0f);

  // The running sums, one (v, e) pair per accumulator, meaning v * 2**e.
  __m512 vaccv0 = _mm512_setzero_ps();
  __m512 vaccv1 = _mm512_setzero_ps();
  __m512 vacce0 = vmin_exponent;
  __m512 vacce1 = vmin_exponent;
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    input += 32;

    // n = round(x * scale * log2(e)) by the magic bias, an integer-valued float. -inf gives -inf,
    // which the clamp turns into the minimum exponent; NaN stays NaN.
    const __m512 vn0 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vi0, vscale_log2e, vmagic_bias), vmagic_bias));
    const __m512 vn1 = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vi1, vscale_log2e, vmagic_bias), vmagic_bias));
    // t = x * scale - n * ln2_hi - n * ln2_lo, so exp(z) = exp(t) * 2**n. For -inf, t is -inf
    // (-inf + finite) and the clamp makes it -1; for +inf it is NaN (inf - inf).
    const __m512 vnln2hi0 = _mm512_mul_ps(vn0, vminus_ln2_hi);
    const __m512 vnln2hi1 = _mm512_mul_ps(vn1, vminus_ln2_hi);
    __m512 vt0 = _mm512_fmadd_ps(vi0, vscale, vnln2hi0);
    __m512 vt1 = _mm512_fmadd_ps(vi1, vscale, vnln2hi1);
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt0 = _mm512_max_ps(vmin_t, vt0);
    vt1 = _mm512_max_ps(vmin_t, vt1);
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
    __m512 vmax_e1 = _mm512_max_ps(vacce1, vn1);
    const __m512 vdelta_acce0 = _mm512_sub_ps(vacce0, vmax_e0);
    const __m512 vdelta_acce1 = _mm512_sub_ps(vacce1, vmax_e1);
    const __m512 vdelta_e0 = _mm512_sub_ps(vn0, vmax_e0);
    const __m512 vdelta_e1 = _mm512_sub_ps(vn1, vmax_e1);
    vaccv0 = _mm512_scalef_ps(vaccv0, vdelta_acce0);
    vaccv1 = _mm512_scalef_ps(vaccv1, vdelta_acce1);
    vaccv0 = _mm512_add_ps(vaccv0, _mm512_scalef_ps(vp0, vdelta_e0));
    vaccv1 = _mm512_add_ps(vaccv1, _mm512_scalef_ps(vp1, vdelta_e1));
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
  }
  // Merge the accumulators pairwise the same way: rescale both to the larger exponent, add.
  {
    const __m512 vmax_e = _mm512_max_ps(vacce0, vacce1);
    vaccv0 = _mm512_add_ps(
      _mm512_scalef_ps(vaccv0, _mm512_sub_ps(vacce0, vmax_e)),
      _mm512_scalef_ps(vaccv1, _mm512_sub_ps(vacce1, vmax_e)));
    vacce0 = vmax_e;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    // The same steps as above for one vector.
    const __m512 vn = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vi, vscale_log2e, vmagic_bias), vmagic_bias));
    __m512 vt = _mm512_fmadd_ps(vi, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm512_max_ps(vmin_t, vt);
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

    const __m512 vn = _mm512_max_ps(vmin_exponent, _mm512_sub_ps(_mm512_fmadd_ps(vi, vscale_log2e, vmagic_bias), vmagic_bias));
    __m512 vt = _mm512_fmadd_ps(vi, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm512_max_ps(vmin_t, vt);
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
