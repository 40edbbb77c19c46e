// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/avx2.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

void attnorm_f32_vmuladdc_ukernel__avx2_u32(
    size_t batch,
    const float* input,
    float* output,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const float multiplier = params->scalar.scale;

  const __m256 vmultiplier = _mm256_set1_ps(multiplier);
  const __m256 vaddend = _mm256_set1_ps(addend);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m256 vx0 = _mm256_loadu_ps(input);
    const __m256 vx1 = _mm256_loadu_ps(input + 8);
    const __m256 vx2 = _mm256_loadu_ps(input + 16);
    const __m256 vx3 = _mm256_loadu_ps(input + 24);
    input += 32;

    const __m256 vy0 = _mm256_fmadd_ps(vx0, vmultiplier, vaddend);
    const __m256 vy1 = _mm256_fmadd_ps(vx1, vmultiplier, vaddend);
    const __m256 vy2 = _mm256_fmadd_ps(vx2, vmultiplier, vaddend);
    const __m256 vy3 = _mm256_fmadd_ps(vx3, vmultiplier, vaddend);

    _mm256_storeu_ps(output, vy0);
    _mm256_storeu_ps(output + 8, vy1);
    _mm256_storeu_ps(output + 16, vy2);
    _mm256_storeu_ps(output + 24, vy3);
    output += 32;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const __m256 vx = _mm256_loadu_ps(input);
    input += 8;

    _mm256_storeu_ps(output, _mm256_fmadd_ps(vx, vmultiplier, vaddend));
    output += 8;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 7 * sizeof(float));
    const __m256i vmask = _mm256_loadu_si256((const __m256i*) ((uintptr_t) &mask_table[7] - batch));
    const __m256 vx = _mm256_maskload_ps(input, vmask);
    _mm256_maskstore_ps(output, vmask, _mm256_fmadd_ps(vx, vmultiplier, vaddend));
  }
}
