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

void attnorm_f32_raddextexp_ukernel__avx2_p5_u32_acc2(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    float scale)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const __m256 vscale = _mm256_set1_ps(scale);
  const __m256 vlog2e = _mm256_set1_ps(0x1.715476p+0f);          // log2(e)
  // Rounds to an integer when added: 1.5 * 2**23. Valid for |z * log2(e)| < 2**22.
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8p23f);
  // Cody-Waite split of ln(2): ln2_hi has 21 significant bits, so z - n * ln2_hi is exact in one
  // FMA; ln2_lo carries the next 24 bits.
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.62E43p-1f);   // -ln(2), high part
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.05C61p-29f);   // -ln(2) - (-ln2_hi), low part
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m256 vone = _mm256_set1_ps(1.0f);
  const __m256 vc1 = _mm256_set1_ps(0x1.FFFFF6p-1f);
  const __m256 vc2 = _mm256_set1_ps(0x1.FFFDC6p-2f);
  const __m256 vc3 = _mm256_set1_ps(0x1.555A80p-3f);
  const __m256 vc4 = _mm256_set1_ps(0x1.573A1Ap-5f);
  const __m256 vc5 = _mm256_set1_ps(0x1.0F9F9Cp-7f);
  // -inf inputs: n is clamped to this exponent (2**-2**23 is 0 next to any finite term) and t to
  // -1 (finite inputs have t >= -ln(2)/2 - tiny), so no infinity enters the arithmetic. Both
  // clamps are written max(bound, x), which returns x when x is NaN: a NaN input keeps a NaN p.
  const __m256 vmin_exponent = _mm256_set1_ps(ATTNORM_EXTEXP_MIN_EXPONENT);
  const __m256 vmin_t = _mm256_set1_ps(-1.0f);

  // The running sums, one (v, e) pair per accumulator, meaning v * 2**e.
  __m256 vaccv0 = _mm256_setzero_ps();
  __m256 vaccv1 = _mm256_setzero_ps();
  __m256 vacce0 = vmin_exponent;
  __m256 vacce1 = vmin_exponent;
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m256 vi0 = _mm256_loadu_ps(input);
    const __m256 vi1 = _mm256_loadu_ps(input + 8);
    const __m256 vi2 = _mm256_loadu_ps(input + 16);
    const __m256 vi3 = _mm256_loadu_ps(input + 24);
    input += 32;

    // z = x * scale as an exact sum z_hi + z_lo: z_lo is the rounding error of the product, so
    // the result does not depend on how well x * scale rounds (it matters at large |z|). z_lo
    // is NaN only for +-inf inputs (inf - inf); max(z_lo, -1) replaces that NaN by -1.
    const __m256 vzhi0 = _mm256_mul_ps(vi0, vscale);
    const __m256 vzhi1 = _mm256_mul_ps(vi1, vscale);
    const __m256 vzhi2 = _mm256_mul_ps(vi2, vscale);
    const __m256 vzhi3 = _mm256_mul_ps(vi3, vscale);
    const __m256 vzlo0 = _mm256_max_ps(_mm256_fmsub_ps(vi0, vscale, vzhi0), vmin_t);
    const __m256 vzlo1 = _mm256_max_ps(_mm256_fmsub_ps(vi1, vscale, vzhi1), vmin_t);
    const __m256 vzlo2 = _mm256_max_ps(_mm256_fmsub_ps(vi2, vscale, vzhi2), vmin_t);
    const __m256 vzlo3 = _mm256_max_ps(_mm256_fmsub_ps(vi3, vscale, vzhi3), vmin_t);
    // n = round(z * log2(e)) by the magic bias, an integer-valued float; -inf becomes the
    // minimum exponent.
    __m256 vn0 = _mm256_sub_ps(_mm256_fmadd_ps(vzhi0, vlog2e, vmagic_bias), vmagic_bias);
    __m256 vn1 = _mm256_sub_ps(_mm256_fmadd_ps(vzhi1, vlog2e, vmagic_bias), vmagic_bias);
    __m256 vn2 = _mm256_sub_ps(_mm256_fmadd_ps(vzhi2, vlog2e, vmagic_bias), vmagic_bias);
    __m256 vn3 = _mm256_sub_ps(_mm256_fmadd_ps(vzhi3, vlog2e, vmagic_bias), vmagic_bias);
    vn0 = _mm256_max_ps(vmin_exponent, vn0);
    vn1 = _mm256_max_ps(vmin_exponent, vn1);
    vn2 = _mm256_max_ps(vmin_exponent, vn2);
    vn3 = _mm256_max_ps(vmin_exponent, vn3);
    // t = z - n * ln(2) in [-ln(2)/2, ln(2)/2] (plus rounding), so exp(z) = exp(t) * 2**n.
    __m256 vt0 = _mm256_fmadd_ps(vn0, vminus_ln2_hi, vzhi0);
    __m256 vt1 = _mm256_fmadd_ps(vn1, vminus_ln2_hi, vzhi1);
    __m256 vt2 = _mm256_fmadd_ps(vn2, vminus_ln2_hi, vzhi2);
    __m256 vt3 = _mm256_fmadd_ps(vn3, vminus_ln2_hi, vzhi3);
    vt0 = _mm256_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm256_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt2 = _mm256_fmadd_ps(vn2, vminus_ln2_lo, vt2);
    vt3 = _mm256_fmadd_ps(vn3, vminus_ln2_lo, vt3);
    vt0 = _mm256_max_ps(vmin_t, _mm256_add_ps(vt0, vzlo0));
    vt1 = _mm256_max_ps(vmin_t, _mm256_add_ps(vt1, vzlo1));
    vt2 = _mm256_max_ps(vmin_t, _mm256_add_ps(vt2, vzlo2));
    vt3 = _mm256_max_ps(vmin_t, _mm256_add_ps(vt3, vzlo3));
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
    __m256 vp0 = _mm256_fmadd_ps(vc5, vt0, vc4);
    __m256 vp1 = _mm256_fmadd_ps(vc5, vt1, vc4);
    __m256 vp2 = _mm256_fmadd_ps(vc5, vt2, vc4);
    __m256 vp3 = _mm256_fmadd_ps(vc5, vt3, vc4);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc3);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc3);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc3);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc2);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc2);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc2);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc1);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vc1);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vc1);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vone);
    vp2 = _mm256_fmadd_ps(vp2, vt2, vone);
    vp3 = _mm256_fmadd_ps(vp3, vt3, vone);
    // Add p * 2**n to v * 2**e: both are rescaled to the larger exponent e' = max(e, n), so the
    // smaller one is multiplied by 2**(negative) (exact, or 0 below 2**-126), and v stays
    // below elements * 1.42. A NaN p makes v NaN for good.
    __m256 vmax_e0 = _mm256_max_ps(vacce0, vn0);
    __m256 vmax_e1 = _mm256_max_ps(vacce1, vn1);
    vmax_e0 = _mm256_max_ps(vmax_e0, vn2);
    vmax_e1 = _mm256_max_ps(vmax_e1, vn3);
    const __m256 vaccs0 = exp2_delta(_mm256_sub_ps(vacce0, vmax_e0));
    const __m256 vaccs1 = exp2_delta(_mm256_sub_ps(vacce1, vmax_e1));
    const __m256 vs0 = exp2_delta(_mm256_sub_ps(vn0, vmax_e0));
    const __m256 vs1 = exp2_delta(_mm256_sub_ps(vn1, vmax_e1));
    const __m256 vs2 = exp2_delta(_mm256_sub_ps(vn2, vmax_e0));
    const __m256 vs3 = exp2_delta(_mm256_sub_ps(vn3, vmax_e1));
    vaccv0 = _mm256_mul_ps(vaccv0, vaccs0);
    vaccv1 = _mm256_mul_ps(vaccv1, vaccs1);
    vaccv0 = _mm256_fmadd_ps(vp0, vs0, vaccv0);
    vaccv1 = _mm256_fmadd_ps(vp1, vs1, vaccv1);
    vaccv0 = _mm256_fmadd_ps(vp2, vs2, vaccv0);
    vaccv1 = _mm256_fmadd_ps(vp3, vs3, vaccv1);
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
  }
  // Merge the accumulators pairwise the same way: rescale both to the larger exponent, add.
  {
    const __m256 vmax_e = _mm256_max_ps(vacce0, vacce1);
    vaccv0 = _mm256_fmadd_ps(
      vaccv0, exp2_delta(_mm256_sub_ps(vacce0, vmax_e)),
      _mm256_mul_ps(vaccv1, exp2_delta(_mm256_sub_ps(vacce1, vmax_e))));
    vacce0 = vmax_e;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vi = _mm256_loadu_ps(input);
    input += 8;

    // The same steps as above for one vector.
    const __m256 vzhi = _mm256_mul_ps(vi, vscale);
    const __m256 vzlo = _mm256_max_ps(_mm256_fmsub_ps(vi, vscale, vzhi), vmin_t);
    __m256 vn = _mm256_sub_ps(_mm256_fmadd_ps(vzhi, vlog2e, vmagic_bias), vmagic_bias);
    vn = _mm256_max_ps(vmin_exponent, vn);
    __m256 vt = _mm256_fmadd_ps(vn, vminus_ln2_hi, vzhi);
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm256_max_ps(vmin_t, _mm256_add_ps(vt, vzlo));
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

    const __m256 vzhi = _mm256_mul_ps(vi, vscale);
    const __m256 vzlo = _mm256_max_ps(_mm256_fmsub_ps(vi, vscale, vzhi), vmin_t);
    __m256 vn = _mm256_sub_ps(_mm256_fmadd_ps(vzhi, vlog2e, vmagic_bias), vmagic_bias);
    vn = _mm256_max_ps(vmin_exponent, vn);
    __m256 vt = _mm256_fmadd_ps(vn, vminus_ln2_hi, vzhi);
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    vt = _mm256_max_ps(vmin_t, _mm256_add_ps(vt, vzlo));
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
