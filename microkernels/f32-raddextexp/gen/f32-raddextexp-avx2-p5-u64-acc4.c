// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp/avx2-p5.c.in
//   Generator: scripts/families/f32-raddextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

// 2**d for integer-valued d <= 0 (a difference of exponents), built from exponent bits: d is
// clamped to -127, where the biased exponent 0 gives exactly +0, so no denormals and no
// underflow. Adding 0x1.8000FEp23f = 1.5 * 2**23 + 127 puts d + 127 in the low mantissa bits;
// shifting them left by 23 moves them into the exponent field and drops the rest. A NaN d gives
// +0 (the max returns -127), so NaN must reach the sum through p, never through 2**d.
static inline __m256 exp2_delta(__m256 vd) {
  const __m256 vmin_delta = _mm256_set1_ps(-127.0f);           // 2**d is +0 at and below this
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);   // 1.5 * 2**23 + 127 (exponent bias)
  vd = _mm256_max_ps(vd, vmin_delta);
  return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(_mm256_add_ps(vd, vmagic_bias)), 23));
}

void attnorm_f32_raddextexp_ukernel__avx2_p5_u64_acc4(
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

  const __m256 vscale = _mm256_set1_ps(scale);
  // Range reduction: exp(z) = exp(t) * 2**n with z = x * scale, n = round(z * log2(e)) and
  // t = z - n * ln(2), so t is in [-ln(2)/2, ln(2)/2] up to the roundings below.
  // n is rounded from x * scale_log2e, with scale * log2(e) computed (and rounded) once, here:
  // x * scale_log2e is within |z| * 1.1e-7 of z * log2(e), so t may overshoot ln(2)/2 by up to
  // |z| * 7.3e-8 (3e-4 at |z| = 2**12, 0.15 at 2**21), which p(t) below tolerates.
  const __m256 vscale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);  // scale * log2(e)
  // Rounds to an integer when added: 1.5 * 2**23. Valid for |x * scale_log2e| < 2**22.
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8p23f);
  // Cody-Waite split ln(2) = ln2_hi + ln2_lo. ln2_hi = 0x1.63p-1 = 355/512 is ln(2) rounded to 9
  // significant bits, so n * ln2_hi is a multiple of 2**-9, exact in a float while below 2**15
  // in magnitude, that is for |z| <= 32757. Then t = fma(x, scale, n * -ln2_hi) rounds
  // x * scale - n * ln2_hi (both products exact) only once, to a float below 11 in magnitude,
  // and one more FMA takes off n * ln2_lo, ln2_lo = ln(2) - ln2_hi = -2.12e-4 (1.6e-12 off as
  // a float). Beyond |z| = 32757 the product n * ln2_hi is rounded, by up to |z| * 2**-24: the
  // error that grows with |z| in the contract.
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);      // -ln2_hi = -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f);  // -ln2_lo = ln2_hi - ln(2) = 2.1219444e-4
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m256 vone = _mm256_set1_ps(1.0f);
  const __m256 vc1 = _mm256_set1_ps(0x1.FFFFF6p-1f);
  const __m256 vc2 = _mm256_set1_ps(0x1.FFFDC6p-2f);
  const __m256 vc3 = _mm256_set1_ps(0x1.555A80p-3f);
  const __m256 vc4 = _mm256_set1_ps(0x1.573A1Ap-5f);
  const __m256 vc5 = _mm256_set1_ps(0x1.0F9F9Cp-7f);
  // -inf inputs: n is clamped to this exponent (2**-2**23 is 0 next to any finite term) and t to
  // -1 (finite inputs in the valid range have t > -0.65), so no infinity enters the arithmetic.
  // Both clamps are written max(bound, x), which returns x when x is NaN: a NaN input keeps a NaN p.
  const __m256 vmin_exponent = _mm256_set1_ps(ATTNORM_EXTEXP_MIN_EXPONENT);
  const __m256 vmin_t = _mm256_set1_ps(-1.0f);

  // The running sums, one (v, e) pair per accumulator, meaning v * 2**e.
  __m256 vaccv0 = _mm256_setzero_ps();
  __m256 vaccv1 = _mm256_setzero_ps();
  __m256 vaccv2 = _mm256_setzero_ps();
  __m256 vaccv3 = _mm256_setzero_ps();
  __m256 vacce0 = vmin_exponent;
  __m256 vacce1 = vmin_exponent;
  __m256 vacce2 = vmin_exponent;
  __m256 vacce3 = vmin_exponent;
  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const __m256 vi0 = _mm256_loadu_ps(input);
    const __m256 vi1 = _mm256_loadu_ps(input + 8);
    const __m256 vi2 = _mm256_loadu_ps(input + 16);
    const __m256 vi3 = _mm256_loadu_ps(input + 24);
    const __m256 vi4 = _mm256_loadu_ps(input + 32);
    const __m256 vi5 = _mm256_loadu_ps(input + 40);
    const __m256 vi6 = _mm256_loadu_ps(input + 48);
    const __m256 vi7 = _mm256_loadu_ps(input + 56);
    input += 64;

    // n = round(x * scale * log2(e)) by the magic bias, an integer-valued float. -inf gives -inf,
    // which the clamp turns into the minimum exponent; NaN stays NaN.
    __m256 vn0 = _mm256_sub_ps(_mm256_fmadd_ps(vi0, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn1 = _mm256_sub_ps(_mm256_fmadd_ps(vi1, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn2 = _mm256_sub_ps(_mm256_fmadd_ps(vi2, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn3 = _mm256_sub_ps(_mm256_fmadd_ps(vi3, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn4 = _mm256_sub_ps(_mm256_fmadd_ps(vi4, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn5 = _mm256_sub_ps(_mm256_fmadd_ps(vi5, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn6 = _mm256_sub_ps(_mm256_fmadd_ps(vi6, vscale_log2e, vmagic_bias), vmagic_bias);
    __m256 vn7 = _mm256_sub_ps(_mm256_fmadd_ps(vi7, vscale_log2e, vmagic_bias), vmagic_bias);
    vn0 = _mm256_max_ps(vmin_exponent, vn0);
    vn1 = _mm256_max_ps(vmin_exponent, vn1);
    vn2 = _mm256_max_ps(vmin_exponent, vn2);
    vn3 = _mm256_max_ps(vmin_exponent, vn3);
    vn4 = _mm256_max_ps(vmin_exponent, vn4);
    vn5 = _mm256_max_ps(vmin_exponent, vn5);
    vn6 = _mm256_max_ps(vmin_exponent, vn6);
    vn7 = _mm256_max_ps(vmin_exponent, vn7);
    // t = x * scale - n * ln2_hi - n * ln2_lo, so exp(z) = exp(t) * 2**n. For -inf, t is -inf
    // (-inf + finite) and the clamp makes it -1; for +inf it is NaN (inf - inf).
    const __m256 vnln2hi0 = _mm256_mul_ps(vn0, vminus_ln2_hi);
    const __m256 vnln2hi1 = _mm256_mul_ps(vn1, vminus_ln2_hi);
    const __m256 vnln2hi2 = _mm256_mul_ps(vn2, vminus_ln2_hi);
    const __m256 vnln2hi3 = _mm256_mul_ps(vn3, vminus_ln2_hi);
    const __m256 vnln2hi4 = _mm256_mul_ps(vn4, vminus_ln2_hi);
    const __m256 vnln2hi5 = _mm256_mul_ps(vn5, vminus_ln2_hi);
    const __m256 vnln2hi6 = _mm256_mul_ps(vn6, vminus_ln2_hi);
    const __m256 vnln2hi7 = _mm256_mul_ps(vn7, vminus_ln2_hi);
    __m256 vt0 = _mm256_fmadd_ps(vi0, vscale, vnln2hi0);
    __m256 vt1 = _mm256_fmadd_ps(vi1, vscale, vnln2hi1);
    __m256 vt2 = _mm256_fmadd_ps(vi2, vscale, vnln2hi2);
    __m256 vt3 = _mm256_fmadd_ps(vi3, vscale, vnln2hi3);
    __m256 vt4 = _mm256_fmadd_ps(vi4, vscale, vnln2hi4);
    __m256 vt5 = _mm256_fmadd_ps(vi5, vscale, vnln2hi5);
    __m256 vt6 = _mm256_fmadd_ps(vi6, vscale, vnln2hi6);
    __m256 vt7 = _mm256_fmadd_ps(vi7, vscale, vnln2hi7);
    vt0 = _mm256_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm256_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt2 = _mm256_fmadd_ps(vn2, vminus_ln2_lo, vt2);
    vt3 = _mm256_fmadd_ps(vn3, vminus_ln2_lo, vt3);
    vt4 = _mm256_fmadd_ps(vn4, vminus_ln2_lo, vt4);
    vt5 = _mm256_fmadd_ps(vn5, vminus_ln2_lo, vt5);
    vt6 = _mm256_fmadd_ps(vn6, vminus_ln2_lo, vt6);
    vt7 = _mm256_fmadd_ps(vn7, vminus_ln2_lo, vt7);
    vt0 = _mm256_max_ps(vmin_t, vt0);
    vt1 = _mm256_max_ps(vmin_t, vt1);
    vt2 = _mm256_max_ps(vmin_t, vt2);
    vt3 = _mm256_max_ps(vmin_t, vt3);
    vt4 = _mm256_max_ps(vmin_t, vt4);
    vt5 = _mm256_max_ps(vmin_t, vt5);
    vt6 = _mm256_max_ps(vmin_t, vt6);
    vt7 = _mm256_max_ps(vmin_t, vt7);
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
    __m256 vp0 = _mm256_fmadd_ps(vc5, vt0, vc4);
    __m256 vp1 = _mm256_fmadd_ps(vc5, vt1, vc4);
    __m256 vp2 = _mm256_fmadd_ps(vc5, vt2, vc4);
    __m256 vp3 = _mm256_fmadd_ps(vc5, vt3, vc4);
    __m256 vp4 = _mm256_fmadd_ps(vc5, vt4, vc4);
    __m256 vp5 = _mm256_fmadd_ps(vc5, vt5, vc4);
    __m256 vp6 = _mm256_fmadd_ps(vc5, vt6, vc4);
    __m256 vp7 = _mm256_fmadd_ps(vc5, vt7, vc4);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc3);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc3);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc3);
    vp4 = _mm256_fmadd_ps(vp4, vt4, vc3);
    vp5 = _mm256_fmadd_ps(vp5, vt5, vc3);
    vp6 = _mm256_fmadd_ps(vp6, vt6, vc3);
    vp7 = _mm256_fmadd_ps(vp7, vt7, vc3);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc2);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc2);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc2);
    vp4 = _mm256_fmadd_ps(vp4, vt4, vc2);
    vp5 = _mm256_fmadd_ps(vp5, vt5, vc2);
    vp6 = _mm256_fmadd_ps(vp6, vt6, vc2);
    vp7 = _mm256_fmadd_ps(vp7, vt7, vc2);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc1);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc1);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc1);
    vp4 = _mm256_fmadd_ps(vp4, vt4, vc1);
    vp5 = _mm256_fmadd_ps(vp5, vt5, vc1);
    vp6 = _mm256_fmadd_ps(vp6, vt6, vc1);
    vp7 = _mm256_fmadd_ps(vp7, vt7, vc1);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vone);
    vp4 = _mm256_fmadd_ps(vp4, vt4, vone);
    vp5 = _mm256_fmadd_ps(vp5, vt5, vone);
    vp6 = _mm256_fmadd_ps(vp6, vt6, vone);
    vp7 = _mm256_fmadd_ps(vp7, vt7, vone);
    // Add p * 2**n to v * 2**e: both are rescaled to the larger exponent e' = max(e, n), so the
    // smaller one is multiplied by 2**(negative) (exact, or 0 below 2**-126), and v stays
    // below elements * 1.42. A NaN p makes v NaN for good.
    __m256 vmax_e0 = _mm256_max_ps(vacce0, vn0);
    __m256 vmax_e1 = _mm256_max_ps(vacce1, vn1);
    __m256 vmax_e2 = _mm256_max_ps(vacce2, vn2);
    __m256 vmax_e3 = _mm256_max_ps(vacce3, vn3);
    vmax_e0 = _mm256_max_ps(vmax_e0, vn4);
    vmax_e1 = _mm256_max_ps(vmax_e1, vn5);
    vmax_e2 = _mm256_max_ps(vmax_e2, vn6);
    vmax_e3 = _mm256_max_ps(vmax_e3, vn7);
    const __m256 vaccs0 = exp2_delta(_mm256_sub_ps(vacce0, vmax_e0));
    const __m256 vaccs1 = exp2_delta(_mm256_sub_ps(vacce1, vmax_e1));
    const __m256 vaccs2 = exp2_delta(_mm256_sub_ps(vacce2, vmax_e2));
    const __m256 vaccs3 = exp2_delta(_mm256_sub_ps(vacce3, vmax_e3));
    const __m256 vs0 = exp2_delta(_mm256_sub_ps(vn0, vmax_e0));
    const __m256 vs1 = exp2_delta(_mm256_sub_ps(vn1, vmax_e1));
    const __m256 vs2 = exp2_delta(_mm256_sub_ps(vn2, vmax_e2));
    const __m256 vs3 = exp2_delta(_mm256_sub_ps(vn3, vmax_e3));
    const __m256 vs4 = exp2_delta(_mm256_sub_ps(vn4, vmax_e0));
    const __m256 vs5 = exp2_delta(_mm256_sub_ps(vn5, vmax_e1));
    const __m256 vs6 = exp2_delta(_mm256_sub_ps(vn6, vmax_e2));
    const __m256 vs7 = exp2_delta(_mm256_sub_ps(vn7, vmax_e3));
    vaccv0 = _mm256_mul_ps(vaccv0, vaccs0);
    vaccv1 = _mm256_mul_ps(vaccv1, vaccs1);
    vaccv2 = _mm256_mul_ps(vaccv2, vaccs2);
    vaccv3 = _mm256_mul_ps(vaccv3, vaccs3);
    vaccv0 = _mm256_fmadd_ps(vp0, vs0, vaccv0);
    vaccv1 = _mm256_fmadd_ps(vp1, vs1, vaccv1);
    vaccv2 = _mm256_fmadd_ps(vp2, vs2, vaccv2);
    vaccv3 = _mm256_fmadd_ps(vp3, vs3, vaccv3);
    vaccv0 = _mm256_fmadd_ps(vp4, vs4, vaccv0);
    vaccv1 = _mm256_fmadd_ps(vp5, vs5, vaccv1);
    vaccv2 = _mm256_fmadd_ps(vp6, vs6, vaccv2);
    vaccv3 = _mm256_fmadd_ps(vp7, vs7, vaccv3);
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
    vacce2 = vmax_e2;
    vacce3 = vmax_e3;
  }
  // Merge the accumulators pairwise the same way: rescale both to the larger exponent, add.
  {
    const __m256 vmax_e = _mm256_max_ps(vacce0, vacce1);
    vaccv0 = _mm256_fmadd_ps(
      vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)),
      _mm256_mul_ps(vaccv1, exp2_delta(_mm256_sub_ps(vacce1, vmax_e))));
    vacce0 = vmax_e;
  }
  {
    const __m256 vmax_e = _mm256_max_ps(vacce2, vacce3);
    vaccv2 = _mm256_fmadd_ps(
      vaccv2, exp2_delta(_mm256_sub_ps(vacce2, vmax_e)),
      _mm256_mul_ps(vaccv3, exp2_delta(_mm256_sub_ps(vacce3, vmax_e))));
    vacce2 = vmax_e;
  }
  {
    const __m256 vmax_e = _mm256_max_ps(vacce0, vacce2);
    vaccv0 = _mm256_fmadd_ps(
      vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)),
      _mm256_mul_ps(vaccv2, exp2_delta(_mm256_sub_ps(vacce2, vmax_e))));
    vacce0 = vmax_e;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vi = _mm256_loadu_ps(input);
    input += 8;

    // The same steps as above for one vector.
    __m256 vn = _mm256_sub_ps(_mm256_fmadd_ps(vi, vscale_log2e, vmagic_bias), vmagic_bias);
    vn = _mm256_max_ps(vmin_exponent, vn);
    __m256 vt = _mm256_fmadd_ps(vi, vscale, _mm256_mul_ps(vn, vminus_ln2_hi));
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm256_max_ps(vmin_t, vt);
    __m256 vp = _mm256_fmadd_ps(vc5, vt, vc4);
    vp = _mm256_fmadd_ps(vp, vt, vc3);
    vp = _mm256_fmadd_ps(vp, vt, vc2);
    vp = _mm256_fmadd_ps(vp, vt, vc1);
    vp = _mm256_fmadd_ps(vp, vt, vone);

    const __m256 vmax_e = _mm256_max_ps(vacce0, vn);
    vaccv0 = _mm256_mul_ps(vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)));
    vaccv0 = _mm256_fmadd_ps(vp, exp2_delta(_mm256_sub_ps(vn, vmax_e)), vaccv0);
    vacce0 = vmax_e;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 7 * sizeof(float));
    // Process the remaining 1..7 elements. Lanes past the row load 0 and then get p = 0 and
    // n = the minimum exponent, so they leave (v, e) unchanged.
    const __m256 vmask = _mm256_castsi256_ps(_mm256_loadu_si256((const __m256i*) ((uintptr_t) &mask_table[7] - batch)));
    const __m256 vi = _mm256_maskload_ps(input, _mm256_castps_si256(vmask));

    __m256 vn = _mm256_sub_ps(_mm256_fmadd_ps(vi, vscale_log2e, vmagic_bias), vmagic_bias);
    vn = _mm256_max_ps(vmin_exponent, vn);
    __m256 vt = _mm256_fmadd_ps(vi, vscale, _mm256_mul_ps(vn, vminus_ln2_hi));
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm256_max_ps(vmin_t, vt);
    __m256 vp = _mm256_fmadd_ps(vc5, vt, vc4);
    vp = _mm256_fmadd_ps(vp, vt, vc3);
    vp = _mm256_fmadd_ps(vp, vt, vc2);
    vp = _mm256_fmadd_ps(vp, vt, vc1);
    vp = _mm256_fmadd_ps(vp, vt, vone);
    vp = _mm256_and_ps(vp, vmask);
    vn = _mm256_blendv_ps(vmin_exponent, vn, vmask);

    const __m256 vmax_e = _mm256_max_ps(vacce0, vn);
    vaccv0 = _mm256_mul_ps(vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)));
    vaccv0 = _mm256_fmadd_ps(vp, exp2_delta(_mm256_sub_ps(vn, vmax_e)), vaccv0);
    vacce0 = vmax_e;
  }
  // Merge the 8 lanes: broadcast the largest exponent to every lane, rescale every v to it, add.
  __m256 vmax_e = _mm256_max_ps(vacce0, _mm256_permute2f128_ps(vacce0, vacce0, 1));
  vmax_e = _mm256_max_ps(vmax_e, _mm256_shuffle_ps(vmax_e, vmax_e, _MM_SHUFFLE(1, 0, 3, 2)));
  vmax_e = _mm256_max_ps(vmax_e, _mm256_shuffle_ps(vmax_e, vmax_e, _MM_SHUFFLE(2, 3, 0, 1)));
  vaccv0 = _mm256_mul_ps(vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)));
  __m128 vaccv = _mm_add_ps(_mm256_castps256_ps128(vaccv0), _mm256_extractf128_ps(vaccv0, 1));
  vaccv = _mm_add_ps(vaccv, _mm_movehl_ps(vaccv, vaccv));
  vaccv = _mm_add_ss(vaccv, _mm_movehdup_ps(vaccv));
  _mm_store_ss(&sum[0], vaccv);
  _mm_store_ss(&sum[1], _mm256_castps256_ps128(vmax_e));
}
