// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/simd.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscale/f32-vscale.h"
#include "microkernels/simd/f32-avx2.h"

void attnorm_f32_vscale_ukernel__avx2_u8(
    size_t batch,
    const float* input,
    float* output,
    float scale)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(scale);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;

    attnorm_storeu_f32(output, attnorm_mul_f32(vx, vscale));
    output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    attnorm_store_tail_f32(output, attnorm_mul_f32(vx, vscale), elements);
  }
}
