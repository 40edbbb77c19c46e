// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "microkernels/simd/f32-scalar.h"

// y = exp(s*x - k*ln2) * scale, reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_vscaleexpminusmax_ukernel__scalar_rr2_p5_u2(
    size_t batch,
    const float* input,
    float* output,
    float max,
    float scale,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  // k = round(M * log2(e)) and the per-call constants of the exp core.
  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, max);
  // The output multiplier (1 / sum in softmax).
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(scale);

  for (; batch >= 2 * sizeof(float); batch -= 2 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    input += 2;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_expminus_f32(vx0, &vexp), vscale);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_expminus_f32(vx1, &vexp), vscale);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 1, vy1);
    output += 2;
  }
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    const attnorm_simd_f32_t vy = attnorm_mul_f32(attnorm_expminus_f32(vx, &vexp), vscale);

    attnorm_storeu_f32(output, vy);
    output += 1;
  }
}
