// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmax/scalar-rr2-p5.c.in
//   Generator: scripts/families/f32-softmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stddef.h>

#include "microkernels/exact-rows.h"
#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/simd/f32-scalar.h"

// Portable softmax of a row of up to 256 floats in three loops (the fallback of the SIMD
// kernels; the row stays in L1): the maximum, the exp terms by the shared "rr2_p5" core of
// microkernels/simd/f32-scalar.h stored to the output and summed in double (a serial float sum
// of 256 terms could lose up to 256 * 2^-24), then one multiply by 1/sum per element.
void attnorm_f32_softmax_ukernel__scalar_rr2_p5_u256(
    size_t batch,
    const float* input,
    float* output,
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
    return;
  }

  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, params->scalar.scale * row_max);
  double row_sum = 0.0;
  for (size_t i = 0; i < elements; i++) {
    const float e = attnorm_expminus_f32(input[i], &vexp);
    output[i] = e;
    row_sum += (double) e;
  }

  const float inv_sum = (float) (1.0 / row_sum);
  for (size_t i = 0; i < elements; i++) {
    output[i] *= inv_sum;
  }
}
