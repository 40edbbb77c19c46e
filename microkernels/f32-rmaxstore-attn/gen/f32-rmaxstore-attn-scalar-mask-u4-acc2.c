// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxstore-attn/simd.c.in
//   Generator: scripts/families/f32-rmaxstore-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
#include "microkernels/simd/f32-scalar.h"

// z computed once per element, stored, and its running maximum kept in 2 accumulator(s).
void attnorm_f32_rmaxstore_attn_ukernel__scalar_mask_u4_acc2(
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
  assert(mask != NULL);

  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scale);
  const attnorm_simd_f32_t vslope = attnorm_set1_f32(params->slope);

  attnorm_simd_f32_t vmax0 = attnorm_set1_f32(-INFINITY);
  attnorm_simd_f32_t vmax1 = attnorm_set1_f32(-INFINITY);
  for (; batch >= 4 * sizeof(float); batch -= 4 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 1);
    attnorm_simd_f32_t vz2 = attnorm_loadu_f32(input + 2);
    attnorm_simd_f32_t vz3 = attnorm_loadu_f32(input + 3);
    input += 4;
    const attnorm_simd_f32_t vm0 = attnorm_loadu_f32(mask + 0);
    const attnorm_simd_f32_t vm1 = attnorm_loadu_f32(mask + 1);
    const attnorm_simd_f32_t vm2 = attnorm_loadu_f32(mask + 2);
    const attnorm_simd_f32_t vm3 = attnorm_loadu_f32(mask + 3);
    mask += 4;

    vz0 = attnorm_add_f32(attnorm_mul_f32(vz0, vscale), attnorm_mul_f32(vm0, vslope));
    vz1 = attnorm_add_f32(attnorm_mul_f32(vz1, vscale), attnorm_mul_f32(vm1, vslope));
    vz2 = attnorm_add_f32(attnorm_mul_f32(vz2, vscale), attnorm_mul_f32(vm2, vslope));
    vz3 = attnorm_add_f32(attnorm_mul_f32(vz3, vscale), attnorm_mul_f32(vm3, vslope));

    attnorm_storeu_f32(output + 0, vz0);
    attnorm_storeu_f32(output + 1, vz1);
    attnorm_storeu_f32(output + 2, vz2);
    attnorm_storeu_f32(output + 3, vz3);
    output += 4;
    vmax0 = attnorm_max_f32(vmax0, vz0);
    vmax1 = attnorm_max_f32(vmax1, vz1);
    vmax0 = attnorm_max_f32(vmax0, vz2);
    vmax1 = attnorm_max_f32(vmax1, vz3);
  }
  vmax0 = attnorm_max_f32(vmax0, vmax1);
  for (; batch >= 1 * sizeof(float); batch -= 1 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 1;
    const attnorm_simd_f32_t vm = attnorm_loadu_f32(mask);
    mask += 1;
  vz = attnorm_add_f32(attnorm_mul_f32(vz, vscale), attnorm_mul_f32(vm, vslope));
  attnorm_storeu_f32(output, vz);
  output += 1;
  vmax0 = attnorm_max_f32(vmax0, vz);
  }
  max[0] = attnorm_reduce_max_f32(vmax0);
}
