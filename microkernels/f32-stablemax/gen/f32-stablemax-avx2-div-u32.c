// Auto-generated file. Do not edit!
//   Template: microkernels/f32-stablemax/simd.c.in
//   Generator: scripts/families/f32-stablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "microkernels/simd/f32-avx2.h"

// StableMax of a row of up to 8 floats held in 1 registers: one load per vector (masked
// for the partial vector), s = m or 1 / m with m = fma(|x|, scale, 1), the sum by a tree over
// the vectors (lanes past the row hold +0), one multiply by fl(1 / sum) and one store per vector.
static ATTNORM_INLINE bool stablemax_row1(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vs0 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }

  const float sum = attnorm_reduce_add_f32(vs0);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const attnorm_simd_f32_t vinv_sum = attnorm_set1_f32(1.0f / sum);
  if (elements >= 8) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  return true;
}
// StableMax of a row of up to 16 floats held in 2 registers: one load per vector (masked
// for the partial vector), s = m or 1 / m with m = fma(|x|, scale, 1), the sum by a tree over
// the vectors (lanes past the row hold +0), one multiply by fl(1 / sum) and one store per vector.
static ATTNORM_INLINE bool stablemax_row2(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vs0 = attnorm_zero_f32();
  attnorm_simd_f32_t vs1 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 8);
    vs1 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 8, elements - 8);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs1 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 8);
  }

  attnorm_simd_f32_t vsum0_2 = attnorm_add_f32(vs0, vs1);
  const float sum = attnorm_reduce_add_f32(vsum0_2);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const attnorm_simd_f32_t vinv_sum = attnorm_set1_f32(1.0f / sum);
  if (elements >= 8) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  if (elements >= 16) {
    attnorm_storeu_f32(output + 8, attnorm_mul_f32(vs1, vinv_sum));
  } else if (elements > 8) {
    attnorm_store_tail_f32(output + 8, attnorm_mul_f32(vs1, vinv_sum), elements - 8);
  }
  return true;
}
// StableMax of a row of up to 32 floats held in 4 registers: one load per vector (masked
// for the partial vector), s = m or 1 / m with m = fma(|x|, scale, 1), the sum by a tree over
// the vectors (lanes past the row hold +0), one multiply by fl(1 / sum) and one store per vector.
static ATTNORM_INLINE bool stablemax_row4(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vs0 = attnorm_zero_f32();
  attnorm_simd_f32_t vs1 = attnorm_zero_f32();
  attnorm_simd_f32_t vs2 = attnorm_zero_f32();
  attnorm_simd_f32_t vs3 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 8);
    vs1 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 8, elements - 8);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs1 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 8);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 16);
    vs2 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 16, elements - 16);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs2 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 16);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 24);
    vs3 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 24, elements - 24);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs3 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 24);
  }

  attnorm_simd_f32_t vsum0_2 = attnorm_add_f32(vs0, vs1);
  attnorm_simd_f32_t vsum2_2 = attnorm_add_f32(vs2, vs3);
  attnorm_simd_f32_t vsum0_4 = attnorm_add_f32(vsum0_2, vsum2_2);
  const float sum = attnorm_reduce_add_f32(vsum0_4);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const attnorm_simd_f32_t vinv_sum = attnorm_set1_f32(1.0f / sum);
  if (elements >= 8) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  if (elements >= 16) {
    attnorm_storeu_f32(output + 8, attnorm_mul_f32(vs1, vinv_sum));
  } else if (elements > 8) {
    attnorm_store_tail_f32(output + 8, attnorm_mul_f32(vs1, vinv_sum), elements - 8);
  }
  if (elements >= 24) {
    attnorm_storeu_f32(output + 16, attnorm_mul_f32(vs2, vinv_sum));
  } else if (elements > 16) {
    attnorm_store_tail_f32(output + 16, attnorm_mul_f32(vs2, vinv_sum), elements - 16);
  }
  if (elements >= 32) {
    attnorm_storeu_f32(output + 24, attnorm_mul_f32(vs3, vinv_sum));
  } else if (elements > 24) {
    attnorm_store_tail_f32(output + 24, attnorm_mul_f32(vs3, vinv_sum), elements - 24);
  }
  return true;
}

bool attnorm_f32_stablemax_ukernel__avx2_div_u32(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 32 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  if (elements <= 8) {
    return stablemax_row1(elements, input, output, params);
  }
  if (elements <= 16) {
    return stablemax_row2(elements, input, output, params);
  }
  return stablemax_row4(elements, input, output, params);
}
