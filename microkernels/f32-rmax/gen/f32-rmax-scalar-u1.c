// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmax/scalar.c.in
//   Generator: scripts/families/f32-rmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rmax/f32-rmax.h"

static inline float max_f32(float a, float b) {
  return a > b ? a : b;
}

void attnorm_f32_rmax_ukernel__scalar_u1(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_default_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  float vmax0 = *input;
  for (; batch != 0; batch -= sizeof(float)) {
    const float vx = *input++;
    vmax0 = max_f32(vmax0, vx);
  }
  *output = vmax0;
}
