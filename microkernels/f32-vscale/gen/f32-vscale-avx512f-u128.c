// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscale/avx512f.c.in
//   Generator: scripts/families/f32-vscale.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include <immintrin.h>

#include "microkernels/f32-vscale/f32-vscale.h"

void attnorm_f32_vscale_ukernel__avx512f_u128(
    size_t batch,
    const float* input,
    float* output,
    float multiplier)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const __m512 vmultiplier = _mm512_set1_ps(multiplier);
  for (; batch >= 128 * sizeof(float); batch -= 128 * sizeof(float)) {
    const __m512 vi0 = _mm512_loadu_ps(input);
    const __m512 vi1 = _mm512_loadu_ps(input + 16);
    const __m512 vi2 = _mm512_loadu_ps(input + 32);
    const __m512 vi3 = _mm512_loadu_ps(input + 48);
    const __m512 vi4 = _mm512_loadu_ps(input + 64);
    const __m512 vi5 = _mm512_loadu_ps(input + 80);
    const __m512 vi6 = _mm512_loadu_ps(input + 96);
    const __m512 vi7 = _mm512_loadu_ps(input + 112);
    input += 128;

    const __m512 vo0 = _mm512_mul_ps(vi0, vmultiplier);
    const __m512 vo1 = _mm512_mul_ps(vi1, vmultiplier);
    const __m512 vo2 = _mm512_mul_ps(vi2, vmultiplier);
    const __m512 vo3 = _mm512_mul_ps(vi3, vmultiplier);
    const __m512 vo4 = _mm512_mul_ps(vi4, vmultiplier);
    const __m512 vo5 = _mm512_mul_ps(vi5, vmultiplier);
    const __m512 vo6 = _mm512_mul_ps(vi6, vmultiplier);
    const __m512 vo7 = _mm512_mul_ps(vi7, vmultiplier);
    _mm512_storeu_ps(output, vo0);
    _mm512_storeu_ps(output + 16, vo1);
    _mm512_storeu_ps(output + 32, vo2);
    _mm512_storeu_ps(output + 48, vo3);
    _mm512_storeu_ps(output + 64, vo4);
    _mm512_storeu_ps(output + 80, vo5);
    _mm512_storeu_ps(output + 96, vo6);
    _mm512_storeu_ps(output + 112, vo7);
    output += 128;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const __m512 vi = _mm512_loadu_ps(input);
    input += 16;

    const __m512 vo = _mm512_mul_ps(vi, vmultiplier);

    _mm512_storeu_ps(output, vo);
    output += 16;
  }
  if (batch != 0) {
    assert(batch >= 1 * sizeof(float));
    assert(batch <= 15 * sizeof(float));
    // The remaining 1..15 elements: masked load and store touch only the row.
    const __mmask16 vmask = _cvtu32_mask16((uint32_t) ((UINT32_C(1) << (batch / sizeof(float))) - 1));

    const __m512 vi = _mm512_maskz_loadu_ps(vmask, input);
    _mm512_mask_storeu_ps(output, vmask, _mm512_mul_ps(vi, vmultiplier));
  }
}
