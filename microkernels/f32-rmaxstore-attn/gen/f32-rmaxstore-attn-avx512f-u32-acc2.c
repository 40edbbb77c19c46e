// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxstore-attn/simd.c.in
//   Generator: scripts/families/f32-rmaxstore-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
#include "microkernels/simd/f32-avx512f.h"

// z computed once per element, stored, and its running maximum kept in 2 accumulator(s).
void attnorm_f32_rmaxstore_attn_ukernel__avx512f_u32_acc2(
    size_t batch,
    const float* input,
    const float* mask,
    float* output,
    float max[ATTNORM_MIN_ELEMENTS(1)],
    const struct attnorm_f32_attn_params* params)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  (void) mask;

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scale);

  attnorm_simd_f32_t vmax0 = attnorm_set1_f32(-INFINITY);
  attnorm_simd_f32_t vmax1 = attnorm_set1_f32(-INFINITY);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 16);
    input += 32;

    vz0 = attnorm_mul_f32(vz0, vscale);
    vz1 = attnorm_mul_f32(vz1, vscale);

    attnorm_storeu_f32(output + 0, vz0);
    attnorm_storeu_f32(output + 16, vz1);
    output += 32;
    vmax0 = attnorm_max_f32(vmax0, vz0);
    vmax1 = attnorm_max_f32(vmax1, vz1);
  }
  vmax0 = attnorm_max_f32(vmax0, vmax1);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 16;
  vz = attnorm_mul_f32(vz, vscale);
  attnorm_storeu_f32(output, vz);
  output += 16;
  vmax0 = attnorm_max_f32(vmax0, vz);
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row are neither stored nor counted.
    const size_t elements = batch / sizeof(float);
    attnorm_simd_f32_t vz = attnorm_load_tail_f32(input, elements);
  vz = attnorm_mul_f32(vz, vscale);
  attnorm_store_tail_f32(output, vz, elements);
  vmax0 = attnorm_max_tail_f32(vmax0, vz, elements);
  }
  max[0] = attnorm_reduce_max_f32(vmax0);
}
