// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmax/avx512f.c.in
//   Generator: scripts/families/f32-rmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-rmax/f32-rmax.h"

void attnorm_f32_rmax_ukernel__avx512f_u48_acc3(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_default_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  __m512 vmax0 = _mm512_set1_ps(*input);
  __m512 vmax1 = vmax0;
  __m512 vmax2 = vmax0;
  for (; batch >= 48 * sizeof(float); batch -= 48 * sizeof(float)) {
    const __m512 vx0 = _mm512_loadu_ps(input);
    const __m512 vx1 = _mm512_loadu_ps(input + 16);
    const __m512 vx2 = _mm512_loadu_ps(input + 32);
    input += 48;

    vmax0 = _mm512_max_ps(vmax0, vx0);
    vmax1 = _mm512_max_ps(vmax1, vx1);
    vmax2 = _mm512_max_ps(vmax2, vx2);
  }
  vmax0 = _mm512_max_ps(vmax0, vmax1);
  vmax0 = _mm512_max_ps(vmax0, vmax2);
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vx = _mm512_loadu_ps(input);
    input += 16;

    vmax0 = _mm512_max_ps(vmax0, vx);
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // Load the remaining 1..15 elements; the other lanes keep the running maximum.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));
    vmax0 = _mm512_mask_max_ps(vmax0, vmask, vmax0, _mm512_maskz_loadu_ps(vmask, input));
  }
  *output = _mm512_reduce_max_ps(vmax0);
}
