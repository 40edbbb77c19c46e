// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddpowrelu/simd.c.in
//   Generator: scripts/families/f32-raddpowrelu.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>

#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"
#include "microkernels/simd/f32-avx512f.h"

// relu(u)^p for one vector: u = fl(softplus(c*x) * alpha - offset) (attnorm_softplus_* in the
// ISA's simd header).
static ATTNORM_INLINE attnorm_simd_f32_t powrelu1(attnorm_simd_f32_t vx, attnorm_simd_f32_t vscale, attnorm_simd_f32_t valpha, attnorm_simd_f32_t vminus_offset,
                                     uint32_t power_int, attnorm_simd_f32_t vpower_frac, bool has_frac) {
  const attnorm_simd_f32_t vv = attnorm_softplus_reluaffine_f32(attnorm_softplus_f32(attnorm_mul_f32(vx, vscale)), valpha, vminus_offset);
  attnorm_simd_f32_t vr = attnorm_set1_f32(1.0f);
  if (power_int != 0) {
    attnorm_simd_f32_t vb = vv;
    uint32_t e = power_int;
    while ((e & 1) == 0) {
      vb = attnorm_mul_f32(vb, vb);
      e >>= 1;
    }
    vr = vb;
    for (e >>= 1; e != 0; e >>= 1) {
      vb = attnorm_mul_f32(vb, vb);
      if (e & 1) vr = attnorm_mul_f32(vr, vb);
    }
  }
  if (has_frac) {
    vr = attnorm_mul_f32(vr, attnorm_softplus_powfrac_f32(vv, vpower_frac));
  }
  return vr;
}

// sum relu(u)^p (f32-raddpowrelu.h).
void attnorm_f32_raddpowrelu_ukernel__avx512f_rr2_p6_scalef_u16(
    size_t batch,
    const float* input,
    float* sum,
    const union attnorm_f32_softplus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t valpha = attnorm_set1_f32(params->scalar.alpha);
  const attnorm_simd_f32_t vminus_offset = attnorm_set1_f32(-params->scalar.offset);
  const uint32_t power_int = params->scalar.power_int;
  const attnorm_simd_f32_t vpower_frac = attnorm_set1_f32(params->scalar.power_frac);
  const bool has_frac = params->scalar.power_frac != 0.0f;

  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    vacc0 = attnorm_add_f32(vacc0, powrelu1(vx, vscale, valpha, vminus_offset, power_int, vpower_frac, has_frac));
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are left out.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    vacc0 = attnorm_add_tail_f32(vacc0, powrelu1(vx, vscale, valpha, vminus_offset, power_int, vpower_frac, has_frac), elements);
  }
  *sum = attnorm_reduce_add_f32(vacc0);
}
