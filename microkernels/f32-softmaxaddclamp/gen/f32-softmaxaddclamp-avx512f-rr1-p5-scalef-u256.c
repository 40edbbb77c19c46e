// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmaxaddclamp/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-softmaxaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/exact-rows.h"
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "microkernels/simd/f32-avx512f.h"

// Clipped softmax's affine map and clamp of the exact path's output (rare: rows beyond the exp's
// range), y = min(1, max(0, fma(p, amplitude, addend))), NaN kept.
static void clip_exact_row(size_t elements, float* output, float amplitude, float addend) {
  for (size_t i = 0; i < elements; i++) {
    const float v = fmaf(output[i], amplitude, addend);
    output[i] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
  }
}

// The lanes [offset, offset + 16) of a row of `elements` floats that lie in the row, as a mask
// (0 for a vector past the row). Local: the simd header's tail mask takes 1..15 only.
static ATTNORM_INLINE __mmask16 row_mask(size_t elements, size_t offset) {
  const size_t left = elements > offset ? elements - offset : 0;
  const uint32_t count = (uint32_t) (left < 16 ? left : 16);
  return _cvtu32_mask16((UINT32_C(1) << count) - 1);
}

// Loads (stores) the row's lanes of the vector at `offset`: a plain VMOVUPS for a whole vector,
// masked only for the partial one and past the row (lanes past the row load -inf).
static ATTNORM_INLINE __m512 load_row(const float* input, size_t elements, size_t offset, __m512 vminus_inf) {
  if (ATTNORM_LIKELY(elements >= offset + 16)) {
    return _mm512_loadu_ps(input + offset);
  }
  return _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, offset), input + offset);
}
static ATTNORM_INLINE void store_row(float* output, size_t elements, size_t offset, __m512 v) {
  if (ATTNORM_LIKELY(elements >= offset + 16)) {
    _mm512_storeu_ps(output + offset, v);
  } else {
    _mm512_mask_storeu_ps(output + offset, row_mask(elements, offset), v);
  }
}

// Every lane = the maximum (sum) of the lanes of v: the row's maximum (sum) stays in a vector,
// with no move to a scalar register and back.
static ATTNORM_INLINE __m512 all_lanes_max(__m512 v) {
  v = _mm512_max_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(1, 0, 3, 2)));
  v = _mm512_max_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(2, 3, 0, 1)));
  v = _mm512_max_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm512_max_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}
static ATTNORM_INLINE __m512 all_lanes_add(__m512 v) {
  v = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(1, 0, 3, 2)));
  v = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(2, 3, 0, 1)));
  v = _mm512_add_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm512_add_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}

// exp(s*x - k*ln2) in two halves, "rr1_p5_scalef" (the math of attnorm_expminus_f32 in
// microkernels/simd/f32-avx512f.h; the polynomial is its attnorm_exp_p5_f32): everything that does
// not depend on k runs while the row's maximum is still being reduced, so the critical path of a
// row is max -> k -> 2^(n - k) -> sum -> 1/sum, not max -> whole exp -> sum.
//
// Half 1, before k: n = round(x * fl(s*log2e)) by the magic bias (returned biased, b = n + 1.5*2^23),
// t = fma(x, s, -n*ln2_hi) - n*ln2_lo with a 9-bit ln2_hi (exact n*ln2_hi for |s*x| <= 2^14, so
// s*x - k*ln2 is never rounded to float), *p = p(t) ~ exp(t). x is first clamped up to min_input
// (s*x = -3e6 / log2(e)), NaN-preserving: -inf and -FLT_MAX masks become a finite x whose term is
// exactly +0 whenever the row's maximum is above -2^21 / s (always, in the valid range).
static ATTNORM_INLINE __m512 softmax_exp_reduce(__m512 vx, __m512 vmin_input, __m512 vscale, __m512 vscale_log2e,
                                                __m512* vp) {
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm512_max_ps(vmin_input, vx);
  const __m512 vb = _mm512_fmadd_ps(vx, vscale_log2e, vmagic_bias);
  const __m512 vn = _mm512_sub_ps(vb, vmagic_bias);
  __m512 vt = _mm512_fmadd_ps(vx, vscale, _mm512_mul_ps(vn, vminus_ln2_hi));
  vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
  *vp = attnorm_exp_p5_f32(vt);
  return vb;
}

// Half 2, after k: e = p * 2^(n - k) by VSCALEFPS (b - (1.5*2^23 + k) = n - k exactly); +0 below
// 2^-149, NaN for NaN.
static ATTNORM_INLINE __m512 softmax_exp_scale(__m512 vp, __m512 vb, __m512 vmagic_bias_k) {
  return _mm512_scalef_ps(vp, _mm512_sub_ps(vb, vmagic_bias_k));
}

// Softmax of a row of up to 64 floats held in 4 zmm registers: one load per vector (masked
// for the partial vector; lanes past the row hold -inf), the maximum by a tree of VMAXPS (then
// across lanes, kept in every lane), half 1 of exp(s*x - k*ln2) meanwhile, k from the scaled
// maximum, half 2 of exp (softmax_exp_reduce / softmax_exp_scale above), the sum by a tree of
// VADDPS, then one multiply by 1/sum and one store per vector. Vectors wholly past the row skip
// exp and the store (branches that always go the same way for rows of one length); they still
// enter the two trees, as -inf and +0.
static ATTNORM_INLINE void softmax_row4(
    size_t elements,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const __m512 vscale = _mm512_set1_ps(params->scalar.scale);
  const __m512 vscale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  // Does not depend on the row: the divider runs while the row loads.
  const __m512 vmin_input = _mm512_set1_ps(-3.0e6f / params->scalar.scale_log2e);
  const __m512 vminus_inf = _mm512_set1_ps(-INFINITY);
  __m512 vx0 = load_row(input, elements, 0, vminus_inf);
  __m512 vx1 = load_row(input, elements, 16, vminus_inf);
  __m512 vx2 = load_row(input, elements, 32, vminus_inf);
  __m512 vx3 = load_row(input, elements, 48, vminus_inf);

  // The row's maximum: a tree over the vectors, then across the lanes (in every lane).
  __m512 vm0_2 = _mm512_max_ps(vx0, vx1);
  __m512 vm2_2 = _mm512_max_ps(vx2, vx3);
  __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
  const __m512 vmax = all_lanes_max(vm0_4);

  // Half 1 of exp, independent of the maximum (vx becomes the biased n; vp holds p(t)).
  __m512 vp0;
  vx0 = softmax_exp_reduce(vx0, vmin_input, vscale, vscale_log2e, &vp0);
  __m512 vp1 = _mm512_setzero_ps();
  __m512 vp2 = _mm512_setzero_ps();
  __m512 vp3 = _mm512_setzero_ps();
  if (elements > 16) {
    vx1 = softmax_exp_reduce(vx1, vmin_input, vscale, vscale_log2e, &vp1);
  }
  if (elements > 32) {
    vx2 = softmax_exp_reduce(vx2, vmin_input, vscale, vscale_log2e, &vp2);
  }
  if (elements > 48) {
    vx3 = softmax_exp_reduce(vx3, vmin_input, vscale, vscale_log2e, &vp3);
  }

  if (ATTNORM_UNLIKELY(!(fabsf(_mm512_cvtss_f32(vmax) * params->scalar.scale) <= ATTNORM_EXP_VALID_RANGE))) {
    // Only -inf, a NaN that VMAXPS skipped among -inf, or a largest logit beyond the exp's range
    // (a row masked with -1e9): the rare exact path, from the input (nothing is stored yet).
    attnorm_f32_softmax_exact(elements, input, output, params->scalar.scale, false);
    clip_exact_row(elements, output, amplitude, addend);
    return;
  }

  // k = round-to-nearest-even(fl(fl(s * max) * log2(e))) by two rounded products (no add to fuse
  // them with) and VRNDSCALEPS: bit for bit attnorm_f32_expminus_k(fl(s * max)) (that function is
  // out of line, and a call here would spill every register of the row). A NaN maximum makes
  // every term NaN.
  const __m512 vk = _mm512_roundscale_ps(_mm512_mul_ps(_mm512_mul_ps(vmax, vscale), _mm512_set1_ps(0x1.715476p+0f)),
                                         _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m512 vmagic_bias_k = _mm512_add_ps(vk, _mm512_set1_ps(0x1.8p23f));
  // Half 2 of exp: e = p * 2^(n - k); +0 for -inf, NaN for NaN (and a NaN sum, so a NaN row).
  vx0 = softmax_exp_scale(vp0, vx0, vmagic_bias_k);
  if (elements > 16) {
    vx1 = softmax_exp_scale(vp1, vx1, vmagic_bias_k);
  } else {
    vx1 = _mm512_setzero_ps();
  }
  if (elements > 32) {
    vx2 = softmax_exp_scale(vp2, vx2, vmagic_bias_k);
  } else {
    vx2 = _mm512_setzero_ps();
  }
  if (elements > 48) {
    vx3 = softmax_exp_scale(vp3, vx3, vmagic_bias_k);
  } else {
    vx3 = _mm512_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m512 vs0_2 = _mm512_add_ps(vx0, vx1);
  __m512 vs2_2 = _mm512_add_ps(vx2, vx3);
  __m512 vs0_4 = _mm512_add_ps(vs0_2, vs2_2);
  const __m512 vsum = all_lanes_add(vs0_4);

  // y = min(1, max(0, fma(e, (zeta - gamma) / sum, gamma))): VMAXPS / VMINPS return their second
  // operand, the value, when it is NaN.
  const __m512 vmultiplier = _mm512_div_ps(_mm512_set1_ps(amplitude), vsum);
  const __m512 vaddend = _mm512_set1_ps(addend);
  const __m512 vzero = _mm512_setzero_ps();
  const __m512 vone = _mm512_set1_ps(1.0f);
  store_row(output, elements, 0, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx0, vmultiplier, vaddend))));
  if (elements > 16) {
    store_row(output, elements, 16, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx1, vmultiplier, vaddend))));
  }
  if (elements > 32) {
    store_row(output, elements, 32, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx2, vmultiplier, vaddend))));
  }
  if (elements > 48) {
    store_row(output, elements, 48, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx3, vmultiplier, vaddend))));
  }
}
// Softmax of a row of up to 128 floats held in 8 zmm registers: one load per vector (masked
// for the partial vector; lanes past the row hold -inf), the maximum by a tree of VMAXPS (then
// across lanes, kept in every lane), half 1 of exp(s*x - k*ln2) meanwhile, k from the scaled
// maximum, half 2 of exp (softmax_exp_reduce / softmax_exp_scale above), the sum by a tree of
// VADDPS, then one multiply by 1/sum and one store per vector. Vectors wholly past the row skip
// exp and the store (branches that always go the same way for rows of one length); they still
// enter the two trees, as -inf and +0.
static ATTNORM_INLINE void softmax_row8(
    size_t elements,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const __m512 vscale = _mm512_set1_ps(params->scalar.scale);
  const __m512 vscale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  // Does not depend on the row: the divider runs while the row loads.
  const __m512 vmin_input = _mm512_set1_ps(-3.0e6f / params->scalar.scale_log2e);
  const __m512 vminus_inf = _mm512_set1_ps(-INFINITY);
  __m512 vx0 = load_row(input, elements, 0, vminus_inf);
  __m512 vx1 = load_row(input, elements, 16, vminus_inf);
  __m512 vx2 = load_row(input, elements, 32, vminus_inf);
  __m512 vx3 = load_row(input, elements, 48, vminus_inf);
  __m512 vx4 = load_row(input, elements, 64, vminus_inf);
  __m512 vx5 = load_row(input, elements, 80, vminus_inf);
  __m512 vx6 = load_row(input, elements, 96, vminus_inf);
  __m512 vx7 = load_row(input, elements, 112, vminus_inf);

  // The row's maximum: a tree over the vectors, then across the lanes (in every lane).
  __m512 vm0_2 = _mm512_max_ps(vx0, vx1);
  __m512 vm2_2 = _mm512_max_ps(vx2, vx3);
  __m512 vm4_2 = _mm512_max_ps(vx4, vx5);
  __m512 vm6_2 = _mm512_max_ps(vx6, vx7);
  __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
  __m512 vm4_4 = _mm512_max_ps(vm4_2, vm6_2);
  __m512 vm0_8 = _mm512_max_ps(vm0_4, vm4_4);
  const __m512 vmax = all_lanes_max(vm0_8);

  // Half 1 of exp, independent of the maximum (vx becomes the biased n; vp holds p(t)).
  __m512 vp0;
  vx0 = softmax_exp_reduce(vx0, vmin_input, vscale, vscale_log2e, &vp0);
  __m512 vp1 = _mm512_setzero_ps();
  __m512 vp2 = _mm512_setzero_ps();
  __m512 vp3 = _mm512_setzero_ps();
  __m512 vp4 = _mm512_setzero_ps();
  __m512 vp5 = _mm512_setzero_ps();
  __m512 vp6 = _mm512_setzero_ps();
  __m512 vp7 = _mm512_setzero_ps();
  if (elements > 16) {
    vx1 = softmax_exp_reduce(vx1, vmin_input, vscale, vscale_log2e, &vp1);
  }
  if (elements > 32) {
    vx2 = softmax_exp_reduce(vx2, vmin_input, vscale, vscale_log2e, &vp2);
  }
  if (elements > 48) {
    vx3 = softmax_exp_reduce(vx3, vmin_input, vscale, vscale_log2e, &vp3);
  }
  if (elements > 64) {
    vx4 = softmax_exp_reduce(vx4, vmin_input, vscale, vscale_log2e, &vp4);
  }
  if (elements > 80) {
    vx5 = softmax_exp_reduce(vx5, vmin_input, vscale, vscale_log2e, &vp5);
  }
  if (elements > 96) {
    vx6 = softmax_exp_reduce(vx6, vmin_input, vscale, vscale_log2e, &vp6);
  }
  if (elements > 112) {
    vx7 = softmax_exp_reduce(vx7, vmin_input, vscale, vscale_log2e, &vp7);
  }

  if (ATTNORM_UNLIKELY(!(fabsf(_mm512_cvtss_f32(vmax) * params->scalar.scale) <= ATTNORM_EXP_VALID_RANGE))) {
    // Only -inf, a NaN that VMAXPS skipped among -inf, or a largest logit beyond the exp's range
    // (a row masked with -1e9): the rare exact path, from the input (nothing is stored yet).
    attnorm_f32_softmax_exact(elements, input, output, params->scalar.scale, false);
    clip_exact_row(elements, output, amplitude, addend);
    return;
  }

  // k = round-to-nearest-even(fl(fl(s * max) * log2(e))) by two rounded products (no add to fuse
  // them with) and VRNDSCALEPS: bit for bit attnorm_f32_expminus_k(fl(s * max)) (that function is
  // out of line, and a call here would spill every register of the row). A NaN maximum makes
  // every term NaN.
  const __m512 vk = _mm512_roundscale_ps(_mm512_mul_ps(_mm512_mul_ps(vmax, vscale), _mm512_set1_ps(0x1.715476p+0f)),
                                         _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m512 vmagic_bias_k = _mm512_add_ps(vk, _mm512_set1_ps(0x1.8p23f));
  // Half 2 of exp: e = p * 2^(n - k); +0 for -inf, NaN for NaN (and a NaN sum, so a NaN row).
  vx0 = softmax_exp_scale(vp0, vx0, vmagic_bias_k);
  if (elements > 16) {
    vx1 = softmax_exp_scale(vp1, vx1, vmagic_bias_k);
  } else {
    vx1 = _mm512_setzero_ps();
  }
  if (elements > 32) {
    vx2 = softmax_exp_scale(vp2, vx2, vmagic_bias_k);
  } else {
    vx2 = _mm512_setzero_ps();
  }
  if (elements > 48) {
    vx3 = softmax_exp_scale(vp3, vx3, vmagic_bias_k);
  } else {
    vx3 = _mm512_setzero_ps();
  }
  if (elements > 64) {
    vx4 = softmax_exp_scale(vp4, vx4, vmagic_bias_k);
  } else {
    vx4 = _mm512_setzero_ps();
  }
  if (elements > 80) {
    vx5 = softmax_exp_scale(vp5, vx5, vmagic_bias_k);
  } else {
    vx5 = _mm512_setzero_ps();
  }
  if (elements > 96) {
    vx6 = softmax_exp_scale(vp6, vx6, vmagic_bias_k);
  } else {
    vx6 = _mm512_setzero_ps();
  }
  if (elements > 112) {
    vx7 = softmax_exp_scale(vp7, vx7, vmagic_bias_k);
  } else {
    vx7 = _mm512_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m512 vs0_2 = _mm512_add_ps(vx0, vx1);
  __m512 vs2_2 = _mm512_add_ps(vx2, vx3);
  __m512 vs4_2 = _mm512_add_ps(vx4, vx5);
  __m512 vs6_2 = _mm512_add_ps(vx6, vx7);
  __m512 vs0_4 = _mm512_add_ps(vs0_2, vs2_2);
  __m512 vs4_4 = _mm512_add_ps(vs4_2, vs6_2);
  __m512 vs0_8 = _mm512_add_ps(vs0_4, vs4_4);
  const __m512 vsum = all_lanes_add(vs0_8);

  // y = min(1, max(0, fma(e, (zeta - gamma) / sum, gamma))): VMAXPS / VMINPS return their second
  // operand, the value, when it is NaN.
  const __m512 vmultiplier = _mm512_div_ps(_mm512_set1_ps(amplitude), vsum);
  const __m512 vaddend = _mm512_set1_ps(addend);
  const __m512 vzero = _mm512_setzero_ps();
  const __m512 vone = _mm512_set1_ps(1.0f);
  store_row(output, elements, 0, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx0, vmultiplier, vaddend))));
  if (elements > 16) {
    store_row(output, elements, 16, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx1, vmultiplier, vaddend))));
  }
  if (elements > 32) {
    store_row(output, elements, 32, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx2, vmultiplier, vaddend))));
  }
  if (elements > 48) {
    store_row(output, elements, 48, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx3, vmultiplier, vaddend))));
  }
  if (elements > 64) {
    store_row(output, elements, 64, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx4, vmultiplier, vaddend))));
  }
  if (elements > 80) {
    store_row(output, elements, 80, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx5, vmultiplier, vaddend))));
  }
  if (elements > 96) {
    store_row(output, elements, 96, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx6, vmultiplier, vaddend))));
  }
  if (elements > 112) {
    store_row(output, elements, 112, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx7, vmultiplier, vaddend))));
  }
}
// Softmax of a row of up to 256 floats held in 16 zmm registers: one load per vector (masked
// for the partial vector; lanes past the row hold -inf), the maximum by a tree of VMAXPS (then
// across lanes, kept in every lane), half 1 of exp(s*x - k*ln2) meanwhile, k from the scaled
// maximum, half 2 of exp (softmax_exp_reduce / softmax_exp_scale above), the sum by a tree of
// VADDPS, then one multiply by 1/sum and one store per vector. Vectors wholly past the row skip
// exp and the store (branches that always go the same way for rows of one length); they still
// enter the two trees, as -inf and +0.
static ATTNORM_INLINE void softmax_row16(
    size_t elements,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const __m512 vscale = _mm512_set1_ps(params->scalar.scale);
  const __m512 vscale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  // Does not depend on the row: the divider runs while the row loads.
  const __m512 vmin_input = _mm512_set1_ps(-3.0e6f / params->scalar.scale_log2e);
  const __m512 vminus_inf = _mm512_set1_ps(-INFINITY);
  __m512 vx0 = load_row(input, elements, 0, vminus_inf);
  __m512 vx1 = load_row(input, elements, 16, vminus_inf);
  __m512 vx2 = load_row(input, elements, 32, vminus_inf);
  __m512 vx3 = load_row(input, elements, 48, vminus_inf);
  __m512 vx4 = load_row(input, elements, 64, vminus_inf);
  __m512 vx5 = load_row(input, elements, 80, vminus_inf);
  __m512 vx6 = load_row(input, elements, 96, vminus_inf);
  __m512 vx7 = load_row(input, elements, 112, vminus_inf);
  __m512 vx8 = load_row(input, elements, 128, vminus_inf);
  __m512 vx9 = load_row(input, elements, 144, vminus_inf);
  __m512 vx10 = load_row(input, elements, 160, vminus_inf);
  __m512 vx11 = load_row(input, elements, 176, vminus_inf);
  __m512 vx12 = load_row(input, elements, 192, vminus_inf);
  __m512 vx13 = load_row(input, elements, 208, vminus_inf);
  __m512 vx14 = load_row(input, elements, 224, vminus_inf);
  __m512 vx15 = load_row(input, elements, 240, vminus_inf);

  // The row's maximum: a tree over the vectors, then across the lanes (in every lane).
  __m512 vm0_2 = _mm512_max_ps(vx0, vx1);
  __m512 vm2_2 = _mm512_max_ps(vx2, vx3);
  __m512 vm4_2 = _mm512_max_ps(vx4, vx5);
  __m512 vm6_2 = _mm512_max_ps(vx6, vx7);
  __m512 vm8_2 = _mm512_max_ps(vx8, vx9);
  __m512 vm10_2 = _mm512_max_ps(vx10, vx11);
  __m512 vm12_2 = _mm512_max_ps(vx12, vx13);
  __m512 vm14_2 = _mm512_max_ps(vx14, vx15);
  __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
  __m512 vm4_4 = _mm512_max_ps(vm4_2, vm6_2);
  __m512 vm8_4 = _mm512_max_ps(vm8_2, vm10_2);
  __m512 vm12_4 = _mm512_max_ps(vm12_2, vm14_2);
  __m512 vm0_8 = _mm512_max_ps(vm0_4, vm4_4);
  __m512 vm8_8 = _mm512_max_ps(vm8_4, vm12_4);
  __m512 vm0_16 = _mm512_max_ps(vm0_8, vm8_8);
  const __m512 vmax = all_lanes_max(vm0_16);

  // Half 1 of exp, independent of the maximum (vx becomes the biased n; vp holds p(t)).
  __m512 vp0;
  vx0 = softmax_exp_reduce(vx0, vmin_input, vscale, vscale_log2e, &vp0);
  __m512 vp1 = _mm512_setzero_ps();
  __m512 vp2 = _mm512_setzero_ps();
  __m512 vp3 = _mm512_setzero_ps();
  __m512 vp4 = _mm512_setzero_ps();
  __m512 vp5 = _mm512_setzero_ps();
  __m512 vp6 = _mm512_setzero_ps();
  __m512 vp7 = _mm512_setzero_ps();
  __m512 vp8 = _mm512_setzero_ps();
  __m512 vp9 = _mm512_setzero_ps();
  __m512 vp10 = _mm512_setzero_ps();
  __m512 vp11 = _mm512_setzero_ps();
  __m512 vp12 = _mm512_setzero_ps();
  __m512 vp13 = _mm512_setzero_ps();
  __m512 vp14 = _mm512_setzero_ps();
  __m512 vp15 = _mm512_setzero_ps();
  if (elements > 16) {
    vx1 = softmax_exp_reduce(vx1, vmin_input, vscale, vscale_log2e, &vp1);
  }
  if (elements > 32) {
    vx2 = softmax_exp_reduce(vx2, vmin_input, vscale, vscale_log2e, &vp2);
  }
  if (elements > 48) {
    vx3 = softmax_exp_reduce(vx3, vmin_input, vscale, vscale_log2e, &vp3);
  }
  if (elements > 64) {
    vx4 = softmax_exp_reduce(vx4, vmin_input, vscale, vscale_log2e, &vp4);
  }
  if (elements > 80) {
    vx5 = softmax_exp_reduce(vx5, vmin_input, vscale, vscale_log2e, &vp5);
  }
  if (elements > 96) {
    vx6 = softmax_exp_reduce(vx6, vmin_input, vscale, vscale_log2e, &vp6);
  }
  if (elements > 112) {
    vx7 = softmax_exp_reduce(vx7, vmin_input, vscale, vscale_log2e, &vp7);
  }
  if (elements > 128) {
    vx8 = softmax_exp_reduce(vx8, vmin_input, vscale, vscale_log2e, &vp8);
  }
  if (elements > 144) {
    vx9 = softmax_exp_reduce(vx9, vmin_input, vscale, vscale_log2e, &vp9);
  }
  if (elements > 160) {
    vx10 = softmax_exp_reduce(vx10, vmin_input, vscale, vscale_log2e, &vp10);
  }
  if (elements > 176) {
    vx11 = softmax_exp_reduce(vx11, vmin_input, vscale, vscale_log2e, &vp11);
  }
  if (elements > 192) {
    vx12 = softmax_exp_reduce(vx12, vmin_input, vscale, vscale_log2e, &vp12);
  }
  if (elements > 208) {
    vx13 = softmax_exp_reduce(vx13, vmin_input, vscale, vscale_log2e, &vp13);
  }
  if (elements > 224) {
    vx14 = softmax_exp_reduce(vx14, vmin_input, vscale, vscale_log2e, &vp14);
  }
  if (elements > 240) {
    vx15 = softmax_exp_reduce(vx15, vmin_input, vscale, vscale_log2e, &vp15);
  }

  if (ATTNORM_UNLIKELY(!(fabsf(_mm512_cvtss_f32(vmax) * params->scalar.scale) <= ATTNORM_EXP_VALID_RANGE))) {
    // Only -inf, a NaN that VMAXPS skipped among -inf, or a largest logit beyond the exp's range
    // (a row masked with -1e9): the rare exact path, from the input (nothing is stored yet).
    attnorm_f32_softmax_exact(elements, input, output, params->scalar.scale, false);
    clip_exact_row(elements, output, amplitude, addend);
    return;
  }

  // k = round-to-nearest-even(fl(fl(s * max) * log2(e))) by two rounded products (no add to fuse
  // them with) and VRNDSCALEPS: bit for bit attnorm_f32_expminus_k(fl(s * max)) (that function is
  // out of line, and a call here would spill every register of the row). A NaN maximum makes
  // every term NaN.
  const __m512 vk = _mm512_roundscale_ps(_mm512_mul_ps(_mm512_mul_ps(vmax, vscale), _mm512_set1_ps(0x1.715476p+0f)),
                                         _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m512 vmagic_bias_k = _mm512_add_ps(vk, _mm512_set1_ps(0x1.8p23f));
  // Half 2 of exp: e = p * 2^(n - k); +0 for -inf, NaN for NaN (and a NaN sum, so a NaN row).
  vx0 = softmax_exp_scale(vp0, vx0, vmagic_bias_k);
  if (elements > 16) {
    vx1 = softmax_exp_scale(vp1, vx1, vmagic_bias_k);
  } else {
    vx1 = _mm512_setzero_ps();
  }
  if (elements > 32) {
    vx2 = softmax_exp_scale(vp2, vx2, vmagic_bias_k);
  } else {
    vx2 = _mm512_setzero_ps();
  }
  if (elements > 48) {
    vx3 = softmax_exp_scale(vp3, vx3, vmagic_bias_k);
  } else {
    vx3 = _mm512_setzero_ps();
  }
  if (elements > 64) {
    vx4 = softmax_exp_scale(vp4, vx4, vmagic_bias_k);
  } else {
    vx4 = _mm512_setzero_ps();
  }
  if (elements > 80) {
    vx5 = softmax_exp_scale(vp5, vx5, vmagic_bias_k);
  } else {
    vx5 = _mm512_setzero_ps();
  }
  if (elements > 96) {
    vx6 = softmax_exp_scale(vp6, vx6, vmagic_bias_k);
  } else {
    vx6 = _mm512_setzero_ps();
  }
  if (elements > 112) {
    vx7 = softmax_exp_scale(vp7, vx7, vmagic_bias_k);
  } else {
    vx7 = _mm512_setzero_ps();
  }
  if (elements > 128) {
    vx8 = softmax_exp_scale(vp8, vx8, vmagic_bias_k);
  } else {
    vx8 = _mm512_setzero_ps();
  }
  if (elements > 144) {
    vx9 = softmax_exp_scale(vp9, vx9, vmagic_bias_k);
  } else {
    vx9 = _mm512_setzero_ps();
  }
  if (elements > 160) {
    vx10 = softmax_exp_scale(vp10, vx10, vmagic_bias_k);
  } else {
    vx10 = _mm512_setzero_ps();
  }
  if (elements > 176) {
    vx11 = softmax_exp_scale(vp11, vx11, vmagic_bias_k);
  } else {
    vx11 = _mm512_setzero_ps();
  }
  if (elements > 192) {
    vx12 = softmax_exp_scale(vp12, vx12, vmagic_bias_k);
  } else {
    vx12 = _mm512_setzero_ps();
  }
  if (elements > 208) {
    vx13 = softmax_exp_scale(vp13, vx13, vmagic_bias_k);
  } else {
    vx13 = _mm512_setzero_ps();
  }
  if (elements > 224) {
    vx14 = softmax_exp_scale(vp14, vx14, vmagic_bias_k);
  } else {
    vx14 = _mm512_setzero_ps();
  }
  if (elements > 240) {
    vx15 = softmax_exp_scale(vp15, vx15, vmagic_bias_k);
  } else {
    vx15 = _mm512_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m512 vs0_2 = _mm512_add_ps(vx0, vx1);
  __m512 vs2_2 = _mm512_add_ps(vx2, vx3);
  __m512 vs4_2 = _mm512_add_ps(vx4, vx5);
  __m512 vs6_2 = _mm512_add_ps(vx6, vx7);
  __m512 vs8_2 = _mm512_add_ps(vx8, vx9);
  __m512 vs10_2 = _mm512_add_ps(vx10, vx11);
  __m512 vs12_2 = _mm512_add_ps(vx12, vx13);
  __m512 vs14_2 = _mm512_add_ps(vx14, vx15);
  __m512 vs0_4 = _mm512_add_ps(vs0_2, vs2_2);
  __m512 vs4_4 = _mm512_add_ps(vs4_2, vs6_2);
  __m512 vs8_4 = _mm512_add_ps(vs8_2, vs10_2);
  __m512 vs12_4 = _mm512_add_ps(vs12_2, vs14_2);
  __m512 vs0_8 = _mm512_add_ps(vs0_4, vs4_4);
  __m512 vs8_8 = _mm512_add_ps(vs8_4, vs12_4);
  __m512 vs0_16 = _mm512_add_ps(vs0_8, vs8_8);
  const __m512 vsum = all_lanes_add(vs0_16);

  // y = min(1, max(0, fma(e, (zeta - gamma) / sum, gamma))): VMAXPS / VMINPS return their second
  // operand, the value, when it is NaN.
  const __m512 vmultiplier = _mm512_div_ps(_mm512_set1_ps(amplitude), vsum);
  const __m512 vaddend = _mm512_set1_ps(addend);
  const __m512 vzero = _mm512_setzero_ps();
  const __m512 vone = _mm512_set1_ps(1.0f);
  store_row(output, elements, 0, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx0, vmultiplier, vaddend))));
  if (elements > 16) {
    store_row(output, elements, 16, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx1, vmultiplier, vaddend))));
  }
  if (elements > 32) {
    store_row(output, elements, 32, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx2, vmultiplier, vaddend))));
  }
  if (elements > 48) {
    store_row(output, elements, 48, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx3, vmultiplier, vaddend))));
  }
  if (elements > 64) {
    store_row(output, elements, 64, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx4, vmultiplier, vaddend))));
  }
  if (elements > 80) {
    store_row(output, elements, 80, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx5, vmultiplier, vaddend))));
  }
  if (elements > 96) {
    store_row(output, elements, 96, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx6, vmultiplier, vaddend))));
  }
  if (elements > 112) {
    store_row(output, elements, 112, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx7, vmultiplier, vaddend))));
  }
  if (elements > 128) {
    store_row(output, elements, 128, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx8, vmultiplier, vaddend))));
  }
  if (elements > 144) {
    store_row(output, elements, 144, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx9, vmultiplier, vaddend))));
  }
  if (elements > 160) {
    store_row(output, elements, 160, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx10, vmultiplier, vaddend))));
  }
  if (elements > 176) {
    store_row(output, elements, 176, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx11, vmultiplier, vaddend))));
  }
  if (elements > 192) {
    store_row(output, elements, 192, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx12, vmultiplier, vaddend))));
  }
  if (elements > 208) {
    store_row(output, elements, 208, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx13, vmultiplier, vaddend))));
  }
  if (elements > 224) {
    store_row(output, elements, 224, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx14, vmultiplier, vaddend))));
  }
  if (elements > 240) {
    store_row(output, elements, 240, _mm512_min_ps(vone, _mm512_max_ps(vzero, _mm512_fmadd_ps(vx15, vmultiplier, vaddend))));
  }
}

// Whole-row softmax of up to 256 floats: the body for the fewest registers that hold the row
// (rows of one length always take the same branch), so a short row does not pay for the trees
// over 16 vectors.
void attnorm_f32_softmaxaddclamp_ukernel__avx512f_rr1_p5_scalef_u256(
    size_t batch,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 256 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  if (elements <= 64) {
    softmax_row4(elements, input, output, amplitude, addend, params);
    return;
  }
  if (elements <= 128) {
    softmax_row8(elements, input, output, amplitude, addend, params);
    return;
  }
  softmax_row16(elements, input, output, amplitude, addend, params);
}
