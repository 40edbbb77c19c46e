// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/scalar.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

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

  const float multiplier = params->scalar.scale;

  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = fmaf(*input++, multiplier, addend);
  }
}
