// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexp-attn/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexp-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z = c * tanh(x * fl(s/c)), then y = p' * 2^(n + multiplier_exp), scale 1.
// p' ~ multiplier_value * exp(t): the polynomial's coefficients multiplied by it once per call.
void attnorm_f32_vscaleextexp_attn_ukernel__avx2_p5_softcap_u16(
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

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(&params->unit);
  const struct attnorm_p5_scaled_f32 vpoly = attnorm_p5_scaled_init_f32(multiplier_value);
  const attnorm_simd_f32_t vbias = attnorm_exp2_bias_f32(multiplier_exp);
  const attnorm_simd_f32_t vsoftcap_inv = attnorm_set1_f32(params->softcap_inv);
  const attnorm_simd_f32_t vsoftcap = attnorm_set1_f32(params->softcap);

  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    input += 16;

    vz0 = attnorm_softcap_f32(vz0, vsoftcap_inv, vsoftcap);
    vz1 = attnorm_softcap_f32(vz1, vsoftcap_inv, vsoftcap);

    attnorm_simd_f32_t vn0;
    const attnorm_simd_f32_t vt0 = attnorm_extexp_reduce_f32(vz0, &vexp, &vn0);
    attnorm_simd_f32_t vn1;
    const attnorm_simd_f32_t vt1 = attnorm_extexp_reduce_f32(vz1, &vexp, &vn1);
    const attnorm_simd_f32_t vy0 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt0, &vpoly), vn0, vbias);
    const attnorm_simd_f32_t vy1 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt1, &vpoly), vn1, vbias);

    attnorm_storeu_f32(output + 0, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    output += 16;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);

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
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vz, &vexp, &vn);
  const attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
  attnorm_store_tail_f32(output, vy, elements);
  }
}
