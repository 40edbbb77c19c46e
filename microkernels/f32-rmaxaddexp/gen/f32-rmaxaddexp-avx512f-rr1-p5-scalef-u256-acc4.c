// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/simd/f32-avx512f.h"

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5_scalef": every lane keeps its own
// running maximum m, an integer-valued k = round(m * scale_log2e) (never below
// ATTNORM_RMAXADDEXP_MIN_K) and partial sums of exp(s * x - k * ln2). Each main-loop iteration
// first takes the lane-wise maximum of its 16 vector(s), moves (m, k) up to it and
// rescales the partial sums by 2^(k_old - k_new) with VSCALEFPS (exact: a power of two), with no
// compare or branch (the factor is 1 when the maximum did not grow); then it adds the exp terms
// of the vectors relative to the new k, evaluated by the shared three-pass exp core
// (attnorm_expminus_f32 of microkernels/simd/f32-avx512f.h) with the lane's k in its constants,
// so exp is evaluated once per element. At the end every lane's sums are rescaled by
// 2^(k_lane - K) to the row's K.
void attnorm_f32_rmaxaddexp_ukernel__avx512f_rr1_p5_scalef_u256_acc4(
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
  // 1.5 * 2^23: fma(x, scale_log2e, magic_bias) rounds x * scale_log2e to an integer n held as
  // magic_bias + n, as in the exp core, so k rounded the same way from a lane's maximum is >= the
  // n of every input of that lane.
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  // magic_bias + MIN_K: the smallest magic_bias + k, of a lane that has seen only -inf.
  const __m512 vmin_magic_bias_k = _mm512_set1_ps(0x1.8p23f + ATTNORM_RMAXADDEXP_MIN_K);

  // The exp core's constants; its magic_bias_k = 1.5 * 2^23 + k is per lane and moves with the
  // lane's maximum. The core clamps inputs up to min_input, whose n is 2 * MIN_K, so -inf gives
  // n - k <= MIN_K = -2^15 and VSCALEFPS makes its term exactly +0 in every lane.
  struct attnorm_expminus_f32 vexp;
  vexp.min_input = _mm512_set1_ps(attnorm_f32_expminus_min_input(params, ATTNORM_RMAXADDEXP_MIN_K, -ATTNORM_RMAXADDEXP_MIN_K));
  vexp.scale = _mm512_set1_ps(scale);
  vexp.scale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  vexp.magic_bias_k = vmin_magic_bias_k;

  // Per lane: the running maximum, and the partial sums relative to the lane's k.
  __m512 vmax = _mm512_set1_ps(-INFINITY);
  __m512 vacc0 = _mm512_setzero_ps();
  __m512 vacc1 = _mm512_setzero_ps();
  __m512 vacc2 = _mm512_setzero_ps();
  __m512 vacc3 = _mm512_setzero_ps();
  for (; batch >= 256 * sizeof(float); batch -= 256 * sizeof(float)) {
    const __m512 vx0 = attnorm_loadu_f32(input);
    const __m512 vx1 = attnorm_loadu_f32(input + 16);
    const __m512 vx2 = attnorm_loadu_f32(input + 32);
    const __m512 vx3 = attnorm_loadu_f32(input + 48);
    const __m512 vx4 = attnorm_loadu_f32(input + 64);
    const __m512 vx5 = attnorm_loadu_f32(input + 80);
    const __m512 vx6 = attnorm_loadu_f32(input + 96);
    const __m512 vx7 = attnorm_loadu_f32(input + 112);
    const __m512 vx8 = attnorm_loadu_f32(input + 128);
    const __m512 vx9 = attnorm_loadu_f32(input + 144);
    const __m512 vx10 = attnorm_loadu_f32(input + 160);
    const __m512 vx11 = attnorm_loadu_f32(input + 176);
    const __m512 vx12 = attnorm_loadu_f32(input + 192);
    const __m512 vx13 = attnorm_loadu_f32(input + 208);
    const __m512 vx14 = attnorm_loadu_f32(input + 224);
    const __m512 vx15 = attnorm_loadu_f32(input + 240);
    input += 256;

    // The block's lane-wise maximum (a tree), the running maximum and its k, as
    // magic_bias + k: -inf gives -inf, clamped up to MIN_K.
    const __m512 vm0_2 = attnorm_max_f32(vx0, vx1);
    const __m512 vm2_2 = attnorm_max_f32(vx2, vx3);
    const __m512 vm4_2 = attnorm_max_f32(vx4, vx5);
    const __m512 vm6_2 = attnorm_max_f32(vx6, vx7);
    const __m512 vm8_2 = attnorm_max_f32(vx8, vx9);
    const __m512 vm10_2 = attnorm_max_f32(vx10, vx11);
    const __m512 vm12_2 = attnorm_max_f32(vx12, vx13);
    const __m512 vm14_2 = attnorm_max_f32(vx14, vx15);
    const __m512 vm0_4 = attnorm_max_f32(vm0_2, vm2_2);
    const __m512 vm4_4 = attnorm_max_f32(vm4_2, vm6_2);
    const __m512 vm8_4 = attnorm_max_f32(vm8_2, vm10_2);
    const __m512 vm12_4 = attnorm_max_f32(vm12_2, vm14_2);
    const __m512 vm0_8 = attnorm_max_f32(vm0_4, vm4_4);
    const __m512 vm8_8 = attnorm_max_f32(vm8_4, vm12_4);
    const __m512 vm0_16 = attnorm_max_f32(vm0_8, vm8_8);
    vmax = attnorm_max_f32(vmax, vm0_16);
    const __m512 vmagic_bias_k = attnorm_max_f32(vmin_magic_bias_k, attnorm_fmadd_f32(vmax, vexp.scale_log2e, vmagic_bias));
    // Rescale the partial sums to the new k: * 2^(k - k_new), exactly 1 when k did not move.
    const __m512 vdelta_k = attnorm_sub_f32(vexp.magic_bias_k, vmagic_bias_k);
    vacc0 = attnorm_scalef_f32(vacc0, vdelta_k);
    vacc1 = attnorm_scalef_f32(vacc1, vdelta_k);
    vacc2 = attnorm_scalef_f32(vacc2, vdelta_k);
    vacc3 = attnorm_scalef_f32(vacc3, vdelta_k);
    vexp.magic_bias_k = vmagic_bias_k;

    // exp(s * x - k * ln2): +0 for -inf, NaN for NaN.
    const __m512 ve0 = attnorm_expminus_f32(vx0, &vexp);
    const __m512 ve1 = attnorm_expminus_f32(vx1, &vexp);
    const __m512 ve2 = attnorm_expminus_f32(vx2, &vexp);
    const __m512 ve3 = attnorm_expminus_f32(vx3, &vexp);
    const __m512 ve4 = attnorm_expminus_f32(vx4, &vexp);
    const __m512 ve5 = attnorm_expminus_f32(vx5, &vexp);
    const __m512 ve6 = attnorm_expminus_f32(vx6, &vexp);
    const __m512 ve7 = attnorm_expminus_f32(vx7, &vexp);
    const __m512 ve8 = attnorm_expminus_f32(vx8, &vexp);
    const __m512 ve9 = attnorm_expminus_f32(vx9, &vexp);
    const __m512 ve10 = attnorm_expminus_f32(vx10, &vexp);
    const __m512 ve11 = attnorm_expminus_f32(vx11, &vexp);
    const __m512 ve12 = attnorm_expminus_f32(vx12, &vexp);
    const __m512 ve13 = attnorm_expminus_f32(vx13, &vexp);
    const __m512 ve14 = attnorm_expminus_f32(vx14, &vexp);
    const __m512 ve15 = attnorm_expminus_f32(vx15, &vexp);

    vacc0 = attnorm_add_f32(vacc0, ve0);
    vacc1 = attnorm_add_f32(vacc1, ve1);
    vacc2 = attnorm_add_f32(vacc2, ve2);
    vacc3 = attnorm_add_f32(vacc3, ve3);
    vacc0 = attnorm_add_f32(vacc0, ve4);
    vacc1 = attnorm_add_f32(vacc1, ve5);
    vacc2 = attnorm_add_f32(vacc2, ve6);
    vacc3 = attnorm_add_f32(vacc3, ve7);
    vacc0 = attnorm_add_f32(vacc0, ve8);
    vacc1 = attnorm_add_f32(vacc1, ve9);
    vacc2 = attnorm_add_f32(vacc2, ve10);
    vacc3 = attnorm_add_f32(vacc3, ve11);
    vacc0 = attnorm_add_f32(vacc0, ve12);
    vacc1 = attnorm_add_f32(vacc1, ve13);
    vacc2 = attnorm_add_f32(vacc2, ve14);
    vacc3 = attnorm_add_f32(vacc3, ve15);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc2 = attnorm_add_f32(vacc2, vacc3);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vx = attnorm_loadu_f32(input);
    input += 16;

    // The same steps as above for a block of one vector.
    vmax = attnorm_max_f32(vmax, vx);
    const __m512 vmagic_bias_k = attnorm_max_f32(vmin_magic_bias_k, attnorm_fmadd_f32(vmax, vexp.scale_log2e, vmagic_bias));
    vacc0 = attnorm_scalef_f32(vacc0, attnorm_sub_f32(vexp.magic_bias_k, vmagic_bias_k));
    vexp.magic_bias_k = vmagic_bias_k;

    vacc0 = attnorm_add_f32(vacc0, attnorm_expminus_f32(vx, &vexp));
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and keep their maximum and sums.
    const size_t elements = batch / sizeof(float);
    const __m512 vx = attnorm_load_tail_f32(input, elements);

    vmax = attnorm_max_tail_f32(vmax, vx, elements);
    const __m512 vmagic_bias_k = attnorm_max_f32(vmin_magic_bias_k, attnorm_fmadd_f32(vmax, vexp.scale_log2e, vmagic_bias));
    vacc0 = attnorm_scalef_f32(vacc0, attnorm_sub_f32(vexp.magic_bias_k, vmagic_bias_k));
    vexp.magic_bias_k = vmagic_bias_k;

    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_expminus_f32(vx, &vexp), elements);
  }
  // The row's maximum and the contract's K (attnorm_f32_expminus_k of M = fl(scale * max), the
  // function every expminus kernel uses): every lane's k is at most K + 1 (nearly the same
  // product, rounded), so the rescaling by 2^(k - K) is exact (or +0 below 2^-126). A row of
  // only -inf takes K = 0: its lanes have k = MIN_K and sums of +0 terms, which stay +0 (or NaN).
  const float row_max = attnorm_reduce_max_f32(vmax);
  float row_k = attnorm_f32_expminus_k(scale * row_max);
  if (row_max == -INFINITY) {
    row_k = 0.0f;
  }
  vacc0 = attnorm_scalef_f32(vacc0, attnorm_sub_f32(vexp.magic_bias_k, _mm512_set1_ps(0x1.8p23f + row_k)));
  output[0] = row_max;
  output[1] = attnorm_reduce_add_f32(vacc0);
}
