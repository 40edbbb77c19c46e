// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include <immintrin.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5_scalef": every lane keeps its own
// running maximum m, an integer-valued float k = round(m * scale_log2e) (never below
// ATTNORM_RMAXADDEXP_MIN_K) and partial sums of exp(s * x - k * ln2). Each main-loop iteration
// first takes the lane-wise maximum of its 12 vector(s), moves (m, k) up to it and
// rescales the partial sums by 2**(k_old - k_new) with VSCALEFPS (exact: a power of two), with no
// compare or branch (the factor is 1 when the maximum did not grow); then it adds the exp terms
// of the vectors relative to the new k, so exp is evaluated once per element. At the end every
// lane's sums are rescaled by 2**(k_lane - K) to the row's K.
void attnorm_f32_rmaxaddexp_ukernel__avx512f_rr1_p5_scalef_u192_acc3(
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

  const __m512 vscale = _mm512_set1_ps(scale);
  // Range reduction from x itself (z = scale * x is never rounded): n = round(x * scale_log2e),
  // t = fma(x, scale, n * -ln2_hi) + n * -ln2_lo, exp(z - k * ln2) = exp(t) * 2**(n - k).
  const __m512 vscale_log2e = _mm512_set1_ps(scale_log2e);
  // ln2_hi = 0x1.63p-1 has 9 significant bits, so n * ln2_hi is exact for |n| < 2**15
  // (|z| <= 2**14 with margin) and t is rounded once; ln2_lo = ln(2) - ln2_hi.
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);      // -ln2_hi = -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f);  // -ln2_lo = ln2_hi - ln(2)
  // Degree-5 polynomial p(t) ~ exp(t) on [-ln(2)/2, ln(2)/2] (coefficients of XNNPACK's p5).
  const __m512 vone = _mm512_set1_ps(1.0f);
  const __m512 vc1 = _mm512_set1_ps(0x1.FFFFF6p-1f);
  const __m512 vc2 = _mm512_set1_ps(0x1.FFFDC6p-2f);
  const __m512 vc3 = _mm512_set1_ps(0x1.555A80p-3f);
  const __m512 vc4 = _mm512_set1_ps(0x1.573A1Ap-5f);
  const __m512 vc5 = _mm512_set1_ps(0x1.0F9F9Cp-7f);
  // k of a lane that has seen only -inf (k is clamped up to it, so k is finite).
  const __m512 vmin_k = _mm512_set1_ps(ATTNORM_RMAXADDEXP_MIN_K);
  // -inf needs no clamp and no compare: n = -inf, so n - k = -inf, t = -inf + inf is NaN and so is
  // p, and VSCALEFPS(QNaN, -inf) is +0 (Intel SDM, VSCALEFPS special cases: src1 QNaN, src2 -Inf
  // -> +0). A NaN input gives n = NaN and VSCALEFPS(NaN, NaN) = NaN. Finite inputs far below the
  // lane's maximum (n - k < -150) give +0 too, without any cutoff.

  // Per lane: the running maximum, its k and the partial sums relative to k.
  __m512 vmax = _mm512_set1_ps(-INFINITY);
  __m512 vk = vmin_k;
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

    // The block's lane-wise maximum (a tree), then the running maximum and its k.
    const __m512 vm0_2 = _mm512_max_ps(vi0, vi1);
    const __m512 vm2_2 = _mm512_max_ps(vi2, vi3);
    const __m512 vm4_2 = _mm512_max_ps(vi4, vi5);
    const __m512 vm6_2 = _mm512_max_ps(vi6, vi7);
    const __m512 vm8_2 = _mm512_max_ps(vi8, vi9);
    const __m512 vm10_2 = _mm512_max_ps(vi10, vi11);
    const __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
    const __m512 vm4_4 = _mm512_max_ps(vm4_2, vm6_2);
    const __m512 vm8_4 = _mm512_max_ps(vm8_2, vm10_2);
    const __m512 vm0_8 = _mm512_max_ps(vm0_4, vm4_4);
    const __m512 vm8_8 = vm8_4;
    const __m512 vm0_16 = _mm512_max_ps(vm0_8, vm8_8);
    vmax = _mm512_max_ps(vmax, vm0_16);
    const __m512 vk_new = _mm512_max_ps(vmin_k, _mm512_roundscale_ps(_mm512_mul_ps(vmax, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    // Rescale the partial sums to the new k: * 2**(k - k_new), exactly 1 when k did not move.
    const __m512 vdelta_k = _mm512_sub_ps(vk, vk_new);
    vacc0 = _mm512_scalef_ps(vacc0, vdelta_k);
    vacc1 = _mm512_scalef_ps(vacc1, vdelta_k);
    vacc2 = _mm512_scalef_ps(vacc2, vdelta_k);
    vk = vk_new;

    // n = round(x * scale_log2e); n <= k, as k is rounded the same way from the lane maximum.
    const __m512 vn0 = _mm512_roundscale_ps(_mm512_mul_ps(vi0, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn1 = _mm512_roundscale_ps(_mm512_mul_ps(vi1, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn2 = _mm512_roundscale_ps(_mm512_mul_ps(vi2, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn3 = _mm512_roundscale_ps(_mm512_mul_ps(vi3, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn4 = _mm512_roundscale_ps(_mm512_mul_ps(vi4, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn5 = _mm512_roundscale_ps(_mm512_mul_ps(vi5, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn6 = _mm512_roundscale_ps(_mm512_mul_ps(vi6, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn7 = _mm512_roundscale_ps(_mm512_mul_ps(vi7, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn8 = _mm512_roundscale_ps(_mm512_mul_ps(vi8, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn9 = _mm512_roundscale_ps(_mm512_mul_ps(vi9, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn10 = _mm512_roundscale_ps(_mm512_mul_ps(vi10, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn11 = _mm512_roundscale_ps(_mm512_mul_ps(vi11, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 vt0 = _mm512_fmadd_ps(vi0, vscale, _mm512_mul_ps(vn0, vminus_ln2_hi));
    __m512 vt1 = _mm512_fmadd_ps(vi1, vscale, _mm512_mul_ps(vn1, vminus_ln2_hi));
    __m512 vt2 = _mm512_fmadd_ps(vi2, vscale, _mm512_mul_ps(vn2, vminus_ln2_hi));
    __m512 vt3 = _mm512_fmadd_ps(vi3, vscale, _mm512_mul_ps(vn3, vminus_ln2_hi));
    __m512 vt4 = _mm512_fmadd_ps(vi4, vscale, _mm512_mul_ps(vn4, vminus_ln2_hi));
    __m512 vt5 = _mm512_fmadd_ps(vi5, vscale, _mm512_mul_ps(vn5, vminus_ln2_hi));
    __m512 vt6 = _mm512_fmadd_ps(vi6, vscale, _mm512_mul_ps(vn6, vminus_ln2_hi));
    __m512 vt7 = _mm512_fmadd_ps(vi7, vscale, _mm512_mul_ps(vn7, vminus_ln2_hi));
    __m512 vt8 = _mm512_fmadd_ps(vi8, vscale, _mm512_mul_ps(vn8, vminus_ln2_hi));
    __m512 vt9 = _mm512_fmadd_ps(vi9, vscale, _mm512_mul_ps(vn9, vminus_ln2_hi));
    __m512 vt10 = _mm512_fmadd_ps(vi10, vscale, _mm512_mul_ps(vn10, vminus_ln2_hi));
    __m512 vt11 = _mm512_fmadd_ps(vi11, vscale, _mm512_mul_ps(vn11, vminus_ln2_hi));
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    vt2 = _mm512_fmadd_ps(vn2, vminus_ln2_lo, vt2);
    vt3 = _mm512_fmadd_ps(vn3, vminus_ln2_lo, vt3);
    vt4 = _mm512_fmadd_ps(vn4, vminus_ln2_lo, vt4);
    vt5 = _mm512_fmadd_ps(vn5, vminus_ln2_lo, vt5);
    vt6 = _mm512_fmadd_ps(vn6, vminus_ln2_lo, vt6);
    vt7 = _mm512_fmadd_ps(vn7, vminus_ln2_lo, vt7);
    vt8 = _mm512_fmadd_ps(vn8, vminus_ln2_lo, vt8);
    vt9 = _mm512_fmadd_ps(vn9, vminus_ln2_lo, vt9);
    vt10 = _mm512_fmadd_ps(vn10, vminus_ln2_lo, vt10);
    vt11 = _mm512_fmadd_ps(vn11, vminus_ln2_lo, vt11);
    // p = 1 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5)))) ~ exp(t).
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
    // exp(z - k * ln2) = p * 2**(n - k); +0 for -inf, NaN for NaN.
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp0, _mm512_sub_ps(vn0, vk)));
    vacc1 = _mm512_add_ps(vacc1, _mm512_scalef_ps(vp1, _mm512_sub_ps(vn1, vk)));
    vacc2 = _mm512_add_ps(vacc2, _mm512_scalef_ps(vp2, _mm512_sub_ps(vn2, vk)));
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp3, _mm512_sub_ps(vn3, vk)));
    vacc1 = _mm512_add_ps(vacc1, _mm512_scalef_ps(vp4, _mm512_sub_ps(vn4, vk)));
    vacc2 = _mm512_add_ps(vacc2, _mm512_scalef_ps(vp5, _mm512_sub_ps(vn5, vk)));
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp6, _mm512_sub_ps(vn6, vk)));
    vacc1 = _mm512_add_ps(vacc1, _mm512_scalef_ps(vp7, _mm512_sub_ps(vn7, vk)));
    vacc2 = _mm512_add_ps(vacc2, _mm512_scalef_ps(vp8, _mm512_sub_ps(vn8, vk)));
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp9, _mm512_sub_ps(vn9, vk)));
    vacc1 = _mm512_add_ps(vacc1, _mm512_scalef_ps(vp10, _mm512_sub_ps(vn10, vk)));
    vacc2 = _mm512_add_ps(vacc2, _mm512_scalef_ps(vp11, _mm512_sub_ps(vn11, vk)));
  }
  vacc0 = _mm512_add_ps(vacc0, vacc1);
  vacc0 = _mm512_add_ps(vacc0, vacc2);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    // The same steps as above for a block of one vector.
    vmax = _mm512_max_ps(vmax, vi);
    const __m512 vk_new = _mm512_max_ps(vmin_k, _mm512_roundscale_ps(_mm512_mul_ps(vmax, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    vacc0 = _mm512_scalef_ps(vacc0, _mm512_sub_ps(vk, vk_new));
    vk = vk_new;

    const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vi, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 vt = _mm512_fmadd_ps(vi, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp, _mm512_sub_ps(vn, vk)));
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // The remaining 1..15 elements; lanes past the row load -inf, which changes neither the
    // maximum nor the sum (its term is exactly +0).
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));
    const __m512 vi = _mm512_mask_loadu_ps(_mm512_set1_ps(-INFINITY), vmask, input);

    vmax = _mm512_max_ps(vmax, vi);
    const __m512 vk_new = _mm512_max_ps(vmin_k, _mm512_roundscale_ps(_mm512_mul_ps(vmax, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    vacc0 = _mm512_scalef_ps(vacc0, _mm512_sub_ps(vk, vk_new));
    vk = vk_new;

    const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vi, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 vt = _mm512_fmadd_ps(vi, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
    vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
    __m512 vp = _mm512_fmadd_ps(vc5, vt, vc4);
    vp = _mm512_fmadd_ps(vp, vt, vc3);
    vp = _mm512_fmadd_ps(vp, vt, vc2);
    vp = _mm512_fmadd_ps(vp, vt, vc1);
    vp = _mm512_fmadd_ps(vp, vt, vone);
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp, _mm512_sub_ps(vn, vk)));
  }
  // The row's maximum and the contract's K = round(fl(fl(scale * max) * log2(e))); every lane's
  // k is within 1 of K or below it (the same rounding of nearly the same product), so the
  // rescaling below is exact. A row of only -inf takes K = 0: its lanes have k = MIN_K and sums
  // of +0 terms, which 2**(MIN_K) keeps +0 (or NaN).
  const float row_max = _mm512_reduce_max_ps(vmax);
  // Rounded by ROUNDSS, so that the compiler cannot fuse the product into a magic-bias addition.
  const __m128 vscaled_log2e = _mm_set_ss((scale * row_max) * 0x1.715476p+0f);
  float row_k = _mm_cvtss_f32(_mm_round_ss(vscaled_log2e, vscaled_log2e, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  if (row_max == -INFINITY) {
    row_k = 0.0f;
  }
  vacc0 = _mm512_scalef_ps(vacc0, _mm512_sub_ps(vk, _mm512_set1_ps(row_k)));
  output[0] = row_max;
  output[1] = _mm512_reduce_add_ps(vacc0);
}
