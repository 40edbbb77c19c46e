// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxstore-attn/simd.c.in
//   Generator: scripts/families/f32-rmaxstore-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z computed once per element, stored, and its running maximum kept in 4 accumulator(s).
void attnorm_f32_rmaxstore_attn_ukernel__avx2_mask_u32_acc4(
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
  attnorm_simd_f32_t vmax2 = attnorm_set1_f32(-INFINITY);
  attnorm_simd_f32_t vmax3 = attnorm_set1_f32(-INFINITY);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    attnorm_simd_f32_t vz2 = attnorm_loadu_f32(input + 16);
    attnorm_simd_f32_t vz3 = attnorm_loadu_f32(input + 24);
    input += 32;
    const attnorm_simd_f32_t vm0 = attnorm_loadu_f32(mask + 0);
    const attnorm_simd_f32_t vm1 = attnorm_loadu_f32(mask + 8);
    const attnorm_simd_f32_t vm2 = attnorm_loadu_f32(mask + 16);
    const attnorm_simd_f32_t vm3 = attnorm_loadu_f32(mask + 24);
    mask += 32;

    vz0 = attnorm_fmadd_f32(vz0, vscale, attnorm_mul_f32(vm0, vslope));
    vz1 = attnorm_fmadd_f32(vz1, vscale, attnorm_mul_f32(vm1, vslope));
    vz2 = attnorm_fmadd_f32(vz2, vscale, attnorm_mul_f32(vm2, vslope));
    vz3 = attnorm_fmadd_f32(vz3, vscale, attnorm_mul_f32(vm3, vslope));

    attnorm_storeu_f32(output + 0, vz0);
    attnorm_storeu_f32(output + 8, vz1);
    attnorm_storeu_f32(output + 16, vz2);
    attnorm_storeu_f32(output + 24, vz3);
    output += 32;
    vmax0 = attnorm_max_f32(vmax0, vz0);
    vmax1 = attnorm_max_f32(vmax1, vz1);
    vmax2 = attnorm_max_f32(vmax2, vz2);
    vmax3 = attnorm_max_f32(vmax3, vz3);
  }
  vmax0 = attnorm_max_f32(vmax0, vmax1);
  vmax0 = attnorm_max_f32(vmax0, vmax2);
  vmax0 = attnorm_max_f32(vmax0, vmax3);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;
    const attnorm_simd_f32_t vm = attnorm_loadu_f32(mask);
    mask += 8;
  vz = attnorm_fmadd_f32(vz, vscale, attnorm_mul_f32(vm, vslope));
  attnorm_storeu_f32(output, vz);
  output += 8;
  vmax0 = attnorm_max_f32(vmax0, vz);
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row are neither stored nor counted.
    const size_t elements = batch / sizeof(float);
    attnorm_simd_f32_t vz = attnorm_load_tail_f32(input, elements);
    const attnorm_simd_f32_t vm = attnorm_load_tail_f32(mask, elements);
  vz = attnorm_fmadd_f32(vz, vscale, attnorm_mul_f32(vm, vslope));
  attnorm_store_tail_f32(output, vz, elements);
  vmax0 = attnorm_max_tail_f32(vmax0, vz, elements);
  }
  max[0] = attnorm_reduce_max_f32(vmax0);
}
