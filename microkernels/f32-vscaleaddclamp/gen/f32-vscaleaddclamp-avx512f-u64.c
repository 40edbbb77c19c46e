// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vscaleaddclamp/simd.c.in
//   Generator: scripts/families/f32-vscaleaddclamp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>

#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"
#include "microkernels/simd/f32-avx512f.h"

// min(v, 1) keeping a NaN v: x86 MINPS returns its second operand when either is NaN (the
// scalar spelling does the same). Local: the shared vocabulary has max only.
static ATTNORM_INLINE __m512 clamp_hi(__m512 vone, __m512 v) { return _mm512_min_ps(vone, v); }

// y = min(1, max(0, fma(x, multiplier, addend))), NaN-preserving (max(0, v) and min(1, v) return
// v when v is NaN).
void attnorm_f32_vscaleaddclamp_ukernel__avx512f_u64(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    float addend)
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);

  const attnorm_simd_f32_t vmultiplier = attnorm_set1_f32(multiplier);
  const attnorm_simd_f32_t vaddend = attnorm_set1_f32(addend);
  const attnorm_simd_f32_t vzero = attnorm_zero_f32();
  const attnorm_simd_f32_t vone = attnorm_set1_f32(1.0f);
  for (; batch >= 64 * sizeof(float); batch -= 64 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 32);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 48);
    input += 64;

    attnorm_simd_f32_t vy0 = attnorm_fmadd_f32(vx0, vmultiplier, vaddend);
    attnorm_simd_f32_t vy1 = attnorm_fmadd_f32(vx1, vmultiplier, vaddend);
    attnorm_simd_f32_t vy2 = attnorm_fmadd_f32(vx2, vmultiplier, vaddend);
    attnorm_simd_f32_t vy3 = attnorm_fmadd_f32(vx3, vmultiplier, vaddend);
    vy0 = clamp_hi(vone, attnorm_max_f32(vzero, vy0));
    vy1 = clamp_hi(vone, attnorm_max_f32(vzero, vy1));
    vy2 = clamp_hi(vone, attnorm_max_f32(vzero, vy2));
    vy3 = clamp_hi(vone, attnorm_max_f32(vzero, vy3));

    attnorm_storeu_f32(output, vy0);
    attnorm_storeu_f32(output + 16, vy1);
    attnorm_storeu_f32(output + 32, vy2);
    attnorm_storeu_f32(output + 48, vy3);
    output += 64;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;

    const attnorm_simd_f32_t vy = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_fmadd_f32(vx, vmultiplier, vaddend)));
    attnorm_storeu_f32(output, vy);
    output += 16;
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    const attnorm_simd_f32_t vy = clamp_hi(vone, attnorm_max_f32(vzero, attnorm_fmadd_f32(vx, vmultiplier, vaddend)));
    attnorm_store_tail_f32(output, vy, elements);
  }
}
