// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vstablemax/simd.c.in
//   Generator: scripts/families/f32-vstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vstablemax/f32-vstablemax.h"
#include "microkernels/simd/f32-scalar.h"

void attnorm_f32_vstablemax_ukernel__scalar_div_u2(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vminus_scale = attnorm_set1_f32(params->scalar.minus_scale);
  const attnorm_simd_f32_t vmultiplier = attnorm_set1_f32(multiplier);
  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    input += 2;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx0, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx1, vscale, vminus_scale), vmultiplier);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 1, vy1);
    output += 2;
  }
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;
    attnorm_storeu_f32(output, attnorm_mul_f32(attnorm_stablemax_div_f32(vx, vscale, vminus_scale), vmultiplier));
    output += 1;
  }
}
