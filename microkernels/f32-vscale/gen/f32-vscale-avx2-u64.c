// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/avx2.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vscale/f32-vscale.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

void attnorm_f32_vscale_ukernel__avx2_u64(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const __m256 vmultiplier = _mm256_set1_ps(multiplier);
  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const __m256 vi0 = _mm256_loadu_ps(input);
    const __m256 vi1 = _mm256_loadu_ps(input + 8);
    const __m256 vi2 = _mm256_loadu_ps(input + 16);
    const __m256 vi3 = _mm256_loadu_ps(input + 24);
    const __m256 vi4 = _mm256_loadu_ps(input + 32);
    const __m256 vi5 = _mm256_loadu_ps(input + 40);
    const __m256 vi6 = _mm256_loadu_ps(input + 48);
    const __m256 vi7 = _mm256_loadu_ps(input + 56);
    input += 64;

    const __m256 vo0 = _mm256_mul_ps(vi0, vmultiplier);
    const __m256 vo1 = _mm256_mul_ps(vi1, vmultiplier);
    const __m256 vo2 = _mm256_mul_ps(vi2, vmultiplier);
    const __m256 vo3 = _mm256_mul_ps(vi3, vmultiplier);
    const __m256 vo4 = _mm256_mul_ps(vi4, vmultiplier);
    const __m256 vo5 = _mm256_mul_ps(vi5, vmultiplier);
    const __m256 vo6 = _mm256_mul_ps(vi6, vmultiplier);
    const __m256 vo7 = _mm256_mul_ps(vi7, vmultiplier);
    _mm256_storeu_ps(output, vo0);
    _mm256_storeu_ps(output + 8, vo1);
    _mm256_storeu_ps(output + 16, vo2);
    _mm256_storeu_ps(output + 24, vo3);
    _mm256_storeu_ps(output + 32, vo4);
    _mm256_storeu_ps(output + 40, vo5);
    _mm256_storeu_ps(output + 48, vo6);
    _mm256_storeu_ps(output + 56, vo7);
    output += 64;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vi = _mm256_loadu_ps(input);
    input += 8;

    const __m256 vo = _mm256_mul_ps(vi, vmultiplier);

    _mm256_storeu_ps(output, vo);
    output += 8;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 7 * sizeof(float));
    const __m256i vmask = _mm256_loadu_si256((const __m256i*) ((uintptr_t) &mask_table[7] - batch));

    // Lanes past the row load 0 and are stored nowhere.
    const __m256 vi = _mm256_maskload_ps(input, vmask);

    const __m256 vo = _mm256_mul_ps(vi, vmultiplier);

    __m128 vo_lo = _mm256_castps256_ps128(vo);
    if (batch & (4 * sizeof(float))) {
      _mm_storeu_ps(output, vo_lo);
      vo_lo = _mm256_extractf128_ps(vo, 1);
      output += 4;
    }
    if (batch & (2 * sizeof(float))) {
      _mm_storel_pi((__m64*) output, vo_lo);
      vo_lo = _mm_movehl_ps(vo_lo, vo_lo);
      output += 2;
    }
    if (batch & (1 * sizeof(float))) {
      _mm_store_ss(output, vo_lo);
    }
  }
}
