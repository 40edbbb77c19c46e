// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexpaddclamp/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexpaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"
#include "microkernels/simd/f32-avx2.h"

// min(v, 1) keeping a NaN v: x86 MINPS returns its second operand when either is NaN (the
// scalar spelling does the same). Local: the shared vocabulary has max only.
static ATTNORM_INLINE __m256 clamp_hi(__m256 vone, __m256 v) { return _mm256_min_ps(vone, v); }

// y = clamp(p' * 2^(n + multiplier_exp) + addend, 0, 1) with exp(s*x) = exp(t) * 2^n
// (attnorm_extexp_reduce_f32) and p' ~ multiplier_value * exp(t), the polynomial's coefficients
// multiplied by multiplier_value once per call (f32-vscaleextexp), then one add and the
// NaN-preserving clamp.
void attnorm_f32_vscaleextexpaddclamp_ukernel__avx2_p5_u64(
    size_t batch,
    const float* input,
    float* output,
    float multiplier_value,
    float multiplier_exp,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(params);
  const struct attnorm_p5_scaled_f32 vpoly = attnorm_p5_scaled_init_f32(multiplier_value);
  const attnorm_simd_f32_t vbias = attnorm_exp2_bias_f32(multiplier_exp);
  const attnorm_simd_f32_t vaddend = attnorm_set1_f32(addend);
  const attnorm_simd_f32_t vzero = attnorm_zero_f32();
  const attnorm_simd_f32_t vone = attnorm_set1_f32(1.0f);

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

    attnorm_simd_f32_t vn0;
    const attnorm_simd_f32_t vt0 = attnorm_extexp_reduce_f32(vx0, &vexp, &vn0);
    attnorm_simd_f32_t vn1;
    const attnorm_simd_f32_t vt1 = attnorm_extexp_reduce_f32(vx1, &vexp, &vn1);
    attnorm_simd_f32_t vn2;
    const attnorm_simd_f32_t vt2 = attnorm_extexp_reduce_f32(vx2, &vexp, &vn2);
    attnorm_simd_f32_t vn3;
    const attnorm_simd_f32_t vt3 = attnorm_extexp_reduce_f32(vx3, &vexp, &vn3);
    attnorm_simd_f32_t vn4;
    const attnorm_simd_f32_t vt4 = attnorm_extexp_reduce_f32(vx4, &vexp, &vn4);
    attnorm_simd_f32_t vn5;
    const attnorm_simd_f32_t vt5 = attnorm_extexp_reduce_f32(vx5, &vexp, &vn5);
    attnorm_simd_f32_t vn6;
    const attnorm_simd_f32_t vt6 = attnorm_extexp_reduce_f32(vx6, &vexp, &vn6);
    attnorm_simd_f32_t vn7;
    const attnorm_simd_f32_t vt7 = attnorm_extexp_reduce_f32(vx7, &vexp, &vn7);
    attnorm_simd_f32_t vy0 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt0, &vpoly), vn0, vbias);
    attnorm_simd_f32_t vy1 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt1, &vpoly), vn1, vbias);
    attnorm_simd_f32_t vy2 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt2, &vpoly), vn2, vbias);
    attnorm_simd_f32_t vy3 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt3, &vpoly), vn3, vbias);
    attnorm_simd_f32_t vy4 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt4, &vpoly), vn4, vbias);
    attnorm_simd_f32_t vy5 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt5, &vpoly), vn5, vbias);
    attnorm_simd_f32_t vy6 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt6, &vpoly), vn6, vbias);
    attnorm_simd_f32_t vy7 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt7, &vpoly), vn7, vbias);
    vy0 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy0, vaddend)));
    vy1 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy1, vaddend)));
    vy2 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy2, vaddend)));
    vy3 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy3, vaddend)));
    vy4 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy4, vaddend)));
    vy5 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy5, vaddend)));
    vy6 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy6, vaddend)));
    vy7 = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy7, vaddend)));

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

    attnorm_simd_f32_t vn;
    const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vx, &vexp, &vn);
    attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
    vy = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy, vaddend)));

    attnorm_storeu_f32(output, vy);
    output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);

    attnorm_simd_f32_t vn;
    const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vx, &vexp, &vn);
    attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
    vy = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy, vaddend)));

    attnorm_store_tail_f32(output, vy, elements);
  }
}
