// Auto-generated file. Do not edit!
//   Template: microkernels/f32-logstablemax/simd.c.in
//   Generator: scripts/families/f32-logstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "microkernels/f32-logstablemax/f32-logstablemax.h"
#include "microkernels/simd/f32-avx2.h"

// LogStableMax of a row of up to 8 floats held in 1 registers (log s): one load per vector
// (masked for the partial vector), m = fma(|x|, scale, 1), s = m or 1 / m summed in
// 1 accumulator(s) (lanes past the row add nothing) and log s = +-log m computed at
// once (off the row's critical path: sum -> -log(sum) as hi + lo by the stablemax2 log core),
// then y = (log s + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row1(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vl0 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx));
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx), elements - 0);
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  const float sum = attnorm_reduce_add_f32(vacc0);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  attnorm_simd_f32_t vhi, vlo;
  attnorm_stablemax2_minus_log_hilo_f32(attnorm_set1_f32(sum), &vhi, &vlo);
  if (elements >= 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  return true;
}
// LogStableMax of a row of up to 16 floats held in 2 registers (log s): one load per vector
// (masked for the partial vector), m = fma(|x|, scale, 1), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing) and log s = +-log m computed at
// once (off the row's critical path: sum -> -log(sum) as hi + lo by the stablemax2 log core),
// then y = (log s + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row2(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vl0 = attnorm_zero_f32();
  attnorm_simd_f32_t vl1 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx));
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx), elements - 0);
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx));
    vl1 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 8, elements - 8);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx), elements - 8);
    vl1 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  const float sum = attnorm_reduce_add_f32(vacc0);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  attnorm_simd_f32_t vhi, vlo;
  attnorm_stablemax2_minus_log_hilo_f32(attnorm_set1_f32(sum), &vhi, &vlo);
  if (elements >= 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl1, vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl1, vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  return true;
}
// LogStableMax of a row of up to 32 floats held in 4 registers (log s): one load per vector
// (masked for the partial vector), m = fma(|x|, scale, 1), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing) and log s = +-log m computed at
// once (off the row's critical path: sum -> -log(sum) as hi + lo by the stablemax2 log core),
// then y = (log s + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row4(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vl0 = attnorm_zero_f32();
  attnorm_simd_f32_t vl1 = attnorm_zero_f32();
  attnorm_simd_f32_t vl2 = attnorm_zero_f32();
  attnorm_simd_f32_t vl3 = attnorm_zero_f32();
  if (elements >= 8) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx));
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 0, elements - 0);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx), elements - 0);
    vl0 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx));
    vl1 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 8, elements - 8);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx), elements - 8);
    vl1 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx));
    vl2 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 16, elements - 16);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm, vx), elements - 16);
    vl2 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input + 24);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx));
    vl3 = attnorm_stablemax2_logs_f32(vm, vx);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input + 24, elements - 24);
    const attnorm_simd_f32_t vm = attnorm_stablemax2_m_f32(vx, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm, vx), elements - 24);
    vl3 = attnorm_stablemax2_logs_f32(vm, vx);
  }
  vacc0 = attnorm_add_f32(vacc0, vacc1);
  const float sum = attnorm_reduce_add_f32(vacc0);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  attnorm_simd_f32_t vhi, vlo;
  attnorm_stablemax2_minus_log_hilo_f32(attnorm_set1_f32(sum), &vhi, &vlo);
  if (elements >= 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl0, vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl1, vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl1, vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl2, vhi), vlo);
    attnorm_storeu_f32(output + 16, vy);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl2, vhi), vlo);
    attnorm_store_tail_f32(output + 16, vy, elements - 16);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl3, vhi), vlo);
    attnorm_storeu_f32(output + 24, vy);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(vl3, vhi), vlo);
    attnorm_store_tail_f32(output + 24, vy, elements - 24);
  }
  return true;
}

bool attnorm_f32_logstablemax_ukernel__avx2_lut8_p4_u32(
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
    return logstablemax_row1(elements, input, output, params);
  }
  if (elements <= 16) {
    return logstablemax_row2(elements, input, output, params);
  }
  return logstablemax_row4(elements, input, output, params);
}
