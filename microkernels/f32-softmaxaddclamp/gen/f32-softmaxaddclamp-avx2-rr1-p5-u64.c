// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmaxaddclamp/avx2-rr1-p5.c.in
//   Generator: scripts/families/f32-softmaxaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/exact-rows.h"
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "microkernels/simd/f32-avx2.h"

// Clipped softmax's affine map and clamp of the exact path's output (rare: rows beyond the exp's
// range), y = min(1, max(0, fma(p, amplitude, addend))), NaN kept.
static void clip_exact_row(size_t elements, float* output, float amplitude, float addend) {
  for (size_t i = 0; i < elements; i++) {
    const float v = fmaf(output[i], amplitude, addend);
    output[i] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
  }
}

// Local helpers (the simd header's tail helpers take 1..7 elements; these take any vector of the
// register file, including one wholly past the row).

// mask_table[8 - count .. 16 - count) selects the first count (0..8) of 8 lanes.
static const int32_t mask_table[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

// How many of the lanes [offset, offset + 8) lie in a row of `elements` floats (0..8).
static ATTNORM_INLINE size_t row_count(size_t elements, size_t offset) {
  const size_t left = elements > offset ? elements - offset : 0;
  return left < 8 ? left : 8;
}

// The row's lanes of one vector; lanes past the row are -inf (no read past the row).
static ATTNORM_INLINE __m256 load_row(const float* input, size_t elements, size_t offset, __m256 vminus_inf) {
  const size_t count = row_count(elements, offset);
  if (ATTNORM_LIKELY(count == 8)) {
    return _mm256_loadu_ps(input + offset);
  }
  const __m256i vmask = _mm256_loadu_si256((const __m256i*) &mask_table[8 - count]);
  return _mm256_blendv_ps(vminus_inf, _mm256_maskload_ps(input + offset, vmask), _mm256_castsi256_ps(vmask));
}

// Stores the row's lanes of one vector (none past the row).
static ATTNORM_INLINE void store_row(float* output, size_t elements, size_t offset, __m256 v) {
  const size_t count = row_count(elements, offset);
  if (ATTNORM_LIKELY(count == 8)) {
    _mm256_storeu_ps(output + offset, v);
  } else if (count != 0) {
    attnorm_store_tail_f32(output + offset, v, count);
  }
}

// Every lane = the maximum (sum) of the lanes of v: the row's maximum (sum) stays in a vector.
static ATTNORM_INLINE __m256 all_lanes_max(__m256 v) {
  v = _mm256_max_ps(v, _mm256_permute2f128_ps(v, v, 1));
  v = _mm256_max_ps(v, _mm256_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm256_max_ps(v, _mm256_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}
static ATTNORM_INLINE __m256 all_lanes_add(__m256 v) {
  v = _mm256_add_ps(v, _mm256_permute2f128_ps(v, v, 1));
  v = _mm256_add_ps(v, _mm256_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm256_add_ps(v, _mm256_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}

// The per-row constants of exp(s*x - k*ln2) (the simd header's attnorm_expminus_init_f32 and
// attnorm_expminus_f32, computed here in vectors: that init calls attnorm_f32_expminus_k out of
// line, and a call in the middle of this kernel spills every ymm register of the row).
struct softmax_exp {
  __m256 min_input;    // inputs are clamped up to it: n - k = -127 there, 2^(n-k) is +0
  __m256 scale;        // s
  __m256 scale_log2e;  // fl(s * log2(e))
  __m256 magic_bias;   // 1.5 * 2^23 + 127 - k: the biased n holds n - k + 127 in its low bits
};

// vmax: the row's maximum in every lane. k = round-to-nearest-even(fl(fl(s * max) * log2(e))) by
// two rounded products (no add to fuse them with) and VROUNDPS: bit for bit
// attnorm_f32_expminus_k(fl(s * max)) for |s * max| <= 2^14. min_input = fl((k - 127) *
// fl(1 / scale_log2e)) is within 2^-22 relative of (k - 127) / scale_log2e, so
// round(min_input * scale_log2e) is exactly k - 127 (|k - 127| < 2^15): the exponent field of
// 2^(n - k) is 0 there, +0. The reciprocal does not depend on the row (off the critical path).
static ATTNORM_INLINE struct softmax_exp softmax_exp_init(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], __m256 vmax, __m256 vinv_scale_log2e) {
  struct softmax_exp c;
  c.scale = _mm256_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);
  const __m256 vk = _mm256_round_ps(_mm256_mul_ps(_mm256_mul_ps(vmax, c.scale), _mm256_set1_ps(0x1.715476p+0f)),
                                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  c.min_input = _mm256_mul_ps(_mm256_sub_ps(vk, _mm256_set1_ps(127.0f)), vinv_scale_log2e);
  c.magic_bias = _mm256_sub_ps(_mm256_set1_ps(0x1.8p23f + 127.0f), vk);
  return c;
}

// exp(s*x - k*ln2), "rr1_p5", as attnorm_expminus_f32 of microkernels/simd/f32-avx2.h (the
// polynomial and 2^e are its attnorm_exp_p5_f32 and attnorm_exp2_bits_f32): n = round(x *
// fl(s*log2e)) by a magic bias that also holds n - k + 127 (its bits shifted give 2^(n - k)),
// t = fma(x, s, -n*ln2_hi) - n*ln2_lo with a 9-bit ln2_hi, e = p(t) * 2^(n - k). The
// NaN-preserving clamp of x at min_input makes -inf (and -FLT_MAX masks) exactly +0.
static ATTNORM_INLINE __m256 softmax_exp(__m256 vx, const struct softmax_exp* c) {
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm256_max_ps(c->min_input, vx);
  const __m256 vb = _mm256_fmadd_ps(vx, c->scale_log2e, c->magic_bias);
  const __m256 vs = attnorm_exp2_bits_f32(vb);
  const __m256 vn = _mm256_sub_ps(vb, c->magic_bias);
  __m256 vt = _mm256_fmadd_ps(vx, c->scale, _mm256_mul_ps(vn, vminus_ln2_hi));
  vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
  return _mm256_mul_ps(attnorm_exp_p5_f32(vt), vs);
}

// Softmax of a row of up to 64 floats held in 8 ymm registers (the compiler may keep
// some in the stack frame: the 16 ymm registers also hold the exp constants): one load per vector
// (the partial one masked, lanes past the row -inf), the maximum by a tree of VMAXPS, k from the
// scaled maximum, exp(s*x - k*ln2) by the "rr1_p5" core (softmax_exp above),
// the sum by a tree of VADDPS, then one multiply by 1/sum and one store per vector. Vectors
// wholly past the row skip exp and the store (branches that always go the same way for rows of
// one length); they still enter the two trees, as -inf and +0.
void attnorm_f32_softmaxaddclamp_ukernel__avx2_rr1_p5_u64(
    size_t batch,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 64 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  // Does not depend on the row: the divider runs while the row loads.
  const __m256 vinv_scale_log2e = _mm256_set1_ps(1.0f / params->scalar.scale_log2e);
  const __m256 vminus_inf = _mm256_set1_ps(-INFINITY);
  __m256 vx0 = load_row(input, elements, 0, vminus_inf);
  __m256 vx1 = load_row(input, elements, 8, vminus_inf);
  __m256 vx2 = load_row(input, elements, 16, vminus_inf);
  __m256 vx3 = load_row(input, elements, 24, vminus_inf);
  __m256 vx4 = load_row(input, elements, 32, vminus_inf);
  __m256 vx5 = load_row(input, elements, 40, vminus_inf);
  __m256 vx6 = load_row(input, elements, 48, vminus_inf);
  __m256 vx7 = load_row(input, elements, 56, vminus_inf);

  // The row's maximum: a tree over the vectors, then across the lanes.
  __m256 vm0_2 = _mm256_max_ps(vx0, vx1);
  __m256 vm2_2 = _mm256_max_ps(vx2, vx3);
  __m256 vm4_2 = _mm256_max_ps(vx4, vx5);
  __m256 vm6_2 = _mm256_max_ps(vx6, vx7);
  __m256 vm0_4 = _mm256_max_ps(vm0_2, vm2_2);
  __m256 vm4_4 = _mm256_max_ps(vm4_2, vm6_2);
  __m256 vm0_8 = _mm256_max_ps(vm0_4, vm4_4);
  const __m256 vmax = all_lanes_max(vm0_8);

  if (ATTNORM_UNLIKELY(!(fabsf(_mm256_cvtss_f32(vmax) * params->scalar.scale) <= ATTNORM_EXP_VALID_RANGE))) {
    // Only -inf, a NaN that VMAXPS skipped among -inf, or a largest logit beyond the exp's range
    // (a row masked with -1e9): the rare exact path, from the input (nothing is stored yet).
    attnorm_f32_softmax_exact(elements, input, output, params->scalar.scale, false);
    clip_exact_row(elements, output, amplitude, addend);
    return;
  }

  // e = exp(s*x - k*ln2), k = round(fl(s * max) * log2(e)): -inf gives exactly +0, NaN gives NaN
  // (and a NaN sum, so a NaN row); a NaN maximum makes every term NaN.
  const struct softmax_exp vexp = softmax_exp_init(params, vmax, vinv_scale_log2e);
  vx0 = softmax_exp(vx0, &vexp);
  if (elements > 8) {
    vx1 = softmax_exp(vx1, &vexp);
  } else {
    vx1 = _mm256_setzero_ps();
  }
  if (elements > 16) {
    vx2 = softmax_exp(vx2, &vexp);
  } else {
    vx2 = _mm256_setzero_ps();
  }
  if (elements > 24) {
    vx3 = softmax_exp(vx3, &vexp);
  } else {
    vx3 = _mm256_setzero_ps();
  }
  if (elements > 32) {
    vx4 = softmax_exp(vx4, &vexp);
  } else {
    vx4 = _mm256_setzero_ps();
  }
  if (elements > 40) {
    vx5 = softmax_exp(vx5, &vexp);
  } else {
    vx5 = _mm256_setzero_ps();
  }
  if (elements > 48) {
    vx6 = softmax_exp(vx6, &vexp);
  } else {
    vx6 = _mm256_setzero_ps();
  }
  if (elements > 56) {
    vx7 = softmax_exp(vx7, &vexp);
  } else {
    vx7 = _mm256_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m256 vs0_2 = _mm256_add_ps(vx0, vx1);
  __m256 vs2_2 = _mm256_add_ps(vx2, vx3);
  __m256 vs4_2 = _mm256_add_ps(vx4, vx5);
  __m256 vs6_2 = _mm256_add_ps(vx6, vx7);
  __m256 vs0_4 = _mm256_add_ps(vs0_2, vs2_2);
  __m256 vs4_4 = _mm256_add_ps(vs4_2, vs6_2);
  __m256 vs0_8 = _mm256_add_ps(vs0_4, vs4_4);
  const __m256 vsum = all_lanes_add(vs0_8);

  // y = min(1, max(0, fma(e, (zeta - gamma) / sum, gamma))): MAXPS / MINPS return their second
  // operand, the value, when it is NaN.
  const __m256 vmultiplier = _mm256_div_ps(_mm256_set1_ps(amplitude), vsum);
  const __m256 vaddend = _mm256_set1_ps(addend);
  const __m256 vzero = _mm256_setzero_ps();
  const __m256 vone = _mm256_set1_ps(1.0f);
  store_row(output, elements, 0, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx0, vmultiplier, vaddend))));
  if (elements > 8) {
    store_row(output, elements, 8, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx1, vmultiplier, vaddend))));
  }
  if (elements > 16) {
    store_row(output, elements, 16, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx2, vmultiplier, vaddend))));
  }
  if (elements > 24) {
    store_row(output, elements, 24, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx3, vmultiplier, vaddend))));
  }
  if (elements > 32) {
    store_row(output, elements, 32, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx4, vmultiplier, vaddend))));
  }
  if (elements > 40) {
    store_row(output, elements, 40, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx5, vmultiplier, vaddend))));
  }
  if (elements > 48) {
    store_row(output, elements, 48, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx6, vmultiplier, vaddend))));
  }
  if (elements > 56) {
    store_row(output, elements, 56, _mm256_min_ps(vone, _mm256_max_ps(vzero, _mm256_fmadd_ps(vx7, vmultiplier, vaddend))));
  }
}
