// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-raddexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "microkernels/simd/f32-avx512f.h"

// e = exp(s*x - k*ln2), reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_scalef_u192_acc3(
    size_t batch,
    const float* input,
    float* sum,
    float max,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  // k = round(M * log2(e)) and the per-call constants of the exp core.
  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, max);

  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc2 = attnorm_zero_f32();
  for (; batch >= 192 * sizeof(float); batch -= 192 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 32);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 48);
    const attnorm_simd_f32_t vx4 = attnorm_loadu_f32(input + 64);
    const attnorm_simd_f32_t vx5 = attnorm_loadu_f32(input + 80);
    const attnorm_simd_f32_t vx6 = attnorm_loadu_f32(input + 96);
    const attnorm_simd_f32_t vx7 = attnorm_loadu_f32(input + 112);
    const attnorm_simd_f32_t vx8 = attnorm_loadu_f32(input + 128);
    const attnorm_simd_f32_t vx9 = attnorm_loadu_f32(input + 144);
    const attnorm_simd_f32_t vx10 = attnorm_loadu_f32(input + 160);
    const attnorm_simd_f32_t vx11 = attnorm_loadu_f32(input + 176);
    input += 192;

    const attnorm_simd_f32_t ve0 = attnorm_expminus_f32(vx0, &vexp);
    const attnorm_simd_f32_t ve1 = attnorm_expminus_f32(vx1, &vexp);
    const attnorm_simd_f32_t ve2 = attnorm_expminus_f32(vx2, &vexp);
    const attnorm_simd_f32_t ve3 = attnorm_expminus_f32(vx3, &vexp);
    const attnorm_simd_f32_t ve4 = attnorm_expminus_f32(vx4, &vexp);
    const attnorm_simd_f32_t ve5 = attnorm_expminus_f32(vx5, &vexp);
    const attnorm_simd_f32_t ve6 = attnorm_expminus_f32(vx6, &vexp);
    const attnorm_simd_f32_t ve7 = attnorm_expminus_f32(vx7, &vexp);
    const attnorm_simd_f32_t ve8 = attnorm_expminus_f32(vx8, &vexp);
    const attnorm_simd_f32_t ve9 = attnorm_expminus_f32(vx9, &vexp);
    const attnorm_simd_f32_t ve10 = attnorm_expminus_f32(vx10, &vexp);
    const attnorm_simd_f32_t ve11 = attnorm_expminus_f32(vx11, &vexp);

    vacc0 = attnorm_add_f32(vacc0, ve0);
    vacc1 = attnorm_add_f32(vacc1, ve1);
    vacc2 = attnorm_add_f32(vacc2, ve2);
    vacc0 = attnorm_add_f32(vacc0, ve3);
    vacc1 = attnorm_add_f32(vacc1, ve4);
    vacc2 = attnorm_add_f32(vacc2, ve5);
    vacc0 = attnorm_add_f32(vacc0, ve6);
    vacc1 = attnorm_add_f32(vacc1, ve7);
    vacc2 = attnorm_add_f32(vacc2, ve8);
    vacc0 = attnorm_add_f32(vacc0, ve9);
    vacc1 = attnorm_add_f32(vacc1, ve10);
    vacc2 = attnorm_add_f32(vacc2, ve11);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;

    const attnorm_simd_f32_t ve = attnorm_expminus_f32(vx, &vexp);

    vacc0 = attnorm_add_f32(vacc0, ve);
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are not summed.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    const attnorm_simd_f32_t ve = attnorm_expminus_f32(vx, &vexp);

    vacc0 = attnorm_add_tail_f32(vacc0, ve, elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
