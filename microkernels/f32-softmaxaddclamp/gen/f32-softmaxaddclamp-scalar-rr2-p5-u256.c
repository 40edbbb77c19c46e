// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmaxaddclamp/scalar-rr2-p5.c.in
//   Generator: scripts/families/f32-softmaxaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stddef.h>

#include "microkernels/exact-rows.h"
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "microkernels/simd/f32-scalar.h"

// Clipped softmax's affine map and clamp of the exact path's output (rare: rows beyond the exp's
// range), y = min(1, max(0, fma(p, amplitude, addend))), NaN kept.
static void clip_exact_row(size_t elements, float* output, float amplitude, float addend) {
  for (size_t i = 0; i < elements; i++) {
    const float v = fmaf(output[i], amplitude, addend);
    output[i] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
  }
}

// Portable clipped softmax (f32-softmax with the affine map and clamp fused) of a row of up to 256 floats in three loops (the fallback of the SIMD
// kernels; the row stays in L1): the maximum, the exp terms by the shared "rr2_p5" core of
// microkernels/simd/f32-scalar.h stored to the output and summed in double (a serial float sum
// of 256 terms could lose up to 256 * 2^-24), then one multiply by 1/sum per element.
void attnorm_f32_softmaxaddclamp_ukernel__scalar_rr2_p5_u256(
    size_t batch,
    const float* input,
    float* output,
    float amplitude,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 256 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  // NaN is skipped here (x > max is false); it makes its term, the sum and so the row NaN.
  float row_max = -INFINITY;
  for (size_t i = 0; i < elements; i++) {
    const float x = input[i];
    row_max = x > row_max ? x : row_max;
  }
  if (ATTNORM_UNLIKELY(!(fabsf(row_max * params->scalar.scale) <= ATTNORM_EXP_VALID_RANGE))) {
    // Only -inf (NaN among -inf), or a largest logit beyond the exp's range (a row masked with
    // -1e9): the rare exact path.
    attnorm_f32_softmax_exact(elements, input, output, params->scalar.scale, false);
    clip_exact_row(elements, output, amplitude, addend);
    return;
  }

  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, params->scalar.scale * row_max);
  double row_sum = 0.0;
  for (size_t i = 0; i < elements; i++) {
    const float e = attnorm_expminus_f32(input[i], &vexp);
    output[i] = e;
    row_sum += (double) e;
  }

  // y = clamp(fma(e, (zeta - gamma) / sum, gamma), 0, 1), NaN kept.
  const float multiplier = (float) ((double) amplitude / row_sum);
  for (size_t i = 0; i < elements; i++) {
    const float v = fmaf(output[i], multiplier, addend);
    output[i] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
  }
}
