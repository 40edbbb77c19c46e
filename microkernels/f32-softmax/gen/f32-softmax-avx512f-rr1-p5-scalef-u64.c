// Auto-generated file. Do not edit!
//   Template: microkernels/f32-softmax/avx512f-rr1-p5-scalef.c.in
//   Generator: scripts/families/f32-softmax.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/simd/f32-avx512f.h"

// The lanes [offset, offset + 16) of a row of `elements` floats that lie in the row, as a mask
// (0 for a vector past the row). Local: the simd header's tail mask takes 1..15 only.
static ATTNORM_INLINE __mmask16 row_mask(size_t elements, size_t offset) {
  const size_t left = elements > offset ? elements - offset : 0;
  const uint32_t count = (uint32_t) (left < 16 ? left : 16);
  return _cvtu32_mask16((UINT32_C(1) << count) - 1);
}

// Softmax of a row of up to 64 floats held in 4 zmm registers: one masked load
// per vector (lanes past the row hold -inf), the maximum by a tree of VMAXPS, k from the scaled
// maximum, exp(s*x - k*ln2) by the shared "rr1_p5_scalef" core of microkernels/simd/f32-avx512f.h,
// the sum by a tree of VADDPS, then one multiply by 1/sum and one masked store per vector.
// Vectors wholly past the row skip exp and the store (branches that always go the same way for
// rows of one length); they still enter the two trees, as -inf and +0.
void attnorm_f32_softmax_ukernel__avx512f_rr1_p5_scalef_u64(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(batch <= 64 * sizeof(float));
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const size_t elements = batch / sizeof(float);
  const __m512 vminus_inf = _mm512_set1_ps(-INFINITY);
  __m512 vx0 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 0), input + 0);
  __m512 vx1 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 16), input + 16);
  __m512 vx2 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 32), input + 32);
  __m512 vx3 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 48), input + 48);

  // The row's maximum: a tree over the vectors, then across the lanes.
  __m512 vm0_2 = _mm512_max_ps(vx0, vx1);
  __m512 vm2_2 = _mm512_max_ps(vx2, vx3);
  __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
  const float row_max = _mm512_reduce_max_ps(vm0_4);

  if (ATTNORM_UNLIKELY(row_max == -INFINITY)) {
    // Only -inf (or NaN among -inf: VMAXPS may skip a NaN): fill the row with +0, or NaN.
    // A sum propagates NaN and is -inf otherwise.
    vx0 = _mm512_add_ps(vx0, vx1);
    vx0 = _mm512_add_ps(vx0, vx2);
    vx0 = _mm512_add_ps(vx0, vx3);
    const __m512 vfill = _mm512_set1_ps(isnan(_mm512_reduce_add_ps(vx0)) ? NAN : 0.0f);
    _mm512_mask_storeu_ps(output + 0, row_mask(elements, 0), vfill);
    _mm512_mask_storeu_ps(output + 16, row_mask(elements, 16), vfill);
    _mm512_mask_storeu_ps(output + 32, row_mask(elements, 32), vfill);
    _mm512_mask_storeu_ps(output + 48, row_mask(elements, 48), vfill);
    return;
  }

  // e = exp(s*x - k*ln2), k = round(fl(s * max) * log2(e)): -inf gives exactly +0, NaN gives NaN
  // (and a NaN sum, so a NaN row); a NaN maximum makes every term NaN.
  const struct attnorm_expminus_f32 vexp = attnorm_expminus_init_f32(params, params->scalar.scale * row_max);
  vx0 = attnorm_expminus_f32(vx0, &vexp);
  if (elements > 16) {
    vx1 = attnorm_expminus_f32(vx1, &vexp);
  } else {
    vx1 = _mm512_setzero_ps();
  }
  if (elements > 32) {
    vx2 = attnorm_expminus_f32(vx2, &vexp);
  } else {
    vx2 = _mm512_setzero_ps();
  }
  if (elements > 48) {
    vx3 = attnorm_expminus_f32(vx3, &vexp);
  } else {
    vx3 = _mm512_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m512 vs0_2 = _mm512_add_ps(vx0, vx1);
  __m512 vs2_2 = _mm512_add_ps(vx2, vx3);
  __m512 vs0_4 = _mm512_add_ps(vs0_2, vs2_2);
  const float row_sum = _mm512_reduce_add_ps(vs0_4);

  const __m512 vinv_sum = _mm512_set1_ps(1.0f / row_sum);
  _mm512_mask_storeu_ps(output, row_mask(elements, 0), _mm512_mul_ps(vx0, vinv_sum));
  if (elements > 16) {
    _mm512_mask_storeu_ps(output + 16, row_mask(elements, 16), _mm512_mul_ps(vx1, vinv_sum));
  }
  if (elements > 32) {
    _mm512_mask_storeu_ps(output + 32, row_mask(elements, 32), _mm512_mul_ps(vx2, vinv_sum));
  }
  if (elements > 48) {
    _mm512_mask_storeu_ps(output + 48, row_mask(elements, 48), _mm512_mul_ps(vx3, vinv_sum));
  }
}
