// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vlogstablemax/simd.c.in
//   Generator: scripts/families/f32-vlogstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"
#include "microkernels/simd/f32-avx2.h"

void attnorm_f32_vlogstablemax_ukernel__avx2_lut8_p4_u64(
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

    const attnorm_simd_f32_t vl0 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx0, vscale), vx0);
    const attnorm_simd_f32_t vl1 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx1, vscale), vx1);
    const attnorm_simd_f32_t vl2 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx2, vscale), vx2);
    const attnorm_simd_f32_t vl3 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx3, vscale), vx3);
    const attnorm_simd_f32_t vl4 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx4, vscale), vx4);
    const attnorm_simd_f32_t vl5 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx5, vscale), vx5);
    const attnorm_simd_f32_t vl6 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx6, vscale), vx6);
    const attnorm_simd_f32_t vl7 = attnorm_stablemax2_logs_f32(attnorm_stablemax2_m_f32(vx7, vscale), vx7);

    const attnorm_simd_f32_t vy0 = attnorm_add_f32(attnorm_add_f32(vl0, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy1 = attnorm_add_f32(attnorm_add_f32(vl1, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy2 = attnorm_add_f32(attnorm_add_f32(vl2, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy3 = attnorm_add_f32(attnorm_add_f32(vl3, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy4 = attnorm_add_f32(attnorm_add_f32(vl4, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy5 = attnorm_add_f32(attnorm_add_f32(vl5, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy6 = attnorm_add_f32(attnorm_add_f32(vl6, vaddend_hi), vaddend_lo);
    const attnorm_simd_f32_t vy7 = attnorm_add_f32(attnorm_add_f32(vl7, vaddend_hi), vaddend_lo);

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 8, vy1);
    attnorm_storeu_f32(output + 16, vy2);
    attnorm_storeu_f32(output + 24, vy3);
    attnorm_storeu_f32(output + 32, vy4);
    attnorm_storeu_f32(output + 40, vy5);
    attnorm_storeu_f32(output + 48, vy6);
    attnorm_storeu_f32(output + 56, vy7);
    output += 64;
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
