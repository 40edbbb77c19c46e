// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rsumstablemax/simd.c.in
//   Generator: scripts/families/f32-rsumstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"
#include "microkernels/simd/f32-scalar.h"

void attnorm_f32_rsumstablemax_ukernel__scalar_div_u4_acc4(
    size_t batch,
    const float* input,
    float* sum,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vminus_scale = attnorm_set1_f32(params->scalar.minus_scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc2 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc3 = attnorm_zero_f32();
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 2);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 3);
    input += 4;

    const attnorm_simd_f32_t vs0 = attnorm_stablemax_div_f32(vx0, vscale, vminus_scale);
    const attnorm_simd_f32_t vs1 = attnorm_stablemax_div_f32(vx1, vscale, vminus_scale);
    const attnorm_simd_f32_t vs2 = attnorm_stablemax_div_f32(vx2, vscale, vminus_scale);
    const attnorm_simd_f32_t vs3 = attnorm_stablemax_div_f32(vx3, vscale, vminus_scale);

    vacc0 = attnorm_add_f32(vacc0, vs0);
    vacc1 = attnorm_add_f32(vacc1, vs1);
    vacc2 = attnorm_add_f32(vacc2, vs2);
    vacc3 = attnorm_add_f32(vacc3, vs3);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc2 = attnorm_add_f32(vacc2, vacc3);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax_div_f32(vx, vscale, vminus_scale));
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
