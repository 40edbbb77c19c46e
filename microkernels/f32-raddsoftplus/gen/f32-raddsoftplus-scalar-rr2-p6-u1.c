// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddsoftplus/simd.c.in
//   Generator: scripts/families/f32-raddsoftplus.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.h"
#include "microkernels/simd/f32-scalar.h"

// sum softplus(c*x), max x, count of x != -inf (attnorm_softplus_f32 in the ISA's simd header).
void attnorm_f32_raddsoftplus_ukernel__scalar_rr2_p6_u1(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_softplus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vmax = attnorm_set1_f32(-INFINITY);
  attnorm_simd_f32_t vcount = attnorm_zero_f32();
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    vacc0 = attnorm_add_f32(vacc0, attnorm_softplus_f32(attnorm_mul_f32(vx, vscale)));
    vmax = attnorm_max_f32(vmax, vx);
    vcount = attnorm_add_f32(vcount, attnorm_softplus_unmasked_f32(vx));
  }
  output[0] = attnorm_reduce_add_f32(vacc0);
  output[1] = attnorm_reduce_max_f32(vmax);
  output[2] = attnorm_reduce_add_f32(vcount);
}
