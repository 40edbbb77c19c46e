// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexp-attn/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexp-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z = s * x, reduced from x by the exp core (scale s): f32-vscaleextexp.
// p' ~ multiplier_value * exp(t): the polynomial's coefficients multiplied by it once per call.
void attnorm_f32_vscaleextexp_attn_ukernel__avx2_p5_u32(
    size_t batch,
    const float* input,
    const float* mask,
    float* output,
    float multiplier_value,
    float multiplier_exp,
    const struct attnorm_f32_attn_params* params)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  (void) mask;

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(&params->expminus);
  const struct attnorm_p5_scaled_f32 vpoly = attnorm_p5_scaled_init_f32(multiplier_value);
  const attnorm_simd_f32_t vbias = attnorm_exp2_bias_f32(multiplier_exp);

  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    attnorm_simd_f32_t vz2 = attnorm_loadu_f32(input + 16);
    attnorm_simd_f32_t vz3 = attnorm_loadu_f32(input + 24);
    input += 32;

    attnorm_simd_f32_t vn0;
    const attnorm_simd_f32_t vt0 = attnorm_extexp_reduce_f32(vz0, &vexp, &vn0);
    attnorm_simd_f32_t vn1;
    const attnorm_simd_f32_t vt1 = attnorm_extexp_reduce_f32(vz1, &vexp, &vn1);
    attnorm_simd_f32_t vn2;
    const attnorm_simd_f32_t vt2 = attnorm_extexp_reduce_f32(vz2, &vexp, &vn2);
    attnorm_simd_f32_t vn3;
    const attnorm_simd_f32_t vt3 = attnorm_extexp_reduce_f32(vz3, &vexp, &vn3);
    const attnorm_simd_f32_t vy0 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt0, &vpoly), vn0, vbias);
    const attnorm_simd_f32_t vy1 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt1, &vpoly), vn1, vbias);
    const attnorm_simd_f32_t vy2 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt2, &vpoly), vn2, vbias);
    const attnorm_simd_f32_t vy3 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt3, &vpoly), vn3, vbias);

    attnorm_storeu_f32(output + 0, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    attnorm_storeu_f32(output + 16, vy2);
    attnorm_storeu_f32(output + 24, vy3);
    output += 32;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vz, &vexp, &vn);
  const attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
  attnorm_storeu_f32(output, vy);
  output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    attnorm_simd_f32_t vz = attnorm_load_tail_f32(input, elements);

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vz, &vexp, &vn);
  const attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
  attnorm_store_tail_f32(output, vy, elements);
  }
}
