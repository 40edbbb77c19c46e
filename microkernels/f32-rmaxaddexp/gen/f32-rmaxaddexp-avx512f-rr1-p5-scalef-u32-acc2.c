// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/simd/f32-avx512f.h"

// exp(s*x - k*ln2) = p(t) * 2^(n - k) with no clamp and no compare (a helper the simd header
// lacks: its attnorm_expminus_f32 clamps x, which costs 19% here, measured 8.6 vs 10.5
// elements/ns at n = 4096). Reduced from x itself: n = round(x * fl(s*log2e)) (VRNDSCALEPS, the
// same rounding as the lanes' k, so n <= k), t = fma(x, s, -n * ln2_hi) - n * ln2_lo with a 9-bit
// ln2_hi (n * ln2_hi exact while |s*x| <= 2^14; s*x never rounded on its own), the header's p5
// core p(t) ~ exp(t), and VSCALEFPS. -inf: n = -inf, n - k = -inf, t = -inf + inf is NaN and so
// is p, and VSCALEFPS(QNaN, -inf) is +0 (Intel SDM, VSCALEFPS special cases: src1 QNaN, src2
// -Inf -> +0). NaN: n = NaN, VSCALEFPS(NaN, NaN) is NaN. Finite x far below the lane's maximum
// (n - k < -150) gives +0 with no cutoff. k enters last, so the exps do not wait for the block's
// new k. One NaN-preserving clamp, x = max(-3e6 / (s*log2e), x), keeps logits like -1e9 or
// -FLT_MAX (far beyond |s*x| <= 2^14, where n * ln2_hi would be rounded and p(t) overflow) at an
// exponent whose term is +0 (the clamp cost ~3% at n = 4096; without it a row masked with
// -FLT_MAX summed to inf). -inf is clamped too.
static ATTNORM_INLINE __m512 expminus_scalef(__m512 vi, __m512 vmin_input, __m512 vscale, __m512 vscale_log2e, __m512 vk) {
  const __m512 vx = _mm512_max_ps(vmin_input, vi);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  const __m512 vn = _mm512_roundscale_ps(_mm512_mul_ps(vx, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 vt = _mm512_fmadd_ps(vx, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
  vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
  return attnorm_scalef_f32(attnorm_exp_p5_f32(vt), _mm512_sub_ps(vn, vk));
}

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr1_p5_scalef": every lane keeps its own
// running maximum m, an integer-valued float k = round(m * scale_log2e) (never below
// ATTNORM_RMAXADDEXP_MIN_K) and partial sums of exp(s * x - k * ln2). Each main-loop iteration
// first takes the lane-wise maximum of its 2 vector(s), moves (m, k) up to it and
// rescales the partial sums by 2^(k_old - k_new) with VSCALEFPS (exact: a power of two), with no
// compare or branch (the factor is 1 when the maximum did not grow); then it adds the exp terms
// of the vectors relative to the new k (expminus_scalef above), so exp is evaluated once per
// element. At the end every lane's sums are rescaled by 2^(k_lane - K) to the row's K.
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
  const __m512 vscale_log2e = _mm512_set1_ps(scale_log2e);
  // The exp's clamp (expminus_scalef): n = round(x * s*log2e) >= -3e6, a term 2^(n - k) that is +0
  // next to any k of a row in range.
  const __m512 vmin_input = _mm512_set1_ps(-3.0e6f / scale_log2e);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  // k of a lane that has seen only -inf (k is clamped up to it, so k is finite).
  const __m512 vmin_k = _mm512_set1_ps(ATTNORM_RMAXADDEXP_MIN_K);

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
    // Rescale the partial sums to the new k: * 2^(k - k_new), exactly 1 when k did not move.
    const __m512 vdelta_k = _mm512_sub_ps(vk, vk_new);
    vacc0 = _mm512_scalef_ps(vacc0, vdelta_k);
    vacc1 = _mm512_scalef_ps(vacc1, vdelta_k);
    vk = vk_new;

    // exp(s * x - k * ln2) (the steps of expminus_scalef, interleaved over the vectors so that
    // the out-of-order core sees independent operations next to each other: +15% measured):
    // +0 for -inf, NaN for NaN.
    const __m512 vx0 = _mm512_max_ps(vmin_input, vi0);
    const __m512 vx1 = _mm512_max_ps(vmin_input, vi1);
    const __m512 vn0 = _mm512_roundscale_ps(_mm512_mul_ps(vx0, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 vn1 = _mm512_roundscale_ps(_mm512_mul_ps(vx1, vscale_log2e), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 vt0 = _mm512_fmadd_ps(vx0, vscale, _mm512_mul_ps(vn0, vminus_ln2_hi));
    __m512 vt1 = _mm512_fmadd_ps(vx1, vscale, _mm512_mul_ps(vn1, vminus_ln2_hi));
    vt0 = _mm512_fmadd_ps(vn0, vminus_ln2_lo, vt0);
    vt1 = _mm512_fmadd_ps(vn1, vminus_ln2_lo, vt1);
    const __m512 vp0 = attnorm_exp_p5_f32(vt0);
    const __m512 vp1 = attnorm_exp_p5_f32(vt1);
    const __m512 ve0 = attnorm_scalef_f32(vp0, _mm512_sub_ps(vn0, vk));
    const __m512 ve1 = attnorm_scalef_f32(vp1, _mm512_sub_ps(vn1, vk));

    vacc0 = _mm512_add_ps(vacc0, ve0);
    vacc1 = _mm512_add_ps(vacc1, ve1);
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

    vacc0 = _mm512_add_ps(vacc0, expminus_scalef(vi, vmin_input, vscale, vscale_log2e, vk));
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

    vacc0 = _mm512_add_ps(vacc0, expminus_scalef(vi, vmin_input, vscale, vscale_log2e, vk));
  }
  // The row's maximum and the contract's K (attnorm_f32_expminus_k of M = fl(scale * max), the
  // function every expminus kernel uses): every lane's k is at most K + 1 (nearly the same
  // product, rounded), so the rescaling below is exact (or +0 below 2^-126). A row of only -inf
  // takes K = 0: its lanes have k = MIN_K and sums of +0 terms, which 2^(MIN_K) keeps +0 (or NaN).
  const float row_max = _mm512_reduce_max_ps(vmax);
  float row_k = attnorm_f32_expminus_k(scale * row_max);
  if (row_max == -INFINITY) {
    row_k = 0.0f;
  }
  vacc0 = _mm512_scalef_ps(vacc0, _mm512_sub_ps(vk, _mm512_set1_ps(row_k)));
  output[0] = row_max;
  output[1] = _mm512_reduce_add_ps(vacc0);
}
