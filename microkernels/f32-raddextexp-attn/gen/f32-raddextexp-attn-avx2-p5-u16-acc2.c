// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp-attn/simd-p5.c.in
//   Generator: scripts/families/f32-raddextexp-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z = s * x, reduced from x by the exp core (scale s): the sum of f32-raddextexp.
// Each accumulator is a (v, e) pair per lane meaning v * 2^e, as in f32-raddextexp.
void attnorm_f32_raddextexp_attn_ukernel__avx2_p5_u16_acc2(
    size_t batch,
    const float* input,
    const float* mask,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    const struct attnorm_f32_attn_params* params)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);
  (void) mask;

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(&params->expminus);

  attnorm_simd_f32_t vaccv0 = attnorm_zero_f32();
  attnorm_simd_f32_t vaccv1 = attnorm_zero_f32();
  attnorm_simd_f32_t vacce0 = attnorm_set1_f32(ATTNORM_EXTEXP_MIN_EXPONENT);
  attnorm_simd_f32_t vacce1 = attnorm_set1_f32(ATTNORM_EXTEXP_MIN_EXPONENT);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    input += 16;

    attnorm_simd_f32_t vn0;
    const attnorm_simd_f32_t vt0 = attnorm_extexp_reduce_f32(vz0, &vexp, &vn0);
    attnorm_simd_f32_t vn1;
    const attnorm_simd_f32_t vt1 = attnorm_extexp_reduce_f32(vz1, &vexp, &vn1);
    const attnorm_simd_f32_t vp0 = attnorm_exp_p5_f32(vt0);
    const attnorm_simd_f32_t vp1 = attnorm_exp_p5_f32(vt1);

    attnorm_simd_f32_t vmax_e0 = attnorm_max_f32(vacce0, vn0);
    attnorm_simd_f32_t vmax_e1 = attnorm_max_f32(vacce1, vn1);
    const attnorm_simd_f32_t vbias0 = attnorm_exp2_minus_bias_f32(vmax_e0);
    const attnorm_simd_f32_t vbias1 = attnorm_exp2_minus_bias_f32(vmax_e1);
    vaccv0 = attnorm_mul_exp2_f32(vaccv0, vacce0, vbias0);
    vaccv1 = attnorm_mul_exp2_f32(vaccv1, vacce1, vbias1);
    vaccv0 = attnorm_fmadd_exp2_f32(vp0, vn0, vbias0, vaccv0);
    vaccv1 = attnorm_fmadd_exp2_f32(vp1, vn1, vbias1, vaccv1);
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
  }
  {
    const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vacce1);
    const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
    vaccv0 = attnorm_add_f32(
      attnorm_mul_exp2_f32(vaccv0, vacce0, vbias),
      attnorm_mul_exp2_f32(vaccv1, vacce1, vbias));
    vacce0 = vmax_e;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vp = attnorm_exp_p5_f32(attnorm_extexp_reduce_f32(vz, &vexp, &vn));
  const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vn);
  const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
  vaccv0 = attnorm_fmadd_exp2_f32(vp, vn, vbias, attnorm_mul_exp2_f32(vaccv0, vacce0, vbias));
  vacce0 = vmax_e;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load x = -inf (mask 0), which
    // contributes nothing.
    attnorm_simd_f32_t vz = attnorm_load_tail_or_f32(input, batch / sizeof(float), attnorm_set1_f32(-INFINITY));

  attnorm_simd_f32_t vn;
  const attnorm_simd_f32_t vp = attnorm_exp_p5_f32(attnorm_extexp_reduce_f32(vz, &vexp, &vn));
  const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vn);
  const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
  vaccv0 = attnorm_fmadd_exp2_f32(vp, vn, vbias, attnorm_mul_exp2_f32(vaccv0, vacce0, vbias));
  vacce0 = vmax_e;
  }
  // Merge the lanes: rescale every v to the largest exponent, then add.
  float vmax_e = attnorm_reduce_max_f32(vacce0);
  float vsum = attnorm_reduce_add_f32(attnorm_mul_exp2_f32(vaccv0, vacce0, attnorm_exp2_minus_bias_f32(attnorm_set1_f32(vmax_e))));
  if (vmax_e < ATTNORM_EXTEXP_MASKED_EXPONENT) {
    // Only -inf z: a fully masked row; keep a NaN sum.
    vmax_e = ATTNORM_EXTEXP_MIN_EXPONENT;
    if (vsum == vsum) {
      vsum = 1.0f;
    }
  }
  sum[0] = vsum;
  sum[1] = vmax_e;
}
