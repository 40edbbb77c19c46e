// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vpowreluscale/simd.c.in
//   Generator: scripts/families/f32-vpowreluscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>

#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.h"
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

// y = relu(u)^p * multiplier (f32-vpowreluscale.h).
void attnorm_f32_vpowreluscale_ukernel__avx512f_rr2_p6_scalef_u32(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    const union attnorm_f32_softplus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t valpha = attnorm_set1_f32(params->scalar.alpha);
  const attnorm_simd_f32_t vminus_offset = attnorm_set1_f32(-params->scalar.offset);
  const uint32_t power_int = params->scalar.power_int;
  const attnorm_simd_f32_t vpower_frac = attnorm_set1_f32(params->scalar.power_frac);
  const bool has_frac = params->scalar.power_frac != 0.0f;

  const attnorm_simd_f32_t vmultiplier = attnorm_set1_f32(multiplier);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    input += 32;

    const attnorm_simd_f32_t vv0 = attnorm_softplus_reluaffine_f32(attnorm_softplus_f32(attnorm_mul_f32(vx0, vscale)), valpha, vminus_offset);
    const attnorm_simd_f32_t vv1 = attnorm_softplus_reluaffine_f32(attnorm_softplus_f32(attnorm_mul_f32(vx1, vscale)), valpha, vminus_offset);
    // v^power_int by repeated squaring over all vectors at once (branches uniform per call).
    attnorm_simd_f32_t vr0 = attnorm_set1_f32(1.0f);
    attnorm_simd_f32_t vr1 = attnorm_set1_f32(1.0f);
    if (power_int != 0) {
      attnorm_simd_f32_t vb0 = vv0;
      attnorm_simd_f32_t vb1 = vv1;
      uint32_t e = power_int;
      while ((e & 1) == 0) {
        vb0 = attnorm_mul_f32(vb0, vb0);
        vb1 = attnorm_mul_f32(vb1, vb1);
        e >>= 1;
      }
      vr0 = vb0;
      vr1 = vb1;
      for (e >>= 1; e != 0; e >>= 1) {
        vb0 = attnorm_mul_f32(vb0, vb0);
        vb1 = attnorm_mul_f32(vb1, vb1);
        if (e & 1) {
          vr0 = attnorm_mul_f32(vr0, vb0);
          vr1 = attnorm_mul_f32(vr1, vb1);
        }
      }
    }
    if (has_frac) {
      vr0 = attnorm_mul_f32(vr0, attnorm_softplus_powfrac_f32(vv0, vpower_frac));
      vr1 = attnorm_mul_f32(vr1, attnorm_softplus_powfrac_f32(vv1, vpower_frac));
    }

    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vr0, vmultiplier));
    attnorm_storeu_f32(output + 16, attnorm_mul_f32(vr1, vmultiplier));
    output += 32;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    attnorm_storeu_f32(output, attnorm_mul_f32(powrelu1(vx, vscale, valpha, vminus_offset, power_int, vpower_frac, has_frac), vmultiplier));
    output += 16;
  }
  if (batch != 0) {
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    attnorm_store_tail_f32(output, attnorm_mul_f32(powrelu1(vx, vscale, valpha, vminus_offset, power_int, vpower_frac, has_frac), vmultiplier), elements);
  }
}
