// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vlogstablemax/simd.c.in
//   Generator: scripts/families/f32-vlogstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"
#include "microkernels/simd/f32-avx2.h"

void attnorm_f32_vlogstablemax_ukernel__avx2_lut8_p4_u16(
    size_t batch,
    const float* input,
    float* output,
    float addend_hi,
    float addend_lo,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  // y = (log s + addend_hi) + addend_lo, addend = addend_hi + addend_lo = -log(sum s) to ~2^-48.
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  const attnorm_simd_f32_t vaddend_hi = attnorm_set1_f32(addend_hi);
  const attnorm_simd_f32_t vaddend_lo = attnorm_set1_f32(addend_lo);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    input += 16;

    const attnorm_simd_f32_t vl0 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx0, vscale), vx0);
    const attnorm_simd_f32_t vl1 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx1, vscale), vx1);

    const attnorm_simd_f32_t vy0 = attnorm_add_f32(attnorm_add_f32(vl0, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy1 = attnorm_add_f32(attnorm_add_f32(vl1, vaddend_hi), vaddend_lo);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    output += 16;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;
    const attnorm_simd_f32_t vl = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    attnorm_storeu_f32(output, attnorm_add_f32(attnorm_add_f32(vl, vaddend_hi), vaddend_lo));
    output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    const attnorm_simd_f32_t vl = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    attnorm_store_tail_f32(output, attnorm_add_f32(attnorm_add_f32(vl, vaddend_hi), vaddend_lo), elements);
  }
}
