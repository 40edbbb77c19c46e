// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoresoftplus/simd.c.in
//   Generator: scripts/families/f32-raddstoresoftplus.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "microkernels/simd/f32-scalar.h"

// output = softplus(c*x), sum = sum of output (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_raddstoresoftplus_ukernel__scalar_rr2_p6_u2_acc2(
    size_t batch,
    const float* input,
    float* output,
    float* sum,
    const union attnorm_f32_softplus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  assert(sum != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    input += 2;

    const attnorm_simd_f32_t vsp0 = attnorm_softplus_f32(attnorm_mul_f32(vx0, vscale));
    const attnorm_simd_f32_t vsp1 = attnorm_softplus_f32(attnorm_mul_f32(vx1, vscale));

    attnorm_storeu_f32(output, vsp0);
    attnorm_storeu_f32(output + 1, vsp1);
    output += 2;

    vacc0 = attnorm_add_f32(vacc0, vsp0);
    vacc1 = attnorm_add_f32(vacc1, vsp1);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    const attnorm_simd_f32_t vsp = attnorm_softplus_f32(attnorm_mul_f32(vx, vscale));
    attnorm_storeu_f32(output, vsp);
    output += 1;

    vacc0 = attnorm_add_f32(vacc0, vsp);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
