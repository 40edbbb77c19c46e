// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/simd.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "microkernels/simd/f32-scalar.h"

void attnorm_f32_vmuladdc_ukernel__scalar_u1(
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

  // y = fma(x, s, addend): one rounding (the scalar kernels call fmaf).
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vaddend = attnorm_set1_f32(addend);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    attnorm_storeu_f32(output, attnorm_fmadd_f32(vx, vscale, vaddend));
    output += 1;
  }
}
