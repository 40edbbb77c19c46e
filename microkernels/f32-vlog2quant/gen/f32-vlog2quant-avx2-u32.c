// Auto-generated file. Do not edit!
//   Template: microkernels/f32-vlog2quant/simd.c.in
//   Generator: scripts/families/f32-vlog2quant.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "microkernels/simd/f32-avx2.h"

// The low byte of each of the 8 lanes (already in 0..255), 8 bytes.
static ATTNORM_INLINE __m128i pack_codes(__m256i vcodes) {
  const __m128i vlo = _mm256_castsi256_si128(vcodes);
  const __m128i vhi = _mm256_extracti128_si256(vcodes, 1);
  const __m128i v16 = _mm_packus_epi32(vlo, vhi);
  return _mm_packus_epi16(v16, v16);
}
static ATTNORM_INLINE void store_codes(uint8_t* output, __m256i vcodes) {
  _mm_storel_epi64((__m128i*) output, pack_codes(vcodes));
}
// Four vectors (32 codes) at once: two saturating packs (exact: every lane is 0..255) and one
// lane permute.
static ATTNORM_INLINE void store_codes4(uint8_t* output, __m256i v0, __m256i v1, __m256i v2, __m256i v3) {
  const __m256i v01 = _mm256_packus_epi32(v0, v1);
  const __m256i v23 = _mm256_packus_epi32(v2, v3);
  const __m256i v0123 = _mm256_packus_epi16(v01, v23);
  _mm256_storeu_si256((__m256i*) output,
                      _mm256_permutevar8x32_epi32(v0123, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)));
}
static ATTNORM_INLINE void store_codes_tail(uint8_t* output, __m256i vcodes, size_t elements) {
  uint8_t codes[8];
  _mm_storel_epi64((__m128i*) codes, pack_codes(vcodes));
  memcpy(output, codes, elements);
}
static ATTNORM_INLINE __m256i codes_of(__m256 vb) {
  return _mm256_and_si256(_mm256_castps_si256(vb), _mm256_set1_epi32(0xFF));
}
static ATTNORM_INLINE __m256 min_keep_bound(__m256 v, __m256 vbound) { return _mm256_min_ps(v, vbound); }

// v = fma(x, slope_hi, bias_hi) + fma(x, slope_lo, bias_lo); min(v, code_max) (MINPS returns
// its second operand, code_max, for a NaN v: -inf and NaN inputs), max(0, v), then the magic
// bias 1.5 * 2^23 rounds half to even and leaves the code in the low byte of the float's bits.
static ATTNORM_INLINE attnorm_simd_f32_t biased_code(attnorm_simd_f32_t vx, attnorm_simd_f32_t vslope_hi, attnorm_simd_f32_t vslope_lo, attnorm_simd_f32_t vbias_hi,
                                         attnorm_simd_f32_t vbias_lo, attnorm_simd_f32_t vcode_max, attnorm_simd_f32_t vzero, attnorm_simd_f32_t vmagic_bias) {
  attnorm_simd_f32_t vv = attnorm_add_f32(attnorm_fmadd_f32(vx, vslope_hi, vbias_hi), attnorm_fmadd_f32(vx, vslope_lo, vbias_lo));
  vv = attnorm_max_f32(vzero, min_keep_bound(vv, vcode_max));
  return attnorm_add_f32(vv, vmagic_bias);
}

void attnorm_f32_vlog2quant_ukernel__avx2_u32(
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
    const attnorm_simd_f32_t vx1 = attnorm_loadu_f32(input + 8);
    const attnorm_simd_f32_t vx2 = attnorm_loadu_f32(input + 16);
    const attnorm_simd_f32_t vx3 = attnorm_loadu_f32(input + 24);
    input += 32;

    const __m256i vq0 = codes_of(biased_code(vx0, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));
    const __m256i vq1 = codes_of(biased_code(vx1, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));
    const __m256i vq2 = codes_of(biased_code(vx2, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));
    const __m256i vq3 = codes_of(biased_code(vx3, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias));

    store_codes4(output + 0, vq0, vq1, vq2, vq3);
    output += 32;
  }
  for (; batch >= 8 * sizeof(float); batch -= 8 * sizeof(float)) {
    const attnorm_simd_f32_t vx = attnorm_loadu_f32(input);
    input += 8;
    store_codes(output, codes_of(biased_code(vx, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias)));
    output += 8;
  }
  if (batch != 0) {
    // The last 1..7 elements: lanes past the row load 0 and are stored nowhere.
    const size_t elements = batch / sizeof(float);
    const attnorm_simd_f32_t vx = attnorm_load_tail_f32(input, elements);
    store_codes_tail(output, codes_of(biased_code(vx, vslope_hi, vslope_lo, vbias_hi, vbias_lo, vcode_max, vzero, vmagic_bias)), elements);
  }
}
