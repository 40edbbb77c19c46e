// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmax/avx2-rr1-p5.c.in
//   Generator: scripts/families/f32-softmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/simd/f32-avx2.h"

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

// Softmax of a row of up to 64 floats held in 8 ymm registers (the compiler may keep
// some in the stack frame: the 16 ymm registers also hold the exp constants): one load per vector
// (the partial one masked, lanes past the row -inf), the maximum by a tree of VMAXPS, k from the
// scaled maximum, exp(s*x - k*ln2) by the shared "rr1_p5" core of microkernels/simd/f32-avx2.h,
// the sum by a tree of VADDPS, then one multiply by 1/sum and one store per vector. Vectors
// wholly past the row skip exp and the store (branches that always go the same way for rows of
// one length); they still enter the two trees, as -inf and +0.
void attnorm_f32_softmax_ukernel__avx2_rr1_p5_u64(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 64 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
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
  const float row_max = attnorm_reduce_max_f32(vm0_8);

  if (ATTNORM_UNLIKELY(row_max == -INFINITY)) {
    // Only -inf (or NaN among -inf: VMAXPS may skip a NaN): fill the row with +0, or NaN.
    // A sum propagates NaN and is -inf otherwise.
    vx0 = _mm256_add_ps(vx0, vx1);
    vx0 = _mm256_add_ps(vx0, vx2);
    vx0 = _mm256_add_ps(vx0, vx3);
    vx0 = _mm256_add_ps(vx0, vx4);
    vx0 = _mm256_add_ps(vx0, vx5);
    vx0 = _mm256_add_ps(vx0, vx6);
    vx0 = _mm256_add_ps(vx0, vx7);
    const __m256 vfill = _mm256_set1_ps(isnan(attnorm_reduce_add_f32(vx0)) ? NAN : 0.0f);
    store_row(output, elements, 0, vfill);
    store_row(output, elements, 8, vfill);
    store_row(output, elements, 16, vfill);
    store_row(output, elements, 24, vfill);
    store_row(output, elements, 32, vfill);
    store_row(output, elements, 40, vfill);
    store_row(output, elements, 48, vfill);
    store_row(output, elements, 56, vfill);
    return;
  }

  // e = exp(s*x - k*ln2), k = round(fl(s * max) * log2(e)): -inf gives exactly +0, NaN gives NaN
  // (and a NaN sum, so a NaN row); a NaN maximum makes every term NaN.
  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, params->scalar.scale * row_max);
  vx0 = attnorm_expminus_f32(vx0, &vexp);
  if (elements > 8) {
    vx1 = attnorm_expminus_f32(vx1, &vexp);
  } else {
    vx1 = _mm256_setzero_ps();
  }
  if (elements > 16) {
    vx2 = attnorm_expminus_f32(vx2, &vexp);
  } else {
    vx2 = _mm256_setzero_ps();
  }
  if (elements > 24) {
    vx3 = attnorm_expminus_f32(vx3, &vexp);
  } else {
    vx3 = _mm256_setzero_ps();
  }
  if (elements > 32) {
    vx4 = attnorm_expminus_f32(vx4, &vexp);
  } else {
    vx4 = _mm256_setzero_ps();
  }
  if (elements > 40) {
    vx5 = attnorm_expminus_f32(vx5, &vexp);
  } else {
    vx5 = _mm256_setzero_ps();
  }
  if (elements > 48) {
    vx6 = attnorm_expminus_f32(vx6, &vexp);
  } else {
    vx6 = _mm256_setzero_ps();
  }
  if (elements > 56) {
    vx7 = attnorm_expminus_f32(vx7, &vexp);
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
  const float row_sum = attnorm_reduce_add_f32(vs0_8);

  const __m256 vinv_sum = _mm256_set1_ps(1.0f / row_sum);
  store_row(output, elements, 0, _mm256_mul_ps(vx0, vinv_sum));
  if (elements > 8) {
    store_row(output, elements, 8, _mm256_mul_ps(vx1, vinv_sum));
  }
  if (elements > 16) {
    store_row(output, elements, 16, _mm256_mul_ps(vx2, vinv_sum));
  }
  if (elements > 24) {
    store_row(output, elements, 24, _mm256_mul_ps(vx3, vinv_sum));
  }
  if (elements > 32) {
    store_row(output, elements, 32, _mm256_mul_ps(vx4, vinv_sum));
  }
  if (elements > 40) {
    store_row(output, elements, 40, _mm256_mul_ps(vx5, vinv_sum));
  }
  if (elements > 48) {
    store_row(output, elements, 48, _mm256_mul_ps(vx6, vinv_sum));
  }
  if (elements > 56) {
    store_row(output, elements, 56, _mm256_mul_ps(vx7, vinv_sum));
  }
}
