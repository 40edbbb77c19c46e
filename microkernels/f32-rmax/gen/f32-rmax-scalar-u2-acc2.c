// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmax/simd.c.in
//   Generator: scripts/families/f32-rmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rmax/f32-rmax.h"
#include "microkernels/simd/f32-scalar.h"

void attnorm_f32_rmax_ukernel__scalar_u2_acc2(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_default_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  // Every lane starts at the first element, so lanes the row never reaches are neutral.
  attnorm_simd_f32_t vmax0 = attnorm_set1_f32(*input);
  attnorm_simd_f32_t vmax1 = vmax0;
  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    input += 2;

    vmax0 = attnorm_max_f32(vmax0, vx0);
    vmax1 = attnorm_max_f32(vmax1, vx1);
  }
  vmax0 = attnorm_max_f32(vmax0, vmax1);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    vmax0 = attnorm_max_f32(vmax0, vx);
  }
  *output = attnorm_reduce_max_f32(vmax0);
}
