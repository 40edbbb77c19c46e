// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleextexp-attn/simd-p5.c.in
//   Generator: scripts/families/f32-vscaleextexp-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z = c * tanh(x * fl(s/c)) + slope * mask, then y = p' * 2^(n + multiplier_exp), scale 1.
// p' ~ multiplier_value * exp(t): the polynomial's coefficients multiplied by it once per call.
void attnorm_f32_vscaleextexp_attn_ukernel__avx2_p5_mask_softcap_u64(
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

  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    attnorm_simd_f32_t vz2 = attnorm_loadu_f32(input + 16);
    attnorm_simd_f32_t vz3 = attnorm_loadu_f32(input + 24);
    attnorm_simd_f32_t vz4 = attnorm_loadu_f32(input + 32);
    attnorm_simd_f32_t vz5 = attnorm_loadu_f32(input + 40);
    attnorm_simd_f32_t vz6 = attnorm_loadu_f32(input + 48);
    attnorm_simd_f32_t vz7 = attnorm_loadu_f32(input + 56);
    input += 64;
    const attnorm_simd_f32_t vm0 = attnorm_loadu_f32(mask + 0);
    const attnorm_simd_f32_t vm1 = attnorm_loadu_f32(mask + 8);
    const attnorm_simd_f32_t vm2 = attnorm_loadu_f32(mask + 16);
    const attnorm_simd_f32_t vm3 = attnorm_loadu_f32(mask + 24);
    const attnorm_simd_f32_t vm4 = attnorm_loadu_f32(mask + 32);
    const attnorm_simd_f32_t vm5 = attnorm_loadu_f32(mask + 40);
    const attnorm_simd_f32_t vm6 = attnorm_loadu_f32(mask + 48);
    const attnorm_simd_f32_t vm7 = attnorm_loadu_f32(mask + 56);
    mask += 64;

    vz0 = attnorm_softcap_f32(vz0, vsoftcap_inv, vsoftcap);
    vz1 = attnorm_softcap_f32(vz1, vsoftcap_inv, vsoftcap);
    vz2 = attnorm_softcap_f32(vz2, vsoftcap_inv, vsoftcap);
    vz3 = attnorm_softcap_f32(vz3, vsoftcap_inv, vsoftcap);
    vz4 = attnorm_softcap_f32(vz4, vsoftcap_inv, vsoftcap);
    vz5 = attnorm_softcap_f32(vz5, vsoftcap_inv, vsoftcap);
    vz6 = attnorm_softcap_f32(vz6, vsoftcap_inv, vsoftcap);
    vz7 = attnorm_softcap_f32(vz7, vsoftcap_inv, vsoftcap);
    vz0 = attnorm_add_f32(vz0, attnorm_mul_f32(vm0, vslope));
    vz1 = attnorm_add_f32(vz1, attnorm_mul_f32(vm1, vslope));
    vz2 = attnorm_add_f32(vz2, attnorm_mul_f32(vm2, vslope));
    vz3 = attnorm_add_f32(vz3, attnorm_mul_f32(vm3, vslope));
    vz4 = attnorm_add_f32(vz4, attnorm_mul_f32(vm4, vslope));
    vz5 = attnorm_add_f32(vz5, attnorm_mul_f32(vm5, vslope));
    vz6 = attnorm_add_f32(vz6, attnorm_mul_f32(vm6, vslope));
    vz7 = attnorm_add_f32(vz7, attnorm_mul_f32(vm7, vslope));

    attnorm_simd_f32_t vn0;
    const attnorm_simd_f32_t vt0 = attnorm_extexp_reduce_f32(vz0, &vexp, &vn0);
    attnorm_simd_f32_t vn1;
    const attnorm_simd_f32_t vt1 = attnorm_extexp_reduce_f32(vz1, &vexp, &vn1);
    attnorm_simd_f32_t vn2;
    const attnorm_simd_f32_t vt2 = attnorm_extexp_reduce_f32(vz2, &vexp, &vn2);
    attnorm_simd_f32_t vn3;
    const attnorm_simd_f32_t vt3 = attnorm_extexp_reduce_f32(vz3, &vexp, &vn3);
    attnorm_simd_f32_t vn4;
    const attnorm_simd_f32_t vt4 = attnorm_extexp_reduce_f32(vz4, &vexp, &vn4);
    attnorm_simd_f32_t vn5;
    const attnorm_simd_f32_t vt5 = attnorm_extexp_reduce_f32(vz5, &vexp, &vn5);
    attnorm_simd_f32_t vn6;
    const attnorm_simd_f32_t vt6 = attnorm_extexp_reduce_f32(vz6, &vexp, &vn6);
    attnorm_simd_f32_t vn7;
    const attnorm_simd_f32_t vt7 = attnorm_extexp_reduce_f32(vz7, &vexp, &vn7);
    const attnorm_simd_f32_t vy0 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt0, &vpoly), vn0, vbias);
    const attnorm_simd_f32_t vy1 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt1, &vpoly), vn1, vbias);
    const attnorm_simd_f32_t vy2 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt2, &vpoly), vn2, vbias);
    const attnorm_simd_f32_t vy3 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt3, &vpoly), vn3, vbias);
    const attnorm_simd_f32_t vy4 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt4, &vpoly), vn4, vbias);
    const attnorm_simd_f32_t vy5 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt5, &vpoly), vn5, vbias);
    const attnorm_simd_f32_t vy6 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt6, &vpoly), vn6, vbias);
    const attnorm_simd_f32_t vy7 = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt7, &vpoly), vn7, vbias);

    attnorm_storeu_f32(output + 0, vy0);
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
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;
    const attnorm_simd_f32_t vm = attnorm_loadu_f32(mask);
    mask += 8;
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);
  vz = attnorm_add_f32(vz, attnorm_mul_f32(vm, vslope));

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
    const attnorm_simd_f32_t vm = attnorm_load_tail_f32(mask, elements);
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);
  vz = attnorm_add_f32(vz, attnorm_mul_f32(vm, vslope));

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vt = attnorm_extexp_reduce_f32(vz, &vexp, &vn);
  const attnorm_simd_f32_t vy = attnorm_mul_exp2_f32(attnorm_exp_p5_scaled_f32(vt, &vpoly), vn, vbias);
  attnorm_store_tail_f32(output, vy, elements);
  }
}
