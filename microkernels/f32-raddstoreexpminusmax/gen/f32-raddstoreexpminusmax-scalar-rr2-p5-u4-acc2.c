// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoreexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-raddstoreexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"
#include "microkernels/simd/f32-scalar.h"

// e = exp(s*x - k*ln2), reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_raddstoreexpminusmax_ukernel__scalar_rr2_p5_u4_acc2(
    size_t batch,
    const float* input,
    const float* max,
    float* output,
    float* sum,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(max != NULL);
  assert(output != NULL);
  assert(sum != NULL);

  // k = round(M * log2(e)) and the per-call constants of the exp core.
  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, *max);

  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 2);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 3);
    input += 4;

    const attnorm_simd_f32_t ve0 = attnorm_expminus_f32(vx0, &vexp);
    const attnorm_simd_f32_t ve1 = attnorm_expminus_f32(vx1, &vexp);
    const attnorm_simd_f32_t ve2 = attnorm_expminus_f32(vx2, &vexp);
    const attnorm_simd_f32_t ve3 = attnorm_expminus_f32(vx3, &vexp);

    attnorm_storeu_f32(output, ve0);
    attnorm_storeu_f32(output + 1, ve1);
    attnorm_storeu_f32(output + 2, ve2);
    attnorm_storeu_f32(output + 3, ve3);
    output += 4;

    vacc0 = attnorm_add_f32(vacc0, ve0);
    vacc1 = attnorm_add_f32(vacc1, ve1);
    vacc0 = attnorm_add_f32(vacc0, ve2);
    vacc1 = attnorm_add_f32(vacc1, ve3);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    const attnorm_simd_f32_t ve = attnorm_expminus_f32(vx, &vexp);

    attnorm_storeu_f32(output, ve);
    output += 1;

    vacc0 = attnorm_add_f32(vacc0, ve);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
