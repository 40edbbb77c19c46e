// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx2-rr1-p5.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/simd/f32-avx2.h"

// exp(s*x - k*ln2) with k entering last. The shared three-pass core (attnorm_expminus_f32 of
// microkernels/simd/f32-avx2.h) takes k at the start of its dependency chain (the clamp bound and
// the magic bias), which here would make every exp wait for the block's new k: measured 2.8 vs 3.8
// elements/ns at n = 4096. This is the same reduction with k-free first steps, on the header's p5
// core and exponent-bits 2^e: n = round(x * fl(s*log2e)) by the magic bias 1.5 * 2^23,
// t = fma(x, s, -n * ln2_hi) - n * ln2_lo with a 9-bit ln2_hi (n * ln2_hi exact while
// |s*x| <= 2^14; s*x never rounded on its own), p = p5(t) ~ exp(t); then 2^(n - k) from the bits
// of b + (127 - k) (b = 1.5 * 2^23 + n), clamped up to 1.5 * 2^23 where the exponent field is 0
// and 2^(n - k) is +0 (every term below 2^-127; NaN-dropping, but a NaN input has a NaN p and
// NaN * 0 is NaN). x is first clamped up to min_input, whose n is 2 * MIN_K (so its 2^(n - k) is
// +0 for every k >= MIN_K), keeping NaN: -inf gives a finite t and exactly +0, no compare, no mask.
// Returns p; *s = 2^(n - k).
static ATTNORM_INLINE __m256 expminus_late_k(__m256 vx, __m256 vmin_input, __m256 vscale, __m256 vscale_log2e,
                                             __m256 v127_minus_k, __m256* vs) {
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8p23f);
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm256_max_ps(vmin_input, vx);
  const __m256 vb = _mm256_fmadd_ps(vx, vscale_log2e, vmagic_bias);
  const __m256 vn = _mm256_sub_ps(vb, vmagic_bias);
  __m256 vt = _mm256_fmadd_ps(vx, vscale, _mm256_mul_ps(vn, vminus_ln2_hi));
  vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
  *vs = attnorm_exp2_bits_f32(_mm256_max_ps(_mm256_add_ps(vb, v127_minus_k), vmagic_bias));
  return attnorm_exp_p5_f32(vt);
}

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5": every lane keeps its own running
// maximum m, an integer k ~ m * scale_log2e (never below ATTNORM_RMAXADDEXP_MIN_K) and partial
// sums of exp(s * x - k * ln2). Each main-loop iteration first takes the lane-wise maximum of its
// 4 vector(s), moves (m, k) up to it and rescales the partial sums by 2^(k_old - k_new)
// built from exponent bits (exact: a power of two, +0 below 2^-126), with no compare or branch
// (the factor is 1 when the maximum did not grow); then it adds the exp terms of the vectors
// relative to the new k (expminus_late_k above), so exp is evaluated once per element. At the end
// every lane's sums are rescaled by 2^(k_lane - K) to the row's K. k is held as
// magic_bias = 1.5 * 2^23 + 127 - k, which rounds m * scale_log2e like n.
void attnorm_f32_rmaxaddexp_ukernel__avx2_rr1_p5_u32_acc4(
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
  // 1.5 * 2^23 + 127: the magic_bias of k = 0; and 1.5 * 2^23.
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);
  const __m256 vmagic_bias_zero = _mm256_set1_ps(0x1.8p23f);
  // The largest magic_bias, of k = MIN_K: the magic_bias of a lane that has seen only -inf.
  const __m256 vmax_magic_bias = _mm256_set1_ps(0x1.8000FEp23f - ATTNORM_RMAXADDEXP_MIN_K);
  const __m256 vminus_scale_log2e = _mm256_set1_ps(-params->scalar.scale_log2e);
  // 2^d for the (integer, <= 1) rescaling exponents d: d <= -127 gives +0.
  const __m256 vmin_delta = _mm256_set1_ps(-127.0f);
  const __m256 vscale = _mm256_set1_ps(scale);
  const __m256 vscale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  // The input whose n = round(x * scale_log2e) is 2 * MIN_K (see expminus_late_k).
  const __m256 vmin_input = _mm256_set1_ps(
      attnorm_f32_expminus_min_input(params, ATTNORM_RMAXADDEXP_MIN_K, -ATTNORM_RMAXADDEXP_MIN_K));
  // The lane's k as magic_bias = 1.5 * 2^23 + 127 - k, and 127 - k.
  __m256 vmagic_bias_k = vmax_magic_bias;
  __m256 v127_minus_k = attnorm_sub_f32(vmagic_bias_k, vmagic_bias_zero);

  // Per lane: the running maximum, and the partial sums relative to the lane's k.
  __m256 vmax = _mm256_set1_ps(-INFINITY);
  __m256 vacc0 = _mm256_setzero_ps();
  __m256 vacc1 = _mm256_setzero_ps();
  __m256 vacc2 = _mm256_setzero_ps();
  __m256 vacc3 = _mm256_setzero_ps();
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m256 vx0 = attnorm_loadu_f32(input);
    const __m256 vx1 = attnorm_loadu_f32(input + 8);
    const __m256 vx2 = attnorm_loadu_f32(input + 16);
    const __m256 vx3 = attnorm_loadu_f32(input + 24);
    input += 32;

    // The block's lane-wise maximum (a tree), the running maximum and its k, as
    // magic_bias = 1.5 * 2^23 + 127 - m * scale_log2e rounded to an integer by the FMA (-inf
    // gives +inf, clamped down to the magic_bias of MIN_K).
    const __m256 vm0_2 = attnorm_max_f32(vx0, vx1);
    const __m256 vm2_2 = attnorm_max_f32(vx2, vx3);
    const __m256 vm0_4 = attnorm_max_f32(vm0_2, vm2_2);
    vmax = attnorm_max_f32(vmax, vm0_4);
    const __m256 vmagic_bias_k_new = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    // Rescale the partial sums to the new k: * 2^(k - k_new), exactly 1 when k did not move.
    const __m256 vrescale = attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k_new, vmagic_bias_k), vmin_delta), vmagic_bias));
    vacc0 = attnorm_mul_f32(vacc0, vrescale);
    vacc1 = attnorm_mul_f32(vacc1, vrescale);
    vacc2 = attnorm_mul_f32(vacc2, vrescale);
    vacc3 = attnorm_mul_f32(vacc3, vrescale);
    vmagic_bias_k = vmagic_bias_k_new;
    v127_minus_k = attnorm_sub_f32(vmagic_bias_k, vmagic_bias_zero);

    // sum += exp(s * x - k * ln2) = p * 2^(n - k) (the steps of expminus_late_k, interleaved over
    // the vectors so that the out-of-order core sees independent operations next to each other):
    // +0 for -inf, NaN for NaN.
    const __m256 vxc0 = attnorm_max_f32(vmin_input, vx0);
    const __m256 vxc1 = attnorm_max_f32(vmin_input, vx1);
    const __m256 vxc2 = attnorm_max_f32(vmin_input, vx2);
    const __m256 vxc3 = attnorm_max_f32(vmin_input, vx3);
    const __m256 vb0 = attnorm_fmadd_f32(vxc0, vscale_log2e, vmagic_bias_zero);
    const __m256 vb1 = attnorm_fmadd_f32(vxc1, vscale_log2e, vmagic_bias_zero);
    const __m256 vb2 = attnorm_fmadd_f32(vxc2, vscale_log2e, vmagic_bias_zero);
    const __m256 vb3 = attnorm_fmadd_f32(vxc3, vscale_log2e, vmagic_bias_zero);
    const __m256 vn0 = attnorm_sub_f32(vb0, vmagic_bias_zero);
    const __m256 vn1 = attnorm_sub_f32(vb1, vmagic_bias_zero);
    const __m256 vn2 = attnorm_sub_f32(vb2, vmagic_bias_zero);
    const __m256 vn3 = attnorm_sub_f32(vb3, vmagic_bias_zero);
    __m256 vt0 = attnorm_fmadd_f32(vxc0, vscale, attnorm_mul_f32(vn0, vminus_ln2_hi));
    __m256 vt1 = attnorm_fmadd_f32(vxc1, vscale, attnorm_mul_f32(vn1, vminus_ln2_hi));
    __m256 vt2 = attnorm_fmadd_f32(vxc2, vscale, attnorm_mul_f32(vn2, vminus_ln2_hi));
    __m256 vt3 = attnorm_fmadd_f32(vxc3, vscale, attnorm_mul_f32(vn3, vminus_ln2_hi));
    vt0 = attnorm_fmadd_f32(vn0, vminus_ln2_lo, vt0);
    vt1 = attnorm_fmadd_f32(vn1, vminus_ln2_lo, vt1);
    vt2 = attnorm_fmadd_f32(vn2, vminus_ln2_lo, vt2);
    vt3 = attnorm_fmadd_f32(vn3, vminus_ln2_lo, vt3);
    const __m256 vp0 = attnorm_exp_p5_f32(vt0);
    const __m256 vp1 = attnorm_exp_p5_f32(vt1);
    const __m256 vp2 = attnorm_exp_p5_f32(vt2);
    const __m256 vp3 = attnorm_exp_p5_f32(vt3);
    const __m256 vs0 = attnorm_exp2_bits_f32(attnorm_max_f32(attnorm_add_f32(vb0, v127_minus_k), vmagic_bias_zero));
    const __m256 vs1 = attnorm_exp2_bits_f32(attnorm_max_f32(attnorm_add_f32(vb1, v127_minus_k), vmagic_bias_zero));
    const __m256 vs2 = attnorm_exp2_bits_f32(attnorm_max_f32(attnorm_add_f32(vb2, v127_minus_k), vmagic_bias_zero));
    const __m256 vs3 = attnorm_exp2_bits_f32(attnorm_max_f32(attnorm_add_f32(vb3, v127_minus_k), vmagic_bias_zero));

    vacc0 = attnorm_fmadd_f32(vp0, vs0, vacc0);
    vacc1 = attnorm_fmadd_f32(vp1, vs1, vacc1);
    vacc2 = attnorm_fmadd_f32(vp2, vs2, vacc2);
    vacc3 = attnorm_fmadd_f32(vp3, vs3, vacc3);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc2 = attnorm_add_f32(vacc2, vacc3);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vx = attnorm_loadu_f32(input);
    input += 8;

    // The same steps as above for a block of one vector.
    vmax = attnorm_max_f32(vmax, vx);
    const __m256 vmagic_bias_k_new = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    vacc0 = attnorm_mul_f32(vacc0, attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k_new, vmagic_bias_k), vmin_delta), vmagic_bias)));
    vmagic_bias_k = vmagic_bias_k_new;
    v127_minus_k = attnorm_sub_f32(vmagic_bias_k, vmagic_bias_zero);
    __m256 vs;
    const __m256 vp = expminus_late_k(vx, vmin_input, vscale, vscale_log2e, v127_minus_k, &vs);
    vacc0 = attnorm_fmadd_f32(vp, vs, vacc0);
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and keep their maximum and sums.
    const size_t elements = batch / sizeof(float);
    const __m256 vx = attnorm_load_tail_f32(input, elements);

    vmax = attnorm_max_tail_f32(vmax, vx, elements);
    const __m256 vmagic_bias_k_new = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    vacc0 = attnorm_mul_f32(vacc0, attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k_new, vmagic_bias_k), vmin_delta), vmagic_bias)));
    vmagic_bias_k = vmagic_bias_k_new;
    v127_minus_k = attnorm_sub_f32(vmagic_bias_k, vmagic_bias_zero);
    __m256 vs;
    const __m256 vp = expminus_late_k(vx, vmin_input, vscale, vscale_log2e, v127_minus_k, &vs);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_mul_f32(vp, vs), elements);
  }
  // The row's maximum and the contract's K (attnorm_f32_expminus_k of M = fl(scale * max), the
  // function every expminus kernel uses): every lane's k is at most K + 1 (nearly the same
  // product, rounded), so the rescaling by 2^(k - K) = 2^((1.5 * 2^23 + 127 - K) - magic_bias) is
  // exact (or +0 below 2^-126). A row of only -inf takes K = 0: its lanes have k = MIN_K and sums
  // of +0 terms, which stay +0 (or NaN).
  const float row_max = attnorm_reduce_max_f32(vmax);
  float row_k = attnorm_f32_expminus_k(scale * row_max);
  if (row_max == -INFINITY) {
    row_k = 0.0f;
  }
  vacc0 = attnorm_mul_f32(vacc0, attnorm_exp2_bits_f32(attnorm_add_f32(
      attnorm_max_f32(attnorm_sub_f32(_mm256_set1_ps(0x1.8000FEp23f - row_k), vmagic_bias_k), vmin_delta), vmagic_bias)));
  output[0] = row_max;
  output[1] = attnorm_reduce_add_f32(vacc0);
}
