// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmax/avx2.c.in
//   Generator: scripts/families/f32-rmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-rmax/f32-rmax.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

void attnorm_f32_rmax_ukernel__avx2_u8(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_default_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  __m256 vmax0 = _mm256_broadcast_ss(input);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vx = _mm256_loadu_ps(input);
    input += 8;

    vmax0 = _mm256_max_ps(vmax0, vx);
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 7 * sizeof(float));
    const __m256i vmask = _mm256_loadu_si256((const __m256i*) ((uintptr_t) &mask_table[7] - batch));
    // Lanes past the row keep the running maximum: maskload gives 0 there.
    const __m256 vx = _mm256_blendv_ps(vmax0, _mm256_maskload_ps(input, vmask), _mm256_castsi256_ps(vmask));
    vmax0 = _mm256_max_ps(vmax0, vx);
  }
  __m128 vmax = _mm_max_ps(_mm256_castps256_ps128(vmax0), _mm256_extractf128_ps(vmax0, 1));
  vmax = _mm_max_ps(vmax, _mm_movehl_ps(vmax, vmax));
  vmax = _mm_max_ss(vmax, _mm_movehdup_ps(vmax));
  _mm_store_ss(output, vmax);
}
