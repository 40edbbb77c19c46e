// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rcountunmasked/simd.c.in
//   Generator: scripts/families/f32-rcountunmasked.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "microkernels/simd/f32-avx2.h"

// The number of x != -inf: a float sum of ones per lane (exact below 2^24).
void attnorm_f32_rcountunmasked_ukernel__avx2_u16_acc2(
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
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    input += 16;

    vacc0 = attnorm_add_f32(vacc0, attnorm_softplus_unmasked_f32(vx0));
    vacc1 = attnorm_add_f32(vacc1, attnorm_softplus_unmasked_f32(vx1));
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;
    vacc0 = attnorm_add_f32(vacc0, attnorm_softplus_unmasked_f32(vx));
  }
  if (batch != 0) {
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_softplus_unmasked_f32(vx), elements);
  }
  *count = attnorm_reduce_add_f32(vacc0);
}
