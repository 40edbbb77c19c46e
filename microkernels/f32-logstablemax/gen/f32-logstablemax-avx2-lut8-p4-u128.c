// Auto-generated file. Do not edit!
//   Template: microkernels/f32-logstablemax/simd.c.in
//   Generator: scripts/families/f32-logstablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "microkernels/f32-logstablemax/f32-logstablemax.h"
#include "microkernels/simd/f32-avx2.h"

// LogStableMax of a row of up to 8 floats held in 1 registers (x and m = fma(|x|, scale, 1)):
// one load per vector (masked for the partial vector), s = m or 1 / m summed in
// 1 accumulator(s) (lanes past the row add nothing), -log(sum) as hi + lo by the
// stablemax2 log core, then y = (+-log m + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row1(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vx0 = attnorm_zero_f32();
  attnorm_simd_f32_t vm0 = attnorm_set1_f32(1.0f);
  if (elements >= 8) {
    vx0 = attnorm_loadu_f32(input + 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0));
  } else if (elements > 0) {
    vx0 = attnorm_load_tail_f32(input + 0, elements - 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0), elements - 0);
  }
  const float sum = attnorm_reduce_add_f32(vacc0);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  attnorm_simd_f32_t vhi, vlo;
  attnorm_stablemax2_minus_log_hilo_f32(attnorm_set1_f32(sum), &vhi, &vlo);
  if (elements >= 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  return true;
}
// LogStableMax of a row of up to 16 floats held in 2 registers (x and m = fma(|x|, scale, 1)):
// one load per vector (masked for the partial vector), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing), -log(sum) as hi + lo by the
// stablemax2 log core, then y = (+-log m + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row2(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vx0 = attnorm_zero_f32();
  attnorm_simd_f32_t vm0 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx1 = attnorm_zero_f32();
  attnorm_simd_f32_t vm1 = attnorm_set1_f32(1.0f);
  if (elements >= 8) {
    vx0 = attnorm_loadu_f32(input + 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0));
  } else if (elements > 0) {
    vx0 = attnorm_load_tail_f32(input + 0, elements - 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0), elements - 0);
  }
  if (elements >= 16) {
    vx1 = attnorm_loadu_f32(input + 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1));
  } else if (elements > 8) {
    vx1 = attnorm_load_tail_f32(input + 8, elements - 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1), elements - 8);
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
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  return true;
}
// LogStableMax of a row of up to 32 floats held in 4 registers (x and m = fma(|x|, scale, 1)):
// one load per vector (masked for the partial vector), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing), -log(sum) as hi + lo by the
// stablemax2 log core, then y = (+-log m + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row4(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vx0 = attnorm_zero_f32();
  attnorm_simd_f32_t vm0 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx1 = attnorm_zero_f32();
  attnorm_simd_f32_t vm1 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx2 = attnorm_zero_f32();
  attnorm_simd_f32_t vm2 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx3 = attnorm_zero_f32();
  attnorm_simd_f32_t vm3 = attnorm_set1_f32(1.0f);
  if (elements >= 8) {
    vx0 = attnorm_loadu_f32(input + 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0));
  } else if (elements > 0) {
    vx0 = attnorm_load_tail_f32(input + 0, elements - 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0), elements - 0);
  }
  if (elements >= 16) {
    vx1 = attnorm_loadu_f32(input + 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1));
  } else if (elements > 8) {
    vx1 = attnorm_load_tail_f32(input + 8, elements - 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1), elements - 8);
  }
  if (elements >= 24) {
    vx2 = attnorm_loadu_f32(input + 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2));
  } else if (elements > 16) {
    vx2 = attnorm_load_tail_f32(input + 16, elements - 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2), elements - 16);
  }
  if (elements >= 32) {
    vx3 = attnorm_loadu_f32(input + 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3));
  } else if (elements > 24) {
    vx3 = attnorm_load_tail_f32(input + 24, elements - 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3), elements - 24);
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
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_storeu_f32(output + 16, vy);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_store_tail_f32(output + 16, vy, elements - 16);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_storeu_f32(output + 24, vy);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_store_tail_f32(output + 24, vy, elements - 24);
  }
  return true;
}
// LogStableMax of a row of up to 64 floats held in 8 registers (x and m = fma(|x|, scale, 1)):
// one load per vector (masked for the partial vector), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing), -log(sum) as hi + lo by the
// stablemax2 log core, then y = (+-log m + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row8(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vx0 = attnorm_zero_f32();
  attnorm_simd_f32_t vm0 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx1 = attnorm_zero_f32();
  attnorm_simd_f32_t vm1 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx2 = attnorm_zero_f32();
  attnorm_simd_f32_t vm2 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx3 = attnorm_zero_f32();
  attnorm_simd_f32_t vm3 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx4 = attnorm_zero_f32();
  attnorm_simd_f32_t vm4 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx5 = attnorm_zero_f32();
  attnorm_simd_f32_t vm5 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx6 = attnorm_zero_f32();
  attnorm_simd_f32_t vm6 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx7 = attnorm_zero_f32();
  attnorm_simd_f32_t vm7 = attnorm_set1_f32(1.0f);
  if (elements >= 8) {
    vx0 = attnorm_loadu_f32(input + 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0));
  } else if (elements > 0) {
    vx0 = attnorm_load_tail_f32(input + 0, elements - 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0), elements - 0);
  }
  if (elements >= 16) {
    vx1 = attnorm_loadu_f32(input + 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1));
  } else if (elements > 8) {
    vx1 = attnorm_load_tail_f32(input + 8, elements - 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1), elements - 8);
  }
  if (elements >= 24) {
    vx2 = attnorm_loadu_f32(input + 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2));
  } else if (elements > 16) {
    vx2 = attnorm_load_tail_f32(input + 16, elements - 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2), elements - 16);
  }
  if (elements >= 32) {
    vx3 = attnorm_loadu_f32(input + 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3));
  } else if (elements > 24) {
    vx3 = attnorm_load_tail_f32(input + 24, elements - 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3), elements - 24);
  }
  if (elements >= 40) {
    vx4 = attnorm_loadu_f32(input + 32);
    vm4 = attnorm_stablemax2_m_f32(vx4, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm4, vx4));
  } else if (elements > 32) {
    vx4 = attnorm_load_tail_f32(input + 32, elements - 32);
    vm4 = attnorm_stablemax2_m_f32(vx4, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm4, vx4), elements - 32);
  }
  if (elements >= 48) {
    vx5 = attnorm_loadu_f32(input + 40);
    vm5 = attnorm_stablemax2_m_f32(vx5, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm5, vx5));
  } else if (elements > 40) {
    vx5 = attnorm_load_tail_f32(input + 40, elements - 40);
    vm5 = attnorm_stablemax2_m_f32(vx5, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm5, vx5), elements - 40);
  }
  if (elements >= 56) {
    vx6 = attnorm_loadu_f32(input + 48);
    vm6 = attnorm_stablemax2_m_f32(vx6, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm6, vx6));
  } else if (elements > 48) {
    vx6 = attnorm_load_tail_f32(input + 48, elements - 48);
    vm6 = attnorm_stablemax2_m_f32(vx6, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm6, vx6), elements - 48);
  }
  if (elements >= 64) {
    vx7 = attnorm_loadu_f32(input + 56);
    vm7 = attnorm_stablemax2_m_f32(vx7, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm7, vx7));
  } else if (elements > 56) {
    vx7 = attnorm_load_tail_f32(input + 56, elements - 56);
    vm7 = attnorm_stablemax2_m_f32(vx7, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm7, vx7), elements - 56);
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
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_storeu_f32(output + 16, vy);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_store_tail_f32(output + 16, vy, elements - 16);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_storeu_f32(output + 24, vy);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_store_tail_f32(output + 24, vy, elements - 24);
  }
  if (elements >= 40) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm4, vx4), vhi), vlo);
    attnorm_storeu_f32(output + 32, vy);
  } else if (elements > 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm4, vx4), vhi), vlo);
    attnorm_store_tail_f32(output + 32, vy, elements - 32);
  }
  if (elements >= 48) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm5, vx5), vhi), vlo);
    attnorm_storeu_f32(output + 40, vy);
  } else if (elements > 40) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm5, vx5), vhi), vlo);
    attnorm_store_tail_f32(output + 40, vy, elements - 40);
  }
  if (elements >= 56) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm6, vx6), vhi), vlo);
    attnorm_storeu_f32(output + 48, vy);
  } else if (elements > 48) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm6, vx6), vhi), vlo);
    attnorm_store_tail_f32(output + 48, vy, elements - 48);
  }
  if (elements >= 64) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm7, vx7), vhi), vlo);
    attnorm_storeu_f32(output + 56, vy);
  } else if (elements > 56) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm7, vx7), vhi), vlo);
    attnorm_store_tail_f32(output + 56, vy, elements - 56);
  }
  return true;
}
// LogStableMax of a row of up to 128 floats held in 16 registers (x and m = fma(|x|, scale, 1)):
// one load per vector (masked for the partial vector), s = m or 1 / m summed in
// 2 accumulator(s) (lanes past the row add nothing), -log(sum) as hi + lo by the
// stablemax2 log core, then y = (+-log m + hi) + lo and one store per vector.
static ATTNORM_INLINE bool logstablemax_row16(
    size_t elements,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  const attnorm_simd_f32_t vscale = attnorm_set1_f32(params->scalar.scale);
  attnorm_simd_f32_t vacc0 = attnorm_zero_f32();
  attnorm_simd_f32_t vacc1 = attnorm_zero_f32();
  attnorm_simd_f32_t vx0 = attnorm_zero_f32();
  attnorm_simd_f32_t vm0 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx1 = attnorm_zero_f32();
  attnorm_simd_f32_t vm1 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx2 = attnorm_zero_f32();
  attnorm_simd_f32_t vm2 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx3 = attnorm_zero_f32();
  attnorm_simd_f32_t vm3 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx4 = attnorm_zero_f32();
  attnorm_simd_f32_t vm4 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx5 = attnorm_zero_f32();
  attnorm_simd_f32_t vm5 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx6 = attnorm_zero_f32();
  attnorm_simd_f32_t vm6 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx7 = attnorm_zero_f32();
  attnorm_simd_f32_t vm7 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx8 = attnorm_zero_f32();
  attnorm_simd_f32_t vm8 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx9 = attnorm_zero_f32();
  attnorm_simd_f32_t vm9 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx10 = attnorm_zero_f32();
  attnorm_simd_f32_t vm10 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx11 = attnorm_zero_f32();
  attnorm_simd_f32_t vm11 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx12 = attnorm_zero_f32();
  attnorm_simd_f32_t vm12 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx13 = attnorm_zero_f32();
  attnorm_simd_f32_t vm13 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx14 = attnorm_zero_f32();
  attnorm_simd_f32_t vm14 = attnorm_set1_f32(1.0f);
  attnorm_simd_f32_t vx15 = attnorm_zero_f32();
  attnorm_simd_f32_t vm15 = attnorm_set1_f32(1.0f);
  if (elements >= 8) {
    vx0 = attnorm_loadu_f32(input + 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0));
  } else if (elements > 0) {
    vx0 = attnorm_load_tail_f32(input + 0, elements - 0);
    vm0 = attnorm_stablemax2_m_f32(vx0, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm0, vx0), elements - 0);
  }
  if (elements >= 16) {
    vx1 = attnorm_loadu_f32(input + 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1));
  } else if (elements > 8) {
    vx1 = attnorm_load_tail_f32(input + 8, elements - 8);
    vm1 = attnorm_stablemax2_m_f32(vx1, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm1, vx1), elements - 8);
  }
  if (elements >= 24) {
    vx2 = attnorm_loadu_f32(input + 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2));
  } else if (elements > 16) {
    vx2 = attnorm_load_tail_f32(input + 16, elements - 16);
    vm2 = attnorm_stablemax2_m_f32(vx2, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm2, vx2), elements - 16);
  }
  if (elements >= 32) {
    vx3 = attnorm_loadu_f32(input + 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3));
  } else if (elements > 24) {
    vx3 = attnorm_load_tail_f32(input + 24, elements - 24);
    vm3 = attnorm_stablemax2_m_f32(vx3, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm3, vx3), elements - 24);
  }
  if (elements >= 40) {
    vx4 = attnorm_loadu_f32(input + 32);
    vm4 = attnorm_stablemax2_m_f32(vx4, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm4, vx4));
  } else if (elements > 32) {
    vx4 = attnorm_load_tail_f32(input + 32, elements - 32);
    vm4 = attnorm_stablemax2_m_f32(vx4, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm4, vx4), elements - 32);
  }
  if (elements >= 48) {
    vx5 = attnorm_loadu_f32(input + 40);
    vm5 = attnorm_stablemax2_m_f32(vx5, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm5, vx5));
  } else if (elements > 40) {
    vx5 = attnorm_load_tail_f32(input + 40, elements - 40);
    vm5 = attnorm_stablemax2_m_f32(vx5, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm5, vx5), elements - 40);
  }
  if (elements >= 56) {
    vx6 = attnorm_loadu_f32(input + 48);
    vm6 = attnorm_stablemax2_m_f32(vx6, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm6, vx6));
  } else if (elements > 48) {
    vx6 = attnorm_load_tail_f32(input + 48, elements - 48);
    vm6 = attnorm_stablemax2_m_f32(vx6, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm6, vx6), elements - 48);
  }
  if (elements >= 64) {
    vx7 = attnorm_loadu_f32(input + 56);
    vm7 = attnorm_stablemax2_m_f32(vx7, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm7, vx7));
  } else if (elements > 56) {
    vx7 = attnorm_load_tail_f32(input + 56, elements - 56);
    vm7 = attnorm_stablemax2_m_f32(vx7, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm7, vx7), elements - 56);
  }
  if (elements >= 72) {
    vx8 = attnorm_loadu_f32(input + 64);
    vm8 = attnorm_stablemax2_m_f32(vx8, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm8, vx8));
  } else if (elements > 64) {
    vx8 = attnorm_load_tail_f32(input + 64, elements - 64);
    vm8 = attnorm_stablemax2_m_f32(vx8, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm8, vx8), elements - 64);
  }
  if (elements >= 80) {
    vx9 = attnorm_loadu_f32(input + 72);
    vm9 = attnorm_stablemax2_m_f32(vx9, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm9, vx9));
  } else if (elements > 72) {
    vx9 = attnorm_load_tail_f32(input + 72, elements - 72);
    vm9 = attnorm_stablemax2_m_f32(vx9, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm9, vx9), elements - 72);
  }
  if (elements >= 88) {
    vx10 = attnorm_loadu_f32(input + 80);
    vm10 = attnorm_stablemax2_m_f32(vx10, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm10, vx10));
  } else if (elements > 80) {
    vx10 = attnorm_load_tail_f32(input + 80, elements - 80);
    vm10 = attnorm_stablemax2_m_f32(vx10, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm10, vx10), elements - 80);
  }
  if (elements >= 96) {
    vx11 = attnorm_loadu_f32(input + 88);
    vm11 = attnorm_stablemax2_m_f32(vx11, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm11, vx11));
  } else if (elements > 88) {
    vx11 = attnorm_load_tail_f32(input + 88, elements - 88);
    vm11 = attnorm_stablemax2_m_f32(vx11, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm11, vx11), elements - 88);
  }
  if (elements >= 104) {
    vx12 = attnorm_loadu_f32(input + 96);
    vm12 = attnorm_stablemax2_m_f32(vx12, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm12, vx12));
  } else if (elements > 96) {
    vx12 = attnorm_load_tail_f32(input + 96, elements - 96);
    vm12 = attnorm_stablemax2_m_f32(vx12, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm12, vx12), elements - 96);
  }
  if (elements >= 112) {
    vx13 = attnorm_loadu_f32(input + 104);
    vm13 = attnorm_stablemax2_m_f32(vx13, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm13, vx13));
  } else if (elements > 104) {
    vx13 = attnorm_load_tail_f32(input + 104, elements - 104);
    vm13 = attnorm_stablemax2_m_f32(vx13, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm13, vx13), elements - 104);
  }
  if (elements >= 120) {
    vx14 = attnorm_loadu_f32(input + 112);
    vm14 = attnorm_stablemax2_m_f32(vx14, vscale);
    vacc0 = attnorm_add_f32(vacc0, attnorm_stablemax2_s_f32(vm14, vx14));
  } else if (elements > 112) {
    vx14 = attnorm_load_tail_f32(input + 112, elements - 112);
    vm14 = attnorm_stablemax2_m_f32(vx14, vscale);
    vacc0 = attnorm_add_tail_f32(vacc0, attnorm_stablemax2_s_f32(vm14, vx14), elements - 112);
  }
  if (elements >= 128) {
    vx15 = attnorm_loadu_f32(input + 120);
    vm15 = attnorm_stablemax2_m_f32(vx15, vscale);
    vacc1 = attnorm_add_f32(vacc1, attnorm_stablemax2_s_f32(vm15, vx15));
  } else if (elements > 120) {
    vx15 = attnorm_load_tail_f32(input + 120, elements - 120);
    vm15 = attnorm_stablemax2_m_f32(vx15, vscale);
    vacc1 = attnorm_add_tail_f32(vacc1, attnorm_stablemax2_s_f32(vm15, vx15), elements - 120);
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
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_storeu_f32(output + 0, vy);
  } else if (elements > 0) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm0, vx0), vhi), vlo);
    attnorm_store_tail_f32(output + 0, vy, elements - 0);
  }
  if (elements >= 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_storeu_f32(output + 8, vy);
  } else if (elements > 8) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm1, vx1), vhi), vlo);
    attnorm_store_tail_f32(output + 8, vy, elements - 8);
  }
  if (elements >= 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_storeu_f32(output + 16, vy);
  } else if (elements > 16) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm2, vx2), vhi), vlo);
    attnorm_store_tail_f32(output + 16, vy, elements - 16);
  }
  if (elements >= 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_storeu_f32(output + 24, vy);
  } else if (elements > 24) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm3, vx3), vhi), vlo);
    attnorm_store_tail_f32(output + 24, vy, elements - 24);
  }
  if (elements >= 40) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm4, vx4), vhi), vlo);
    attnorm_storeu_f32(output + 32, vy);
  } else if (elements > 32) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm4, vx4), vhi), vlo);
    attnorm_store_tail_f32(output + 32, vy, elements - 32);
  }
  if (elements >= 48) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm5, vx5), vhi), vlo);
    attnorm_storeu_f32(output + 40, vy);
  } else if (elements > 40) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm5, vx5), vhi), vlo);
    attnorm_store_tail_f32(output + 40, vy, elements - 40);
  }
  if (elements >= 56) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm6, vx6), vhi), vlo);
    attnorm_storeu_f32(output + 48, vy);
  } else if (elements > 48) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm6, vx6), vhi), vlo);
    attnorm_store_tail_f32(output + 48, vy, elements - 48);
  }
  if (elements >= 64) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm7, vx7), vhi), vlo);
    attnorm_storeu_f32(output + 56, vy);
  } else if (elements > 56) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm7, vx7), vhi), vlo);
    attnorm_store_tail_f32(output + 56, vy, elements - 56);
  }
  if (elements >= 72) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm8, vx8), vhi), vlo);
    attnorm_storeu_f32(output + 64, vy);
  } else if (elements > 64) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm8, vx8), vhi), vlo);
    attnorm_store_tail_f32(output + 64, vy, elements - 64);
  }
  if (elements >= 80) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm9, vx9), vhi), vlo);
    attnorm_storeu_f32(output + 72, vy);
  } else if (elements > 72) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm9, vx9), vhi), vlo);
    attnorm_store_tail_f32(output + 72, vy, elements - 72);
  }
  if (elements >= 88) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm10, vx10), vhi), vlo);
    attnorm_storeu_f32(output + 80, vy);
  } else if (elements > 80) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm10, vx10), vhi), vlo);
    attnorm_store_tail_f32(output + 80, vy, elements - 80);
  }
  if (elements >= 96) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm11, vx11), vhi), vlo);
    attnorm_storeu_f32(output + 88, vy);
  } else if (elements > 88) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm11, vx11), vhi), vlo);
    attnorm_store_tail_f32(output + 88, vy, elements - 88);
  }
  if (elements >= 104) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm12, vx12), vhi), vlo);
    attnorm_storeu_f32(output + 96, vy);
  } else if (elements > 96) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm12, vx12), vhi), vlo);
    attnorm_store_tail_f32(output + 96, vy, elements - 96);
  }
  if (elements >= 112) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm13, vx13), vhi), vlo);
    attnorm_storeu_f32(output + 104, vy);
  } else if (elements > 104) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm13, vx13), vhi), vlo);
    attnorm_store_tail_f32(output + 104, vy, elements - 104);
  }
  if (elements >= 120) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm14, vx14), vhi), vlo);
    attnorm_storeu_f32(output + 112, vy);
  } else if (elements > 112) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm14, vx14), vhi), vlo);
    attnorm_store_tail_f32(output + 112, vy, elements - 112);
  }
  if (elements >= 128) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm15, vx15), vhi), vlo);
    attnorm_storeu_f32(output + 120, vy);
  } else if (elements > 120) {
    const attnorm_simd_f32_t vy = attnorm_add_f32(attnorm_add_f32(attnorm_stablemax2_logs_f32(vm15, vx15), vhi), vlo);
    attnorm_store_tail_f32(output + 120, vy, elements - 120);
  }
  return true;
}

bool attnorm_f32_logstablemax_ukernel__avx2_lut8_p4_u128(
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
  if (elements <= 8) {
    return logstablemax_row1(elements, input, output, params);
  }
  if (elements <= 16) {
    return logstablemax_row2(elements, input, output, params);
  }
  if (elements <= 32) {
    return logstablemax_row4(elements, input, output, params);
  }
  if (elements <= 64) {
    return logstablemax_row8(elements, input, output, params);
  }
  return logstablemax_row16(elements, input, output, params);
}
