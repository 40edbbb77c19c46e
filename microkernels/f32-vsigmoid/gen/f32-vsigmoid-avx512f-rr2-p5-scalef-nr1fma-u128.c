// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vsigmoid/simd.c.in
//   Generator: scripts/families/f32-vsigmoid.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"
#include "microkernels/simd/f32-avx512f.h"

// z = fma(x, scale, bias): rounded once.
static ATTNORM_INLINE attnorm_simd_f32_t attnorm_vsigmoid_z_f32(attnorm_simd_f32_t vx, attnorm_simd_f32_t vscale, attnorm_simd_f32_t vbias) {
  return attnorm_fmadd_f32(vx, vscale, vbias);
}

void attnorm_f32_vsigmoid_ukernel__avx512f_rr2_p5_scalef_nr1fma_u128(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_sigmoid_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vbias = attnorm_set1_f32(params->scalar.bias);
  for (; batch >= 128 * sizeof(float); batch -= 128 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 32);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 48);
    const attnorm_simd_f32_t vx4 = attnorm_loadu_f32(input + 64);
    const attnorm_simd_f32_t vx5 = attnorm_loadu_f32(input + 80);
    const attnorm_simd_f32_t vx6 = attnorm_loadu_f32(input + 96);
    const attnorm_simd_f32_t vx7 = attnorm_loadu_f32(input + 112);
    input += 128;

    const attnorm_simd_f32_t vy0 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx0, vscale, vbias));
    const attnorm_simd_f32_t vy1 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx1, vscale, vbias));
    const attnorm_simd_f32_t vy2 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx2, vscale, vbias));
    const attnorm_simd_f32_t vy3 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx3, vscale, vbias));
    const attnorm_simd_f32_t vy4 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx4, vscale, vbias));
    const attnorm_simd_f32_t vy5 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx5, vscale, vbias));
    const attnorm_simd_f32_t vy6 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx6, vscale, vbias));
    const attnorm_simd_f32_t vy7 = attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx7, vscale, vbias));

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 16, vy1);
    attnorm_storeu_f32(output + 32, vy2);
    attnorm_storeu_f32(output + 48, vy3);
    attnorm_storeu_f32(output + 64, vy4);
    attnorm_storeu_f32(output + 80, vy5);
    attnorm_storeu_f32(output + 96, vy6);
    attnorm_storeu_f32(output + 112, vy7);
    output += 128;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    attnorm_storeu_f32(output, attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx, vscale, vbias)));
    output += 16;
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    attnorm_store_tail_f32(output, attnorm_sigmoid_nr_f32(attnorm_vsigmoid_z_f32(vx, vscale, vbias)), elements);
  }
}
