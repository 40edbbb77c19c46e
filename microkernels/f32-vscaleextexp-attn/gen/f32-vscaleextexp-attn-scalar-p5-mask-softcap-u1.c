// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexp-attn/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexp-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "microkernels/simd/f32-scalar.h"

// z = c * tanh(x * fl(s/c)) + slope * mask, then y = p' * 2^(n + multiplier_exp), scale 1.
// p' ~ multiplier_value * exp(t): the polynomial's coefficients multiplied by it once per call.
void attnorm_f32_vscaleextexp_attn_ukernel__scalar_p5_mask_softcap_u1(
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
  assert(mask != NULL);

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(&params->unit);
  const struct attnorm_p5_scaled_f32 vpoly = attnorm_p5_scaled_init_f32(multiplier_value);
  const attnorm_simd_f32_t vbias = attnorm_exp2_bias_f32(multiplier_exp);
  const attnorm_simd_f32_t vsoftcap_inv = attnorm_set1_f32(params->softcap_inv);
  const attnorm_simd_f32_t vsoftcap = attnorm_set1_f32(params->softcap);
  const attnorm_simd_f32_t vslope = attnorm_set1_f32(params->slope);

  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 1;
    const attnorm_simd_f32_t vm = attnorm_loadu_f32(mask);
    mask += 1;
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);
  vz = attnorm_add_f32(vz, attnorm_mul_f32(vm, vslope));

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vz, &vexp, &vn);
  const attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
  attnorm_storeu_f32(output, vy);
  output += 1;
  }
}
