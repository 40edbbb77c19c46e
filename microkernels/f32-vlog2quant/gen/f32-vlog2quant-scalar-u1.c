// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vlog2quant/simd.c.in
//   Generator: scripts/families/f32-vlog2quant.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <stdint.h>

#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "microkernels/simd/f32-scalar.h"

// The scalar kernels evaluate v in double (baseline x86-64 has no FMA; fmaf is a libm call):
// slope * x and the add to bias round at 2^-53, far below the SIMD kernels' float roundings.
static ATTNORM_INLINE uint8_t code_of(float x, double slope, double bias, double code_max) {
  double v = (double) x * slope + bias;
  // min(v, code_max) sends NaN (from -inf * slope + inf, or a NaN x) to code_max.
  v = v < code_max ? v : code_max;
  v = v > 0.0 ? v : 0.0;
  // Round half to even by the magic bias 1.5 * 2^52 (v in [0, 255]).
  const double r = (v + 0x1.8p52) - 0x1.8p52;
  return (uint8_t) (int) r;
}

void attnorm_f32_vlog2quant_ukernel__scalar_u1(
    size_t batch,
    const float* input,
    uint8_t* output,
    float bias_hi,
    float bias_lo,
    const union attnorm_f32_log2quant_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const double slope = (double) params->scalar.slope_hi + (double) params->scalar.slope_lo;
  const double bias = (double) bias_hi + (double) bias_lo;
  const double code_max = (double) params->scalar.code_max;
  for (; batch >= sizeof(float); batch -= sizeof(float)) {
    *output++ = code_of(*input++, slope, bias, code_max);
  }
}
