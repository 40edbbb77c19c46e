// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/avx2.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

// mask_table[7 - k .. 15 - k) selects the first k of 8 lanes.
static const int32_t mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

void attnorm_f32_vmuladdc_ukernel__avx2_u64(
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
  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const __m256 vx0 = _mm256_loadu_ps(input);
    const __m256 vx1 = _mm256_loadu_ps(input + 8);
    const __m256 vx2 = _mm256_loadu_ps(input + 16);
    const __m256 vx3 = _mm256_loadu_ps(input + 24);
    const __m256 vx4 = _mm256_loadu_ps(input + 32);
    const __m256 vx5 = _mm256_loadu_ps(input + 40);
    const __m256 vx6 = _mm256_loadu_ps(input + 48);
    const __m256 vx7 = _mm256_loadu_ps(input + 56);
    input += 64;

    const __m256 vy0 = _mm256_fmadd_ps(vx0, vmultiplier, vaddend);
    const __m256 vy1 = _mm256_fmadd_ps(vx1, vmultiplier, vaddend);
    const __m256 vy2 = _mm256_fmadd_ps(vx2, vmultiplier, vaddend);
    const __m256 vy3 = _mm256_fmadd_ps(vx3, vmultiplier, vaddend);
    const __m256 vy4 = _mm256_fmadd_ps(vx4, vmultiplier, vaddend);
    const __m256 vy5 = _mm256_fmadd_ps(vx5, vmultiplier, vaddend);
    const __m256 vy6 = _mm256_fmadd_ps(vx6, vmultiplier, vaddend);
    const __m256 vy7 = _mm256_fmadd_ps(vx7, vmultiplier, vaddend);

    _mm256_storeu_ps(output, vy0);
    _mm256_storeu_ps(output + 8, vy1);
    _mm256_storeu_ps(output + 16, vy2);
    _mm256_storeu_ps(output + 24, vy3);
    _mm256_storeu_ps(output + 32, vy4);
    _mm256_storeu_ps(output + 40, vy5);
    _mm256_storeu_ps(output + 48, vy6);
    _mm256_storeu_ps(output + 56, vy7);
    output += 64;
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
