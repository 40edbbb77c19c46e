// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx2-rr1-p5.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/simd/f32-avx2.h"

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5": every lane keeps its own running
// maximum m, an integer k ~ m * scale_log2e (never below ATTNORM_RMAXADDEXP_MIN_K) and partial
// sums of exp(s * x - k * ln2). Each main-loop iteration first takes the lane-wise maximum of its
// 12 vector(s), moves (m, k) up to it and rescales the partial sums by 2^(k_old - k_new)
// built from exponent bits (exact: a power of two, +0 below 2^-126), with no compare or branch
// (the factor is 1 when the maximum did not grow); then it adds the exp terms of the vectors
// relative to the new k, evaluated by the shared three-pass exp core (attnorm_expminus_f32 of
// microkernels/simd/f32-avx2.h) with the lane's k in its constants, so exp is evaluated once per
// element. At the end every lane's sums are rescaled by 2^(k_lane - K) to the row's K.
//
// The core holds k as magic_bias = 1.5 * 2^23 + 127 - k: fma(x, scale_log2e, magic_bias) rounds
// x * scale_log2e to an integer n and leaves n - k + 127, the biased exponent of 2^(n - k), in the
// low mantissa bits; it clamps x up to min_input = (k - 127) / scale_log2e, where that exponent
// field is exactly 0 (the term +0), so min_input moves with k too.
void attnorm_f32_rmaxaddexp_ukernel__avx2_rr1_p5_u96_acc3(
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
  // 1.5 * 2^23 + 127: the magic_bias of k = 0; and 1.5 * 2^23, whose low bits are 0.
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);
  const __m256 vmagic_bias_zero = _mm256_set1_ps(0x1.8p23f);
  // The largest magic_bias, of k = MIN_K: the magic_bias of a lane that has seen only -inf.
  const __m256 vmax_magic_bias = _mm256_set1_ps(0x1.8000FEp23f - ATTNORM_RMAXADDEXP_MIN_K);
  const __m256 vminus_scale_log2e = _mm256_set1_ps(-params->scalar.scale_log2e);
  // 1 / scale_log2e: min_input = (1.5 * 2^23 - magic_bias) / scale_log2e = (k - 127) / scale_log2e;
  // its two roundings move min_input * scale_log2e by less than 0.01 from k - 127 for |k| < 2^15.
  const __m256 vlog2e_scale_inv = _mm256_set1_ps(1.0f / params->scalar.scale_log2e);
  // 2^d for the (integer, <= 1) rescaling exponents d: d <= -127 gives +0.
  const __m256 vmin_delta = _mm256_set1_ps(-127.0f);

  // The exp core's constants; magic_bias and min_input are per lane and move with the lane's k.
  struct attnorm_expminus_f32 vexp;
  vexp.scale = _mm256_set1_ps(scale);
  vexp.scale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);
  vexp.magic_bias = vmax_magic_bias;
  vexp.min_input = attnorm_mul_f32(attnorm_sub_f32(vmagic_bias_zero, vexp.magic_bias), vlog2e_scale_inv);

  // Per lane: the running maximum, and the partial sums relative to the lane's k.
  __m256 vmax = _mm256_set1_ps(-INFINITY);
  __m256 vacc0 = _mm256_setzero_ps();
  __m256 vacc1 = _mm256_setzero_ps();
  __m256 vacc2 = _mm256_setzero_ps();
  for (; batch >= 96 * sizeof(float); batch -= 96 * sizeof(float)) {
    const __m256 vx0 = attnorm_loadu_f32(input);
    const __m256 vx1 = attnorm_loadu_f32(input + 8);
    const __m256 vx2 = attnorm_loadu_f32(input + 16);
    const __m256 vx3 = attnorm_loadu_f32(input + 24);
    const __m256 vx4 = attnorm_loadu_f32(input + 32);
    const __m256 vx5 = attnorm_loadu_f32(input + 40);
    const __m256 vx6 = attnorm_loadu_f32(input + 48);
    const __m256 vx7 = attnorm_loadu_f32(input + 56);
    const __m256 vx8 = attnorm_loadu_f32(input + 64);
    const __m256 vx9 = attnorm_loadu_f32(input + 72);
    const __m256 vx10 = attnorm_loadu_f32(input + 80);
    const __m256 vx11 = attnorm_loadu_f32(input + 88);
    input += 96;

    // The block's lane-wise maximum (a tree), the running maximum and its k, as
    // magic_bias = 1.5 * 2^23 + 127 - m * scale_log2e rounded to an integer by the FMA (-inf
    // gives +inf, clamped down to the magic_bias of MIN_K).
    const __m256 vm0_2 = attnorm_max_f32(vx0, vx1);
    const __m256 vm2_2 = attnorm_max_f32(vx2, vx3);
    const __m256 vm4_2 = attnorm_max_f32(vx4, vx5);
    const __m256 vm6_2 = attnorm_max_f32(vx6, vx7);
    const __m256 vm8_2 = attnorm_max_f32(vx8, vx9);
    const __m256 vm10_2 = attnorm_max_f32(vx10, vx11);
    const __m256 vm0_4 = attnorm_max_f32(vm0_2, vm2_2);
    const __m256 vm4_4 = attnorm_max_f32(vm4_2, vm6_2);
    const __m256 vm8_4 = attnorm_max_f32(vm8_2, vm10_2);
    const __m256 vm0_8 = attnorm_max_f32(vm0_4, vm4_4);
    const __m256 vm8_8 = vm8_4;
    const __m256 vm0_16 = attnorm_max_f32(vm0_8, vm8_8);
    vmax = attnorm_max_f32(vmax, vm0_16);
    const __m256 vmagic_bias_k = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    // Rescale the partial sums to the new k: * 2^(k - k_new), exactly 1 when k did not move.
    const __m256 vrescale = attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k, vexp.magic_bias), vmin_delta), vmagic_bias));
    vacc0 = attnorm_mul_f32(vacc0, vrescale);
    vacc1 = attnorm_mul_f32(vacc1, vrescale);
    vacc2 = attnorm_mul_f32(vacc2, vrescale);
    vexp.magic_bias = vmagic_bias_k;
    vexp.min_input = attnorm_mul_f32(attnorm_sub_f32(vmagic_bias_zero, vmagic_bias_k), vlog2e_scale_inv);

    // exp(s * x - k * ln2): +0 for -inf, NaN for NaN.
    const __m256 ve0 = attnorm_expminus_f32(vx0, &vexp);
    const __m256 ve1 = attnorm_expminus_f32(vx1, &vexp);
    const __m256 ve2 = attnorm_expminus_f32(vx2, &vexp);
    const __m256 ve3 = attnorm_expminus_f32(vx3, &vexp);
    const __m256 ve4 = attnorm_expminus_f32(vx4, &vexp);
    const __m256 ve5 = attnorm_expminus_f32(vx5, &vexp);
    const __m256 ve6 = attnorm_expminus_f32(vx6, &vexp);
    const __m256 ve7 = attnorm_expminus_f32(vx7, &vexp);
    const __m256 ve8 = attnorm_expminus_f32(vx8, &vexp);
    const __m256 ve9 = attnorm_expminus_f32(vx9, &vexp);
    const __m256 ve10 = attnorm_expminus_f32(vx10, &vexp);
    const __m256 ve11 = attnorm_expminus_f32(vx11, &vexp);

    vacc0 = attnorm_add_f32(vacc0, ve0);
    vacc1 = attnorm_add_f32(vacc1, ve1);
    vacc2 = attnorm_add_f32(vacc2, ve2);
    vacc0 = attnorm_add_f32(vacc0, ve3);
    vacc1 = attnorm_add_f32(vacc1, ve4);
    vacc2 = attnorm_add_f32(vacc2, ve5);
    vacc0 = attnorm_add_f32(vacc0, ve6);
    vacc1 = attnorm_add_f32(vacc1, ve7);
    vacc2 = attnorm_add_f32(vacc2, ve8);
    vacc0 = attnorm_add_f32(vacc0, ve9);
    vacc1 = attnorm_add_f32(vacc1, ve10);
    vacc2 = attnorm_add_f32(vacc2, ve11);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vx = attnorm_loadu_f32(input);
    input += 8;

    // The same steps as above for a block of one vector.
    vmax = attnorm_max_f32(vmax, vx);
    const __m256 vmagic_bias_k = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    vacc0 = attnorm_mul_f32(vacc0, attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k, vexp.magic_bias), vmin_delta), vmagic_bias)));
    vexp.magic_bias = vmagic_bias_k;
    vexp.min_input = attnorm_mul_f32(attnorm_sub_f32(vmagic_bias_zero, vmagic_bias_k), vlog2e_scale_inv);

    vacc0 = attnorm_add_f32(vacc0, attnorm_expminus_f32(vx, &vexp));
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and keep their maximum and sums.
    const size_t elements = batch / sizeof(float);
    const __m256 vx = attnorm_load_tail_f32(input, elements);

    vmax = attnorm_max_tail_f32(vmax, vx, elements);
    const __m256 vmagic_bias_k = _mm256_min_ps(attnorm_fmadd_f32(vmax, vminus_scale_log2e, vmagic_bias), vmax_magic_bias);
    vacc0 = attnorm_mul_f32(vacc0, attnorm_exp2_bits_f32(
        attnorm_add_f32(attnorm_max_f32(attnorm_sub_f32(vmagic_bias_k, vexp.magic_bias), vmin_delta), vmagic_bias)));
    vexp.magic_bias = vmagic_bias_k;
    vexp.min_input = attnorm_mul_f32(attnorm_sub_f32(vmagic_bias_zero, vmagic_bias_k), vlog2e_scale_inv);

    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_expminus_f32(vx, &vexp), elements);
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
      attnorm_max_f32(attnorm_sub_f32(_mm256_set1_ps(0x1.8000FEp23f - row_k), vexp.magic_bias), vmin_delta), vmagic_bias)));
  output[0] = row_max;
  output[1] = attnorm_reduce_add_f32(vacc0);
}
