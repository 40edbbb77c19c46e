// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vsoftplusscale/simd.c.in
//   Generator: scripts/families/f32-vsoftplusscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"
#include "microkernels/simd/f32-scalar.h"

// y = softplus(c*x) * multiplier (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_vsoftplusscale_ukernel__scalar_rr2_p6_u2(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_softplus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vmultiplier = attnorm_set1_f32(multiplier);
  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    input += 2;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx0, vscale)), vmultiplier);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx1, vscale)), vmultiplier);

    attnorm_storeu_f32(output + 0, vy0);
    attnorm_storeu_f32(output + 1, vy1);
    output += 2;
  }
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;
    attnorm_storeu_f32(output, attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx, vscale)), vmultiplier));
    output += 1;
  }
}
