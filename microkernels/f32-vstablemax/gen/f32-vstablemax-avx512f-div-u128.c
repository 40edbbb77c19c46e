// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vstablemax/simd.c.in
//   Generator: scripts/families/f32-vstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vstablemax/f32-vstablemax.h"
#include "microkernels/simd/f32-avx512f.h"

void attnorm_f32_vstablemax_ukernel__avx512f_div_u128(
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
  for (; batch >= 128 * sizeof(float); batch -= 128 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 32);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 48);
    const attnorm_simd_f32_t vx4 = attnorm_loadu_f32(input + 64);
    const attnorm_simd_f32_t vx5 = attnorm_loadu_f32(input + 80);
    const attnorm_simd_f32_t vx6 = attnorm_loadu_f32(input + 96);
    const attnorm_simd_f32_t vx7 = attnorm_loadu_f32(input + 112);
    input += 128;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx0, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx1, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy2 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx2, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy3 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx3, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy4 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx4, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy5 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx5, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy6 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx6, vscale, vminus_scale), vmultiplier);
    const attnorm_simd_f32_t vy7 = attnorm_mul_f32(attnorm_stablemax_div_f32(vx7, vscale, vminus_scale), vmultiplier);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 16, vy1);
    attnorm_storeu_f32(output + 32, vy2);
    attnorm_storeu_f32(output + 48, vy3);
    attnorm_storeu_f32(output + 64, vy4);
    attnorm_storeu_f32(output + 80, vy5);
    attnorm_storeu_f32(output + 96, vy6);
    attnorm_storeu_f32(output + 112, vy7);
    output += 128;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    attnorm_storeu_f32(output, attnorm_mul_f32(attnorm_stablemax_div_f32(vx, vscale, vminus_scale), vmultiplier));
    output += 16;
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    attnorm_store_tail_f32(output, attnorm_mul_f32(attnorm_stablemax_div_f32(vx, vscale, vminus_scale), vmultiplier), elements);
  }
}
