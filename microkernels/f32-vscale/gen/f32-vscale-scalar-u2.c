// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/scalar.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"

void attnorm_f32_vscale_ukernel__scalar_u2(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    input += 2;

    output[0] = vi0 * multiplier;
    output[1] = vi1 * multiplier;
    output += 2;
  }
  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = *input++ * multiplier;
  }
}
