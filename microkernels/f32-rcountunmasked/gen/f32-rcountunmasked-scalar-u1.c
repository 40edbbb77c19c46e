// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rcountunmasked/simd.c.in
//   Generator: scripts/families/f32-rcountunmasked.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "microkernels/simd/f32-scalar.h"

// The number of x != -inf: a float sum of ones per lane (exact below 2^24).
void attnorm_f32_rcountunmasked_ukernel__scalar_u1(
    size_t batch,
    const float* input,
    float* count,
    const union attnorm_f32_default_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(count != NULL);

  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;
    vacc0 = attnorm_add_f32(vacc0, attnorm_softplus_unmasked_f32(vx));
  }
  *count = attnorm_reduce_add_f32(vacc0);
}
