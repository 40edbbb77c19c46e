// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vsigmoid/simd.c.in
//   Generator: scripts/families/f32-vsigmoid.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"
#include "microkernels/simd/f32-scalar.h"

// z = scale * x + bias: the product of two floats is exact in double and the sum is rounded
// once there, then to float (baseline x86-64 has no FMA; fmaf() is a libm call).
static ATTNORM_INLINE float attnorm_vsigmoid_z_f32(float vx, float vscale, float vbias) {
  return (float) ((double) vx * (double) vscale + (double) vbias);
}

void attnorm_f32_vsigmoid_ukernel__scalar_rr2_p5_div_u4(
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
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 1);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 2);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 3);
    input += 4;

    const attnorm_simd_f32_t vy0 = attnorm_sigmoid_div_f32(attnorm_vsigmoid_z_f32(vx0, vscale, vbias));
    const attnorm_simd_f32_t vy1 = attnorm_sigmoid_div_f32(attnorm_vsigmoid_z_f32(vx1, vscale, vbias));
    const attnorm_simd_f32_t vy2 = attnorm_sigmoid_div_f32(attnorm_vsigmoid_z_f32(vx2, vscale, vbias));
    const attnorm_simd_f32_t vy3 = attnorm_sigmoid_div_f32(attnorm_vsigmoid_z_f32(vx3, vscale, vbias));

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 1, vy1);
    attnorm_storeu_f32(output + 2, vy2);
    attnorm_storeu_f32(output + 3, vy3);
    output += 4;
  }
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 1;
    attnorm_storeu_f32(output, attnorm_sigmoid_div_f32(attnorm_vsigmoid_z_f32(vx, vscale, vbias)));
    output += 1;
  }
}
