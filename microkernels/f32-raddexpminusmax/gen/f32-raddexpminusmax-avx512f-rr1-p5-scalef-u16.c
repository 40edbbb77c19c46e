// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-raddexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "microkernels/simd/f32-avx512f.h"

// e = exp(s*x - k*ln2), reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_scalef_u16(
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
