// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxstore-attn/simd.c.in
//   Generator: scripts/families/f32-rmaxstore-attn.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
#include "microkernels/simd/f32-avx2.h"

// z computed once per element, stored, and its running maximum kept in 2 accumulator(s).
void attnorm_f32_rmaxstore_attn_ukernel__avx2_softcap_u32_acc2(
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

  const attnorm_simd_f32_t vsoftcap_inv = attnorm_set1_f32(params->softcap_inv);
  const attnorm_simd_f32_t vsoftcap = attnorm_set1_f32(params->softcap);

  attnorm_simd_f32_t vmax0 = attnorm_set1_f32(-INFINITY);
  attnorm_simd_f32_t vmax1 = attnorm_set1_f32(-INFINITY);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    attnorm_simd_f32_t vz0 = attnorm_loadu_f32(input + 0);
    attnorm_simd_f32_t vz1 = attnorm_loadu_f32(input + 8);
    attnorm_simd_f32_t vz2 = attnorm_loadu_f32(input + 16);
    attnorm_simd_f32_t vz3 = attnorm_loadu_f32(input + 24);
    input += 32;

    vz0 = attnorm_softcap_f32(vz0, vsoftcap_inv, vsoftcap);
    vz1 = attnorm_softcap_f32(vz1, vsoftcap_inv, vsoftcap);
    vz2 = attnorm_softcap_f32(vz2, vsoftcap_inv, vsoftcap);
    vz3 = attnorm_softcap_f32(vz3, vsoftcap_inv, vsoftcap);

    attnorm_storeu_f32(output + 0, vz0);
    attnorm_storeu_f32(output + 8, vz1);
    attnorm_storeu_f32(output + 16, vz2);
    attnorm_storeu_f32(output + 24, vz3);
    output += 32;
    vmax0 = attnorm_max_f32(vmax0, vz0);
    vmax1 = attnorm_max_f32(vmax1, vz1);
    vmax0 = attnorm_max_f32(vmax0, vz2);
    vmax1 = attnorm_max_f32(vmax1, vz3);
  }
  vmax0 = attnorm_max_f32(vmax0, vmax1);
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    attnorm_simd_f32_t vz = attnorm_loadu_f32(input);
    input += 8;
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);
  attnorm_storeu_f32(output, vz);
  output += 8;
  vmax0 = attnorm_max_f32(vmax0, vz);
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row are neither stored nor counted.
    const size_t elements = batch / sizeof(float);
    attnorm_simd_f32_t vz = attnorm_load_tail_f32(input, elements);
  vz = attnorm_softcap_f32(vz, vsoftcap_inv, vsoftcap);
  attnorm_store_tail_f32(output, vz, elements);
  vmax0 = attnorm_max_tail_f32(vmax0, vz, elements);
  }
  max[0] = attnorm_reduce_max_f32(vmax0);
}
