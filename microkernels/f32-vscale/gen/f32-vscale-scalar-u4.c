// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/scalar.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"

void attnorm_f32_vscale_ukernel__scalar_u4(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    const float vi2 = input[2];
    const float vi3 = input[3];
    input += 4;

    output[0] = vi0 * multiplier;
    output[1] = vi1 * multiplier;
    output[2] = vi2 * multiplier;
    output[3] = vi3 * multiplier;
    output += 4;
  }
  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = *input++ * multiplier;
  }
}
