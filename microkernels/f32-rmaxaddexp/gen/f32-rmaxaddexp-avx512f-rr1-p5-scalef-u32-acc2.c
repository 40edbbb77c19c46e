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
// first takes the lane-wise maximum of its 2 vector(s), moves (m, k) up to it and
// rescales the partial sums by 2**(k_old - k_new) with VSCALEFPS (exact: a power of two), with no
// compare or branch (the factor is 1 when the maximum did not grow); then it adds the exp terms
// of the vectors relative to the new k, so exp is evaluated once per element. At the end every
// lane's sums are rescaled by 2**(k_lane - K) to the row's K.
void attnorm_f32_rmaxaddexp_ukernel__avx512f_rr1_p5_scalef_u32_acc2(
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
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    input += 32;

    // The block's lane-wise maximum (a tree), then the running maximum and its k.
    const __m512 vm0_2 = _mm512_max_ps(vi0, vi1);
    vmax = _mm512_max_ps(vmax, vm0_2);
    const __m512 vk_new = _mm512_max_ps(vmin_k, _mm512_roundscale_ps(_mm512_mul_ps(vmax, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    // Rescale the partial sums to the new k: * 2**(k - k_new), exactly 1 when k did not move.
    const __m512 vdelta_k = _mm512_sub_ps(vk, vk_new);
    vacc0 = _mm512_scalef_ps(vacc0, vdelta_k);
    vacc1 = _mm512_scalef_ps(vacc1, vdelta_k);
    vk = vk_new;

    // n = round(x * scale_log2e); n <= k, as k is rounded the same way from the lane maximum.
    const __m512 vn0 = _mm512_roundscale_ps(_mm512_mul_ps(vi0, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn1 = _mm512_roundscale_ps(_mm512_mul_ps(vi1, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 vt0 = _mm512_fmadd_ps(vi0, vscale, _mm512_mul_ps(vn0, vminus_ln2_hi));
    __m512 vt1 = _mm512_fmadd_ps(vi1, vscale, _mm512_mul_ps(vn1, vminus_ln2_hi));
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
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
    // exp(z - k * ln2) = p * 2**(n - k); +0 for -inf, NaN for NaN.
    vacc0 = _mm512_add_ps(vacc0, _mm512_scalef_ps(vp0, _mm512_sub_ps(vn0, vk)));
    vacc1 = _mm512_add_ps(vacc1, _mm512_scalef_ps(vp1, _mm512_sub_ps(vn1, vk)));
  }
  vacc0 = _mm512_add_ps(vacc0, vacc1);
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
