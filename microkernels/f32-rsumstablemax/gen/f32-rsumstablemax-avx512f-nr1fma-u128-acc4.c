// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rsumstablemax/simd.c.in
//   Generator: scripts/families/f32-rsumstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"
#include "microkernels/simd/f32-avx512f.h"

void attnorm_f32_rsumstablemax_ukernel__avx512f_nr1fma_u128_acc4(
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

    const attnorm_simd_f32_t vs0 = attnorm_stablemax_nr_f32(vx0, vscale, vminus_scale);
    const attnorm_simd_f32_t vs1 = attnorm_stablemax_nr_f32(vx1, vscale, vminus_scale);
    const attnorm_simd_f32_t vs2 = attnorm_stablemax_nr_f32(vx2, vscale, vminus_scale);
    const attnorm_simd_f32_t vs3 = attnorm_stablemax_nr_f32(vx3, vscale, vminus_scale);
    const attnorm_simd_f32_t vs4 = attnorm_stablemax_nr_f32(vx4, vscale, vminus_scale);
    const attnorm_simd_f32_t vs5 = attnorm_stablemax_nr_f32(vx5, vscale, vminus_scale);
    const attnorm_simd_f32_t vs6 = attnorm_stablemax_nr_f32(vx6, vscale, vminus_scale);
    const attnorm_simd_f32_t vs7 = attnorm_stablemax_nr_f32(vx7, vscale, vminus_scale);

    vacc0 = attnorm_add_f32(vacc0, vs0);
    vacc1 = attnorm_add_f32(vacc1, vs1);
    vacc2 = attnorm_add_f32(vacc2, vs2);
    vacc3 = attnorm_add_f32(vacc3, vs3);
    vacc0 = attnorm_add_f32(vacc0, vs4);
    vacc1 = attnorm_add_f32(vacc1, vs5);
    vacc2 = attnorm_add_f32(vacc2, vs6);
    vacc3 = attnorm_add_f32(vacc3, vs7);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc2 = attnorm_add_f32(vacc2, vacc3);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax_nr_f32(vx, vscale, vminus_scale));
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 (s(0) = 1) and are not added.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax_nr_f32(vx, vscale, vminus_scale), elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
