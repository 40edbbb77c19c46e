// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoresoftplus/simd.c.in
//   Generator: scripts/families/f32-raddstoresoftplus.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "microkernels/simd/f32-avx2.h"

// output = softplus(c*x), sum = sum of output (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_raddstoresoftplus_ukernel__avx2_rr2_p6_u32_acc2(
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
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 24);
    input += 32;

    const attnorm_simd_f32_t vsp0 = attnorm_softplus_f32(attnorm_mul_f32(vx0, vscale));
    const attnorm_simd_f32_t vsp1 = attnorm_softplus_f32(attnorm_mul_f32(vx1, vscale));
    const attnorm_simd_f32_t vsp2 = attnorm_softplus_f32(attnorm_mul_f32(vx2, vscale));
    const attnorm_simd_f32_t vsp3 = attnorm_softplus_f32(attnorm_mul_f32(vx3, vscale));

    attnorm_storeu_f32(output, vsp0);
    attnorm_storeu_f32(output + 8, vsp1);
    attnorm_storeu_f32(output + 16, vsp2);
    attnorm_storeu_f32(output + 24, vsp3);
    output += 32;

    vacc0 = attnorm_add_f32(vacc0, vsp0);
    vacc1 = attnorm_add_f32(vacc1, vsp1);
    vacc0 = attnorm_add_f32(vacc0, vsp2);
    vacc1 = attnorm_add_f32(vacc1, vsp3);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;

    const attnorm_simd_f32_t vsp = attnorm_softplus_f32(attnorm_mul_f32(vx, vscale));
    attnorm_storeu_f32(output, vsp);
    output += 8;

    vacc0 = attnorm_add_f32(vacc0, vsp);
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are neither stored nor summed.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    const attnorm_simd_f32_t vsp = attnorm_softplus_f32(attnorm_mul_f32(vx, vscale));
    attnorm_store_tail_f32(output, vsp, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, vsp, elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
