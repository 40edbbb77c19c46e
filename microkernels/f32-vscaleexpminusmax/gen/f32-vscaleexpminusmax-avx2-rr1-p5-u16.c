// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "microkernels/simd/f32-avx2.h"

// y = exp(s*x - k*ln2) * scale, reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_vscaleexpminusmax_ukernel__avx2_rr1_p5_u16(
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

  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    input += 16;

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_expminus_f32(vx0, &vexp), vscale);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_expminus_f32(vx1, &vexp), vscale);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    output += 16;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;

    const attnorm_simd_f32_t vy = attnorm_mul_f32(attnorm_expminus_f32(vx, &vexp), vscale);

    attnorm_storeu_f32(output, vy);
    output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    const attnorm_simd_f32_t vy = attnorm_mul_f32(attnorm_expminus_f32(vx, &vexp), vscale);

    attnorm_store_tail_f32(output, vy, elements);
  }
}
