// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/simd.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"
#include "microkernels/simd/f32-scalar.h"

void attnorm_f32_vscale_ukernel__scalar_u4(
    size_t batch,
    const float* input,
    float* output,
    float scale)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(scale);
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 2);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 3);
    input += 4;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(vx0, vscale);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(vx1, vscale);
    const attnorm_simd_f32_t vy2 = attnorm_mul_f32(vx2, vscale);
    const attnorm_simd_f32_t vy3 = attnorm_mul_f32(vx3, vscale);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 1, vy1);
    attnorm_storeu_f32(output + 2, vy2);
    attnorm_storeu_f32(output + 3, vy3);
    output += 4;
  }
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    attnorm_storeu_f32(output, attnorm_mul_f32(vx, vscale));
    output += 1;
  }
}
