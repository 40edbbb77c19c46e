// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddstoreexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-raddstoreexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"
#include "microkernels/simd/f32-avx2.h"

// e = exp(s*x - k*ln2), reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_raddstoreexpminusmax_ukernel__avx2_rr1_p5_u64_acc4(
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
  attnorm_simd_f32_t vacc2 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc3 = attnorm_zero_f32();
  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 24);
    const attnorm_simd_f32_t vx4 = attnorm_loadu_f32(input + 32);
    const attnorm_simd_f32_t vx5 = attnorm_loadu_f32(input + 40);
    const attnorm_simd_f32_t vx6 = attnorm_loadu_f32(input + 48);
    const attnorm_simd_f32_t vx7 = attnorm_loadu_f32(input + 56);
    input += 64;

    const attnorm_simd_f32_t ve0 = attnorm_expminus_f32(vx0, &vexp);
    const attnorm_simd_f32_t ve1 = attnorm_expminus_f32(vx1, &vexp);
    const attnorm_simd_f32_t ve2 = attnorm_expminus_f32(vx2, &vexp);
    const attnorm_simd_f32_t ve3 = attnorm_expminus_f32(vx3, &vexp);
    const attnorm_simd_f32_t ve4 = attnorm_expminus_f32(vx4, &vexp);
    const attnorm_simd_f32_t ve5 = attnorm_expminus_f32(vx5, &vexp);
    const attnorm_simd_f32_t ve6 = attnorm_expminus_f32(vx6, &vexp);
    const attnorm_simd_f32_t ve7 = attnorm_expminus_f32(vx7, &vexp);

    attnorm_storeu_f32(output, ve0);
    attnorm_storeu_f32(output + 8, ve1);
    attnorm_storeu_f32(output + 16, ve2);
    attnorm_storeu_f32(output + 24, ve3);
    attnorm_storeu_f32(output + 32, ve4);
    attnorm_storeu_f32(output + 40, ve5);
    attnorm_storeu_f32(output + 48, ve6);
    attnorm_storeu_f32(output + 56, ve7);
    output += 64;

    vacc0 = attnorm_add_f32(vacc0, ve0);
    vacc1 = attnorm_add_f32(vacc1, ve1);
    vacc2 = attnorm_add_f32(vacc2, ve2);
    vacc3 = attnorm_add_f32(vacc3, ve3);
    vacc0 = attnorm_add_f32(vacc0, ve4);
    vacc1 = attnorm_add_f32(vacc1, ve5);
    vacc2 = attnorm_add_f32(vacc2, ve6);
    vacc3 = attnorm_add_f32(vacc3, ve7);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  vacc2 = attnorm_add_f32(vacc2, vacc3);
  vacc0 = attnorm_add_f32(vacc0, vacc2);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;

    const attnorm_simd_f32_t ve = attnorm_expminus_f32(vx, &vexp);

    attnorm_storeu_f32(output, ve);
    output += 8;

    vacc0 = attnorm_add_f32(vacc0, ve);
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0, are stored nowhere and
    // are not summed.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    const attnorm_simd_f32_t ve = attnorm_expminus_f32(vx, &vexp);

    attnorm_store_tail_f32(output, ve, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, ve, elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
