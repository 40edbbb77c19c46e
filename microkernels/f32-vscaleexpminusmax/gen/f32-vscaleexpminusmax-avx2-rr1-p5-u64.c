// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleexpminusmax/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleexpminusmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "microkernels/simd/f32-avx2.h"

// y = exp(s*x - k*ln2) * scale, reduced from x (attnorm_expminus_f32 in the ISA's simd header).
void attnorm_f32_vscaleexpminusmax_ukernel__avx2_rr1_p5_u64(
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

    const attnorm_simd_f32_t vy0 = attnorm_mul_f32(attnorm_expminus_f32(vx0, &vexp), vscale);
    const attnorm_simd_f32_t vy1 = attnorm_mul_f32(attnorm_expminus_f32(vx1, &vexp), vscale);
    const attnorm_simd_f32_t vy2 = attnorm_mul_f32(attnorm_expminus_f32(vx2, &vexp), vscale);
    const attnorm_simd_f32_t vy3 = attnorm_mul_f32(attnorm_expminus_f32(vx3, &vexp), vscale);
    const attnorm_simd_f32_t vy4 = attnorm_mul_f32(attnorm_expminus_f32(vx4, &vexp), vscale);
    const attnorm_simd_f32_t vy5 = attnorm_mul_f32(attnorm_expminus_f32(vx5, &vexp), vscale);
    const attnorm_simd_f32_t vy6 = attnorm_mul_f32(attnorm_expminus_f32(vx6, &vexp), vscale);
    const attnorm_simd_f32_t vy7 = attnorm_mul_f32(attnorm_expminus_f32(vx7, &vexp), vscale);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    attnorm_storeu_f32(output + 16, vy2);
    attnorm_storeu_f32(output + 24, vy3);
    attnorm_storeu_f32(output + 32, vy4);
    attnorm_storeu_f32(output + 40, vy5);
    attnorm_storeu_f32(output + 48, vy6);
    attnorm_storeu_f32(output + 56, vy7);
    output += 64;
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
