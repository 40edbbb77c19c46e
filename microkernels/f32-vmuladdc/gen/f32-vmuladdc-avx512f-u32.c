// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vmuladdc/avx512f.c.in
//   Generator: scripts/families/f32-vmuladdc.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

void attnorm_f32_vmuladdc_ukernel__avx512f_u32(
    size_t batch,
    const float* input,
    float* output,
    float addend,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const float multiplier = params->scalar.scale;

  const __m512 vmultiplier = _mm512_set1_ps(multiplier);
  const __m512 vaddend = _mm512_set1_ps(addend);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const __m512 vx0 = _mm512_loadu_ps(input);
    const __m512 vx1 = _mm512_loadu_ps(input + 16);
    input += 32;

    const __m512 vy0 = _mm512_fmadd_ps(vx0, vmultiplier, vaddend);
    const __m512 vy1 = _mm512_fmadd_ps(vx1, vmultiplier, vaddend);

    _mm512_storeu_ps(output, vy0);
    _mm512_storeu_ps(output + 16, vy1);
    output += 32;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vx = _mm512_loadu_ps(input);
    input += 16;

    _mm512_storeu_ps(output, _mm512_fmadd_ps(vx, vmultiplier, vaddend));
    output += 16;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // Load and store only the remaining 1..15 elements.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));
    const __m512 vx = _mm512_maskz_loadu_ps(vmask, input);
    _mm512_mask_storeu_ps(output, vmask, _mm512_fmadd_ps(vx, vmultiplier, vaddend));
  }
}
