// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoresoftplus/simd.c.in
//   Generator: scripts/families/f32-raddstoresoftplus.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "microkernels/simd/f32-avx512f.h"

// output = softplus(c*x), sum = sum of output (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_raddstoresoftplus_ukernel__avx512f_rr2_p6_scalef_u16(
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
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;

    const attnorm_simd_f32_t vsp = attnorm_softplus_f32(attnorm_mul_f32(vx, vscale));
    attnorm_storeu_f32(output, vsp);
    output += 16;

    vacc0 = attnorm_add_f32(vacc0, vsp);
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are neither stored nor summed.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    const attnorm_simd_f32_t vsp = attnorm_softplus_f32(attnorm_mul_f32(vx, vscale));
    attnorm_store_tail_f32(output, vsp, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, vsp, elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
