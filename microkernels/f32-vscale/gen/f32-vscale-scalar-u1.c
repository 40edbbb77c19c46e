// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/scalar.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"

void attnorm_f32_vscale_ukernel__scalar_u1(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = *input++ * multiplier;
  }
}
