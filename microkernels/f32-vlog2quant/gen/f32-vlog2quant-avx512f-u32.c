// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vlog2quant/simd.c.in
//   Generator: scripts/families/f32-vlog2quant.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <stdint.h>

#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "microkernels/simd/f32-avx512f.h"

// The low byte of each 32-bit lane, 16 bytes (VPMOVDB).
static ATTNORM_INLINE void store_codes(uint8_t* output, __m512i vcodes) {
  _mm_storeu_si128((__m128i*) output, _mm512_cvtepi32_epi8(vcodes));
}
static ATTNORM_INLINE void store_codes_tail(uint8_t* output, __m512i vcodes, size_t elements) {
  _mm512_mask_cvtepi32_storeu_epi8(output, attnorm_tail_mask_f32(elements), vcodes);
}
static ATTNORM_INLINE __m512i codes_of(__m512 vb) {
  return _mm512_and_si512(_mm512_castps_si512(vb), _mm512_set1_epi32(0xFF));
}
static ATTNORM_INLINE __m512 min_keep_bound(__m512 v, __m512 vbound) { return _mm512_min_ps(v, vbound); }

// v = fma(x, slope_hi, bias_hi) + fma(x, slope_lo, bias_lo); min(v, code_max) (MINPS returns
// its second operand, code_max, for a NaN v: -inf and NaN inputs), max(0, v), then the magic
// bias 1.5 * 2^23 rounds half to even and leaves the code in the low byte of the float's bits.
static ATTNORM_INLINE attnorm_simd_f32_t biased_code(attnorm_simd_f32_t vx, attnorm_simd_f32_t vslope_hi, attnorm_simd_f32_t vslope_lo, attnorm_simd_f32_t vbias_hi,
                                         attnorm_simd_f32_t vbias_lo, attnorm_simd_f32_t vcode_max, attnorm_simd_f32_t vzero, attnorm_simd_f32_t vmagic_bias) {
  attnorm_simd_f32_t vv = attnorm_add_f32(attnorm_fmadd_f32(vx, vslope_hi, vbias_hi), attnorm_fmadd_f32(vx, vslope_lo, vbias_lo));
  vv = attnorm_max_f32(vzero, min_keep_bound(vv, vcode_max));
  return attnorm_add_f32(vv, vmagic_bias);
}

void attnorm_f32_vlog2quant_ukernel__avx512f_u32(
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

  const attnorm_simd_f32_t vslope_hi = attnorm_set1_f32(params->scalar.slope_hi);
  const attnorm_simd_f32_t vslope_lo = attnorm_set1_f32(params->scalar.slope_lo);
  const attnorm_simd_f32_t vbias_hi = attnorm_set1_f32(bias_hi);
  const attnorm_simd_f32_t vbias_lo = attnorm_set1_f32(bias_lo);
  const attnorm_simd_f32_t vcode_max = attnorm_set1_f32(params->scalar.code_max);
  const attnorm_simd_f32_t vzero = attnorm_zero_f32();
  const attnorm_simd_f32_t vmagic_bias = attnorm_set1_f32(0x1.8p23f);
  for (; batch >= 32 * sizeof(float); batch -= 32 * sizeof(float)) {
    const attnorm_simd_f32_t vx0 = attnorm_loadu_f32(input + 0);
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 16);
    input += 32;

    const __m512i vq0 = codes_of(biased_code(vx0, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));
    const __m512i vq1 = codes_of(biased_code(vx1, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));

    store_codes(output + 0, vq0);
    store_codes(output + 16, vq1);
    output += 32;
  }
  for (; batch >= 16 * sizeof(float); batch -= 16 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 16;
    store_codes(output, codes_of(biased_code(vx, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias)));
    output += 16;
  }
  if (batch != 0) {
    // The last 1..15 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    store_codes_tail(output, codes_of(biased_code(vx, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias)), elements);
  }
}
