// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx2-rr1-p5.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include <immintrin.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5": every lane keeps its own running
// maximum m, an integer k ~ m * scale_log2e (never below ATTNORM_RMAXADDEXP_MIN_K) and partial
// sums of exp(s * x - k * ln2). Each main-loop iteration first takes the lane-wise maximum of its
// 2 vector(s), moves (m, k) up to it and rescales the partial sums by 2**(k_old - k_new)
// built from exponent bits (exact: a power of two, +0 below 2**-126), with no compare or branch
// (the factor is 1 when the maximum did not grow); then it adds the exp terms of the vectors
// relative to the new k, so exp is evaluated once per element. At the end every lane's sums are
// rescaled by 2**(k_lane - K) to the row's K.
//
// A lane holds k as the bias b = 0x1.8000FEp23 - k (1.5 * 2**23 + 127 - k): fma(x, scale_log2e, b)
// rounds x * scale_log2e to an integer n and leaves n - k + 127, the IEEE biased exponent of
// 2**(n - k), in the low mantissa bits, and n = that - b.
void attnorm_f32_rmaxaddexp_ukernel__avx2_rr1_p5_u16_acc2(
    size_t batch,
    const float* input,
    float output[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const float scale = params->scalar.scale;
  const float scale_log2e = params->scalar.scale_log2e;

  const __m256 vscale = _mm256_set1_ps(scale);
  // Range reduction from x itself (z = scale * x is never rounded): n = round(x * scale_log2e),
  // t = fma(x, scale, n * -ln2_hi) + n * -ln2_lo, exp(z - k * ln2) = exp(t) * 2**(n - k).
  const __m256 vscale_log2e = _mm256_set1_ps(scale_log2e);
  const __m256 vminus_scale_log2e = _mm256_set1_ps(-scale_log2e);
  // 1 / scale_log2e: maps an exponent back to the input that has it.
  const __m256 vlog2e_scale_inv = _mm256_set1_ps(1.0f / scale_log2e);
  // 1.5 * 2**23 + 127: the bias of k = 0; and 1.5 * 2**23, the bias whose low bits are 0.
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);
  const __m256 vmagic_bias_zero = _mm256_set1_ps(0x1.8p23f);
  // ln2_hi = 0x1.63p-1 has 9 significant bits, so n * ln2_hi is exact for |n| < 2**15
  // (|z| <= 2**14 with margin) and t is rounded once; ln2_lo = ln(2) - ln2_hi.
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);      // -ln2_hi = -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f);  // -ln2_lo = ln2_hi - ln(2)
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m256 vone = _mm256_set1_ps(1.0f);
  const __m256 vc1 = _mm256_set1_ps(0x1.FFFFF6p-1f);
  const __m256 vc2 = _mm256_set1_ps(0x1.FFFDC6p-2f);
  const __m256 vc3 = _mm256_set1_ps(0x1.555A80p-3f);
  const __m256 vc4 = _mm256_set1_ps(0x1.573A1Ap-5f);
  const __m256 vc5 = _mm256_set1_ps(0x1.0F9F9Cp-7f);
  // The largest bias, of k = ATTNORM_RMAXADDEXP_MIN_K: the bias of a lane that has seen only -inf.
  const __m256 vmax_bias = _mm256_set1_ps(0x1.8000FEp23f - ATTNORM_RMAXADDEXP_MIN_K);
  // 2**d for the (integer, <= 1) rescaling exponents d is built the same way; d <= -127 gives +0.
  const __m256 vmin_delta = _mm256_set1_ps(-127.0f);

  // Per lane: the running maximum; its k as the bias b = 1.5 * 2**23 + 127 - k; the partial sums
  // relative to k; and min_input = (k - 127) / scale_log2e, the input whose n is k - 127: inputs
  // are clamped up to it (NaN-preserving: max(bound, x) returns x when x is NaN), so n - k >= -127
  // and the biased exponent of 2**(n - k) is >= 0; at 0 (below 2**-126, and for -inf) the term is
  // exactly +0, and no infinity enters t.
  __m256 vmax = _mm256_set1_ps(-INFINITY);
  __m256 vbias = vmax_bias;
  __m256 vmin_input = _mm256_mul_ps(_mm256_sub_ps(vmagic_bias_zero, vbias), vlog2e_scale_inv);
  __m256 vacc0 = _mm256_setzero_ps();
  __m256 vacc1 = _mm256_setzero_ps();
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m256 vi0 = _mm256_loadu_ps(input);
    const __m256 vi1 = _mm256_loadu_ps(input + 8);
    input += 16;

    // The block's lane-wise maximum (a tree), then the running maximum and its k (as a bias:
    // 1.5 * 2**23 + 127 - m * scale_log2e, rounded to an integer by the addition; -inf gives
    // +inf, clamped to the bias of MIN_K).
    const __m256 vm0_2 = _mm256_max_ps(vi0, vi1);
    vmax = _mm256_max_ps(vmax, vm0_2);
    const __m256 vbias_new = _mm256_min_ps(_mm256_fmadd_ps(vmax, vminus_scale_log2e, vmagic_bias), vmax_bias);
    // Rescale the partial sums to the new k: * 2**(k - k_new) = 2**(b_new - b), exactly 1 when
    // k did not move.
    const __m256 vrescale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(
      _mm256_add_ps(_mm256_max_ps(_mm256_sub_ps(vbias_new, vbias), vmin_delta), vmagic_bias)), 23));
    vacc0 = _mm256_mul_ps(vacc0, vrescale);
    vacc1 = _mm256_mul_ps(vacc1, vrescale);
    vbias = vbias_new;
    vmin_input = _mm256_mul_ps(_mm256_sub_ps(vmagic_bias_zero, vbias), vlog2e_scale_inv);

    const __m256 vx0 = _mm256_max_ps(vmin_input, vi0);
    const __m256 vx1 = _mm256_max_ps(vmin_input, vi1);
    // 1.5 * 2**23 + (n - k + 127), n = round(x * scale_log2e); n <= k + 1.
    const __m256 vnb0 = _mm256_fmadd_ps(vx0, vscale_log2e, vbias);
    const __m256 vnb1 = _mm256_fmadd_ps(vx1, vscale_log2e, vbias);
    // s = 2**(n - k) from the exponent bits: +0 when n - k = -127.
    const __m256 vs0 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(vnb0), 23));
    const __m256 vs1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(vnb1), 23));
    const __m256 vn0 = _mm256_sub_ps(vnb0, vbias);
    const __m256 vn1 = _mm256_sub_ps(vnb1, vbias);
    __m256 vt0 = _mm256_fmadd_ps(vx0, vscale, _mm256_mul_ps(vn0, vminus_ln2_hi));
    __m256 vt1 = _mm256_fmadd_ps(vx1, vscale, _mm256_mul_ps(vn1, vminus_ln2_hi));
    vt0 = _mm256_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm256_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
    __m256 vp0 = _mm256_fmadd_ps(vc5, vt0, vc4);
    __m256 vp1 = _mm256_fmadd_ps(vc5, vt1, vc4);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc3);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc3);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc2);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc2);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vc1);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vc1);
    vp0 = _mm256_fmadd_ps(vp0, vt0, vone);
    vp1 = _mm256_fmadd_ps(vp1, vt1, vone);
    // sum += exp(z - k * ln2) = p * s, one FMA (p * s is exact unless below 2**-126); +0 for
    // clamped inputs (s = +0, p finite); NaN input gives NaN (p is NaN).
    vacc0 = _mm256_fmadd_ps(vp0, vs0, vacc0);
    vacc1 = _mm256_fmadd_ps(vp1, vs1, vacc1);
  }
  vacc0 = _mm256_add_ps(vacc0, vacc1);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vi = _mm256_loadu_ps(input);
    input += 8;

    // The same steps as above for a block of one vector.
    vmax = _mm256_max_ps(vmax, vi);
    const __m256 vbias_new = _mm256_min_ps(_mm256_fmadd_ps(vmax, vminus_scale_log2e, vmagic_bias), vmax_bias);
    const __m256 vrescale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(
      _mm256_add_ps(_mm256_max_ps(_mm256_sub_ps(vbias_new, vbias), vmin_delta), vmagic_bias)), 23));
    vacc0 = _mm256_mul_ps(vacc0, vrescale);
    vbias = vbias_new;
    vmin_input = _mm256_mul_ps(_mm256_sub_ps(vmagic_bias_zero, vbias), vlog2e_scale_inv);

    const __m256 vx = _mm256_max_ps(vmin_input, vi);
    const __m256 vnb = _mm256_fmadd_ps(vx, vscale_log2e, vbias);
    const __m256 vs = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(vnb), 23));
    const __m256 vn = _mm256_sub_ps(vnb, vbias);
    __m256 vt = _mm256_fmadd_ps(vx, vscale, _mm256_mul_ps(vn, vminus_ln2_hi));
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    __m256 vp = _mm256_fmadd_ps(vc5, vt, vc4);
    vp = _mm256_fmadd_ps(vp, vt, vc3);
    vp = _mm256_fmadd_ps(vp, vt, vc2);
    vp = _mm256_fmadd_ps(vp, vt, vc1);
    vp = _mm256_fmadd_ps(vp, vt, vone);
    vacc0 = _mm256_fmadd_ps(vp, vs, vacc0);
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 7 * sizeof(float));
    // The remaining 1..7 elements; lanes past the row are -inf, which changes neither the maximum
    // nor the sum (its term is exactly +0).
    const __m256i vmask = _mm256_loadu_si256((const __m256i*) ((uintptr_t) &mask_table[7] - batch));
    const __m256 vi = _mm256_blendv_ps(_mm256_set1_ps(-INFINITY), _mm256_maskload_ps(input, vmask), _mm256_castsi256_ps(vmask));

    vmax = _mm256_max_ps(vmax, vi);
    const __m256 vbias_new = _mm256_min_ps(_mm256_fmadd_ps(vmax, vminus_scale_log2e, vmagic_bias), vmax_bias);
    const __m256 vrescale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(
      _mm256_add_ps(_mm256_max_ps(_mm256_sub_ps(vbias_new, vbias), vmin_delta), vmagic_bias)), 23));
    vacc0 = _mm256_mul_ps(vacc0, vrescale);
    vbias = vbias_new;
    vmin_input = _mm256_mul_ps(_mm256_sub_ps(vmagic_bias_zero, vbias), vlog2e_scale_inv);

    const __m256 vx = _mm256_max_ps(vmin_input, vi);
    const __m256 vnb = _mm256_fmadd_ps(vx, vscale_log2e, vbias);
    const __m256 vs = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(vnb), 23));
    const __m256 vn = _mm256_sub_ps(vnb, vbias);
    __m256 vt = _mm256_fmadd_ps(vx, vscale, _mm256_mul_ps(vn, vminus_ln2_hi));
    vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
    __m256 vp = _mm256_fmadd_ps(vc5, vt, vc4);
    vp = _mm256_fmadd_ps(vp, vt, vc3);
    vp = _mm256_fmadd_ps(vp, vt, vc2);
    vp = _mm256_fmadd_ps(vp, vt, vc1);
    vp = _mm256_fmadd_ps(vp, vt, vone);
    vacc0 = _mm256_fmadd_ps(vp, vs, vacc0);
  }
  // The row's maximum (broadcast to every lane) and the contract's
  // K = round(fl(fl(scale * max) * log2(e))); every lane's k is within 1 of K or below it (nearly
  // the same product, rounded), so the rescaling by 2**(k - K) = 2**((1.5 * 2**23 + 127 - K) - b)
  // below is exact (or +0 below 2**-126). A row of only -inf takes K = 0: its lanes have
  // k = MIN_K and sums of +0 terms, which stay +0 (or NaN).
  __m256 vrow_max = _mm256_max_ps(vmax, _mm256_permute2f128_ps(vmax, vmax, 1));
  vrow_max = _mm256_max_ps(vrow_max, _mm256_shuffle_ps(vrow_max, vrow_max, _MM_SHUFFLE(1, 0, 3, 2)));
  vrow_max = _mm256_max_ps(vrow_max, _mm256_shuffle_ps(vrow_max, vrow_max, _MM_SHUFFLE(2, 3, 0, 1)));
  const float row_max = _mm256_cvtss_f32(vrow_max);
  // Rounded by ROUNDSS, so that the compiler cannot fuse the product into a magic-bias addition.
  const __m128 vscaled_log2e = _mm_set_ss((scale * row_max) * 0x1.715476p+0f);
  float row_k = _mm_cvtss_f32(_mm_round_ss(vscaled_log2e, vscaled_log2e, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  if (row_max == -INFINITY) {
    row_k = 0.0f;
  }
  const __m256 vrow_bias = _mm256_set1_ps(0x1.8000FEp23f - row_k);
  vacc0 = _mm256_mul_ps(vacc0, _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(
    _mm256_add_ps(_mm256_max_ps(_mm256_sub_ps(vrow_bias, vbias), vmin_delta), vmagic_bias)), 23)));
  __m128 vsum = _mm_add_ps(_mm256_castps256_ps128(vacc0), _mm256_extractf128_ps(vacc0, 1));
  vsum = _mm_add_ps(vsum, _mm_movehl_ps(vsum, vsum));
  vsum = _mm_add_ss(vsum, _mm_movehdup_ps(vsum));
  output[0] = row_max;
  _mm_store_ss(&output[1], vsum);
}
