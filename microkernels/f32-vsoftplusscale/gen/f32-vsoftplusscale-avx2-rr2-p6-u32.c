// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vsoftplusscale/simd.c.in
//   Generator: scripts/families/f32-vsoftplusscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"
#include "microkernels/simd/f32-avx2.h"

// y = softplus(c*x) * multiplier (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_vsoftplusscale_ukernel__avx2_rr2_p6_u32(
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
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 24);
    input += 32;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx0, vscale)), vmultiplier);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx1, vscale)), vmultiplier);
    const attnorm_simd_f32_t vy2 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx2, vscale)), vmultiplier);
    const attnorm_simd_f32_t vy3 = attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx3, vscale)), vmultiplier);

    attnorm_storeu_f32(output + 0, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    attnorm_storeu_f32(output + 16, vy2);
    attnorm_storeu_f32(output + 24, vy3);
    output += 32;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;
    attnorm_storeu_f32(output, attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx, vscale)), vmultiplier));
    output += 8;
  }
  if (batch != 0) {
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    attnorm_store_tail_f32(output, attnorm_mul_f32(attnorm_softplus_f32(attnorm_mul_f32(vx, vscale)), vmultiplier), elements);
  }
}
