// Auto-generated file. Do not edit!
//   Template: microkernels/f32-raddextexp/simd-p5.c.in
//   Generator: scripts/families/f32-raddextexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"
#include "microkernels/simd/f32-avx2.h"

// Each term exp(s*x) = p * 2^n (attnorm_extexp_reduce_f32, p = p5(t)); each accumulator is a
// (v, e) pair per lane meaning v * 2^e. A group of terms is added by taking e' = max(e, n...),
// rescaling v by 2^(e - e') and adding every p * 2^(n - e') (exact power-of-two scalings, +0
// far below), so v stays below elements * 1.42 and nothing overflows or underflows.
void attnorm_f32_raddextexp_ukernel__avx2_p5_u64_acc2(
    size_t batch,
    const float* input,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(sum != NULL);

  const struct attnorm_extexp_f32 vexp = attnorm_extexp_init_f32(params);

  attnorm_simd_f32_t vaccv0 = attnorm_zero_f32();
  attnorm_simd_f32_t vaccv1 = attnorm_zero_f32();
  attnorm_simd_f32_t vacce0 = attnorm_set1_f32(ATTNORM_EXTEXP_MIN_EXPONENT);
  attnorm_simd_f32_t vacce1 = attnorm_set1_f32(ATTNORM_EXTEXP_MIN_EXPONENT);
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
    const attnorm_simd_f32_t vp0 = attnorm_exp_p5_f32(vt0);
    const attnorm_simd_f32_t vp1 = attnorm_exp_p5_f32(vt1);
    const attnorm_simd_f32_t vp2 = attnorm_exp_p5_f32(vt2);
    const attnorm_simd_f32_t vp3 = attnorm_exp_p5_f32(vt3);
    const attnorm_simd_f32_t vp4 = attnorm_exp_p5_f32(vt4);
    const attnorm_simd_f32_t vp5 = attnorm_exp_p5_f32(vt5);
    const attnorm_simd_f32_t vp6 = attnorm_exp_p5_f32(vt6);
    const attnorm_simd_f32_t vp7 = attnorm_exp_p5_f32(vt7);

    attnorm_simd_f32_t vmax_e0 = attnorm_max_f32(vacce0, vn0);
    attnorm_simd_f32_t vmax_e1 = attnorm_max_f32(vacce1, vn1);
    vmax_e0 = attnorm_max_f32(vmax_e0, vn2);
    vmax_e1 = attnorm_max_f32(vmax_e1, vn3);
    vmax_e0 = attnorm_max_f32(vmax_e0, vn4);
    vmax_e1 = attnorm_max_f32(vmax_e1, vn5);
    vmax_e0 = attnorm_max_f32(vmax_e0, vn6);
    vmax_e1 = attnorm_max_f32(vmax_e1, vn7);
    const attnorm_simd_f32_t vbias0 = attnorm_exp2_minus_bias_f32(vmax_e0);
    const attnorm_simd_f32_t vbias1 = attnorm_exp2_minus_bias_f32(vmax_e1);
    vaccv0 = attnorm_mul_exp2_f32(vaccv0, vacce0, vbias0);
    vaccv1 = attnorm_mul_exp2_f32(vaccv1, vacce1, vbias1);
    vaccv0 = attnorm_fmadd_exp2_f32(vp0, vn0, vbias0, vaccv0);
    vaccv1 = attnorm_fmadd_exp2_f32(vp1, vn1, vbias1, vaccv1);
    vaccv0 = attnorm_fmadd_exp2_f32(vp2, vn2, vbias0, vaccv0);
    vaccv1 = attnorm_fmadd_exp2_f32(vp3, vn3, vbias1, vaccv1);
    vaccv0 = attnorm_fmadd_exp2_f32(vp4, vn4, vbias0, vaccv0);
    vaccv1 = attnorm_fmadd_exp2_f32(vp5, vn5, vbias1, vaccv1);
    vaccv0 = attnorm_fmadd_exp2_f32(vp6, vn6, vbias0, vaccv0);
    vaccv1 = attnorm_fmadd_exp2_f32(vp7, vn7, vbias1, vaccv1);
    vacce0 = vmax_e0;
    vacce1 = vmax_e1;
  }
  // Merge the accumulators pairwise the same way: rescale both to the larger exponent, add.
  {
    const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vacce1);
    const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
    vaccv0 = attnorm_add_f32(
      attnorm_mul_exp2_f32(vaccv0, vacce0, vbias),
      attnorm_mul_exp2_f32(vaccv1, vacce1, vbias));
    vacce0 = vmax_e;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;

    attnorm_simd_f32_t vn;
    const attnorm_simd_f32_t vp = attnorm_exp_p5_f32(attnorm_extexp_reduce_f32(vx, &vexp, &vn));
    const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vn);
    const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
    vaccv0 = attnorm_fmadd_exp2_f32(vp, vn, vbias, attnorm_mul_exp2_f32(vaccv0, vacce0, vbias));
    vacce0 = vmax_e;
  }
  if (batch != 0) {
    // The last 1..7 elements; lanes past the row load -inf, which contributes nothing
    // next to any finite term (and counts as -inf for a row of only -inf).
    const attnorm_simd_f32_t vx = attnorm_load_tail_or_f32(input, batch / sizeof(float), attnorm_set1_f32(-INFINITY));

    attnorm_simd_f32_t vn;
    const attnorm_simd_f32_t vp = attnorm_exp_p5_f32(attnorm_extexp_reduce_f32(vx, &vexp, &vn));
    const attnorm_simd_f32_t vmax_e = attnorm_max_f32(vacce0, vn);
    const attnorm_simd_f32_t vbias = attnorm_exp2_minus_bias_f32(vmax_e);
    vaccv0 = attnorm_fmadd_exp2_f32(vp, vn, vbias, attnorm_mul_exp2_f32(vaccv0, vacce0, vbias));
    vacce0 = vmax_e;
  }
  // Merge the lanes: rescale every v to the largest exponent, then add.
  float vmax_e = attnorm_reduce_max_f32(vacce0);
  float vsum = attnorm_reduce_add_f32(attnorm_mul_exp2_f32(vaccv0, vacce0, attnorm_exp2_minus_bias_f32(attnorm_set1_f32(vmax_e))));
  if (vmax_e < ATTNORM_EXTEXP_MASKED_EXPONENT) {
    // Only -inf (clamped to attnorm_f32_extexp_min_input): a fully masked row, as the contract
    // says; keep a NaN sum.
    vmax_e = ATTNORM_EXTEXP_MIN_EXPONENT;
    if (vsum == vsum) {
      vsum = 1.0f;
    }
  }
  sum[0] = vsum;
  sum[1] = vmax_e;
}
