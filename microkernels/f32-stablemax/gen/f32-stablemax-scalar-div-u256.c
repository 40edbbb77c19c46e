// Auto-generated file. Do not edit!
//   Template: microkernels/f32-stablemax/scalar.c.in
//   Generator: scripts/families/f32-stablemax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "microkernels/simd/f32-scalar.h"

// StableMax of a row of up to 256 floats: the scalar form, two loops over the row (the
// second recomputes s from the input, which is in L1), the sum in 4 float partial sums.
bool attnorm_f32_stablemax_ukernel__scalar_div_u256(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 256 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  const float vscale = params->scalar.scale;
  float vacc[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (size_t i = 0; i < elements; i++) {
    const float vx = input[i];
    vacc[i % 4] += attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx);
  }
  const float sum = (vacc[0] + vacc[2]) + (vacc[1] + vacc[3]);
  // NaN, +inf, overflow, all -inf (0) or every s tiny: the caller's multi-pass path.
  if (ATTNORM_UNLIKELY(!(sum >= 0x1.0p-60f && sum < INFINITY))) {
    return false;
  }
  const float vinv_sum = 1.0f / sum;
  for (size_t i = 0; i < elements; i++) {
    const float vx = input[i];
    output[i] = attnorm_stablemax2_s_f32(attnorm_stablemax2_m_f32(vx, vscale), vx) * vinv_sum;
  }
  return true;
}
