// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/scalar.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

void attnorm_f32_vmuladdc_ukernel__scalar_u2(
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

  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const float vx0 = input[0];
    const float vx1 = input[1];
    input += 2;

    output[0] = fmaf(vx0, multiplier, addend);
    output[1] = fmaf(vx1, multiplier, addend);
    output += 2;
  }
  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = fmaf(*input++, multiplier, addend);
  }
}
