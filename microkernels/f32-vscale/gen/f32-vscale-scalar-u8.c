// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/scalar.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"

void attnorm_f32_vscale_ukernel__scalar_u8(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const float vi0 = input[0];
    const float vi1 = input[1];
    const float vi2 = input[2];
    const float vi3 = input[3];
    const float vi4 = input[4];
    const float vi5 = input[5];
    const float vi6 = input[6];
    const float vi7 = input[7];
    input += 8;

    output[0] = vi0 * multiplier;
    output[1] = vi1 * multiplier;
    output[2] = vi2 * multiplier;
    output[3] = vi3 * multiplier;
    output[4] = vi4 * multiplier;
    output[5] = vi5 * multiplier;
    output[6] = vi6 * multiplier;
    output[7] = vi7 * multiplier;
    output += 8;
  }
  for (; batch != 0; batch -= sizeof(float)) {
    *output++ = *input++ * multiplier;
  }
}
