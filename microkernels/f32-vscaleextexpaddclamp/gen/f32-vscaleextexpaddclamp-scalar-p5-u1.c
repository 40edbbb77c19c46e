// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexpaddclamp/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexpaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"
#include "microkernels/simd/f32-scalar.h"

// min(v, 1) keeping a NaN v: x86 MINPS returns its second operand when either is NaN (the
// scalar spelling does the same). Local: the shared vocabulary has max only.
static ATTNORM_INLINE float clamp_hi(float vone, float v) { return vone < v ? vone : v; }

// y = clamp(p' * 2^(n + multiplier_exp) + addend, 0, 1) with exp(s*x) = exp(t) * 2^n
// (attnorm_extexp_reduce_f32) and p' ~ multiplier_value * exp(t), the polynomial's coefficients
// multiplied by multiplier_value once per call (f32-vscaleextexp), then one add and the
// NaN-preserving clamp.
void attnorm_f32_vscaleextexpaddclamp_ukernel__scalar_p5_u1(
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

  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;

    attnorm_simd_f32_t vn;
    const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vx, &vexp, &vn);
    attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
    vy = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_add_f32(vy, vaddend)));

    attnorm_storeu_f32(output, vy);
    output += 1;
  }
}
