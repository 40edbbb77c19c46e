// Auto-generated file. Do not edit!
//   Template: microkernels/f32-stablemax/simd.c.in
//   Generator: scripts/families/f32-stablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "microkernels/simd/f32-avx512f.h"

// StableMax of a row of up to 16 floats held in 1 registers: one load per vector (masked
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
  if (elements >= 16) {
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
  if (elements >= 16) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  return true;
}
// StableMax of a row of up to 32 floats held in 2 registers: one load per vector (masked
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
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 16);
    vs1 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 16, elements - 16);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs1 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 16);
  }

  attnorm_simd_f32_t vsum0_2 = attnorm_add_f32(vs0, vs1);
  const float sum = attnorm_reduce_add_f32(vsum0_2);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const attnorm_simd_f32_t vinv_sum = attnorm_set1_f32(1.0f / sum);
  if (elements >= 16) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  if (elements >= 32) {
    attnorm_storeu_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum));
  } else if (elements > 16) {
    attnorm_store_tail_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum), elements - 16);
  }
  return true;
}
// StableMax of a row of up to 64 floats held in 4 registers: one load per vector (masked
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
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 16);
    vs1 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 16, elements - 16);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs1 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 16);
  }
  if (elements >= 48) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 32);
    vs2 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 32) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 32, elements - 32);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs2 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 32);
  }
  if (elements >= 64) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 48);
    vs3 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 48) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 48, elements - 48);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs3 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 48);
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
  if (elements >= 16) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  if (elements >= 32) {
    attnorm_storeu_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum));
  } else if (elements > 16) {
    attnorm_store_tail_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum), elements - 16);
  }
  if (elements >= 48) {
    attnorm_storeu_f32(output + 32, attnorm_mul_f32(vs2, vinv_sum));
  } else if (elements > 32) {
    attnorm_store_tail_f32(output + 32, attnorm_mul_f32(vs2, vinv_sum), elements - 32);
  }
  if (elements >= 64) {
    attnorm_storeu_f32(output + 48, attnorm_mul_f32(vs3, vinv_sum));
  } else if (elements > 48) {
    attnorm_store_tail_f32(output + 48, attnorm_mul_f32(vs3, vinv_sum), elements - 48);
  }
  return true;
}
// StableMax of a row of up to 128 floats held in 8 registers: one load per vector (masked
// for the partial vector), s = m or 1 / m with m = fma(|x|, scale, 1), the sum by a tree over
// the vectors (lanes past the row hold +0), one multiply by fl(1 / sum) and one store per vector.
static ATTNORM_INLINE bool stablemax_row8(
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
  attnorm_simd_f32_t vs4 = attnorm_zero_f32();
  attnorm_simd_f32_t vs5 = attnorm_zero_f32();
  attnorm_simd_f32_t vs6 = attnorm_zero_f32();
  attnorm_simd_f32_t vs7 = attnorm_zero_f32();
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    vs0 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs0 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 0);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 16);
    vs1 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 16, elements - 16);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs1 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 16);
  }
  if (elements >= 48) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 32);
    vs2 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 32) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 32, elements - 32);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs2 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 32);
  }
  if (elements >= 64) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 48);
    vs3 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 48) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 48, elements - 48);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs3 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 48);
  }
  if (elements >= 80) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 64);
    vs4 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 64) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 64, elements - 64);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs4 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 64);
  }
  if (elements >= 96) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 80);
    vs5 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 80) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 80, elements - 80);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs5 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 80);
  }
  if (elements >= 112) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 96);
    vs6 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 96) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 96, elements - 96);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs6 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 96);
  }
  if (elements >= 128) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 112);
    vs7 = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  } else if (elements > 112) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 112, elements - 112);
    const attnorm_simd_f32_t vs = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
    vs7 = attnorm_add_tail_f32(attnorm_zero_f32(), vs, elements - 112);
  }

  attnorm_simd_f32_t vsum0_2 = attnorm_add_f32(vs0, vs1);
  attnorm_simd_f32_t vsum2_2 = attnorm_add_f32(vs2, vs3);
  attnorm_simd_f32_t vsum4_2 = attnorm_add_f32(vs4, vs5);
  attnorm_simd_f32_t vsum6_2 = attnorm_add_f32(vs6, vs7);
  attnorm_simd_f32_t vsum0_4 = attnorm_add_f32(vsum0_2, vsum2_2);
  attnorm_simd_f32_t vsum4_4 = attnorm_add_f32(vsum4_2, vsum6_2);
  attnorm_simd_f32_t vsum0_8 = attnorm_add_f32(vsum0_4, vsum4_4);
  const float sum = attnorm_reduce_add_f32(vsum0_8);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const attnorm_simd_f32_t vinv_sum = attnorm_set1_f32(1.0f / sum);
  if (elements >= 16) {
    attnorm_storeu_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum));
  } else if (elements > 0) {
    attnorm_store_tail_f32(output + 0, attnorm_mul_f32(vs0, vinv_sum), elements - 0);
  }
  if (elements >= 32) {
    attnorm_storeu_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum));
  } else if (elements > 16) {
    attnorm_store_tail_f32(output + 16, attnorm_mul_f32(vs1, vinv_sum), elements - 16);
  }
  if (elements >= 48) {
    attnorm_storeu_f32(output + 32, attnorm_mul_f32(vs2, vinv_sum));
  } else if (elements > 32) {
    attnorm_store_tail_f32(output + 32, attnorm_mul_f32(vs2, vinv_sum), elements - 32);
  }
  if (elements >= 64) {
    attnorm_storeu_f32(output + 48, attnorm_mul_f32(vs3, vinv_sum));
  } else if (elements > 48) {
    attnorm_store_tail_f32(output + 48, attnorm_mul_f32(vs3, vinv_sum), elements - 48);
  }
  if (elements >= 80) {
    attnorm_storeu_f32(output + 64, attnorm_mul_f32(vs4, vinv_sum));
  } else if (elements > 64) {
    attnorm_store_tail_f32(output + 64, attnorm_mul_f32(vs4, vinv_sum), elements - 64);
  }
  if (elements >= 96) {
    attnorm_storeu_f32(output + 80, attnorm_mul_f32(vs5, vinv_sum));
  } else if (elements > 80) {
    attnorm_store_tail_f32(output + 80, attnorm_mul_f32(vs5, vinv_sum), elements - 80);
  }
  if (elements >= 112) {
    attnorm_storeu_f32(output + 96, attnorm_mul_f32(vs6, vinv_sum));
  } else if (elements > 96) {
    attnorm_store_tail_f32(output + 96, attnorm_mul_f32(vs6, vinv_sum), elements - 96);
  }
  if (elements >= 128) {
    attnorm_storeu_f32(output + 112, attnorm_mul_f32(vs7, vinv_sum));
  } else if (elements > 112) {
    attnorm_store_tail_f32(output + 112, attnorm_mul_f32(vs7, vinv_sum), elements - 112);
  }
  return true;
}

bool attnorm_f32_stablemax_ukernel__avx512f_div_u128(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 128 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  if (elements <= 16) {
    return stablemax_row1(elements, input, output, params);
  }
  if (elements <= 32) {
    return stablemax_row2(elements, input, output, params);
  }
  if (elements <= 64) {
    return stablemax_row4(elements, input, output, params);
  }
  return stablemax_row8(elements, input, output, params);
}
