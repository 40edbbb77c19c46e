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

// Every lane = the maximum (sum) of the lanes of v: the row's maximum (sum) stays in a vector,
// with no move to a scalar register and back.
static ATTNORM_INLINE __m512 all_lanes_max(__m512 v) {
  v = _mm512_max_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(1, 0, 3, 2)));
  v = _mm512_max_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(2, 3, 0, 1)));
  v = _mm512_max_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm512_max_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}
static ATTNORM_INLINE __m512 all_lanes_add(__m512 v) {
  v = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(1, 0, 3, 2)));
  v = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, _MM_SHUFFLE(2, 3, 0, 1)));
  v = _mm512_add_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm512_add_ps(v, _mm512_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));
}

// The per-row constants of exp(s*x - k*ln2) (the simd header's attnorm_expminus_init_f32 and
// attnorm_expminus_f32, computed here in vectors: that init calls attnorm_f32_expminus_k out of
// line, and a call in the middle of this kernel spills every zmm register of the row).
struct softmax_exp {
  __m512 min_input;     // inputs are clamped up to it: it and -inf give exactly +0
  __m512 scale;         // s
  __m512 scale_log2e;   // fl(s * log2(e))
  __m512 magic_bias_k;  // 1.5 * 2^23 + k: (biased n) - magic_bias_k = n - k
};

// vmax: the row's maximum in every lane. k = round-to-nearest-even(fl(fl(s * max) * log2(e))) by
// two rounded products (no add to fuse them with) and VRNDSCALEPS: bit for bit
// attnorm_f32_expminus_k(fl(s * max)) for |s * max| <= 2^14 (where the magic-bias rounding of
// that function is exact). min_input = fl((k - 200) * fl(1 / scale_log2e)) is within 2^-22
// relative of (k - 200) / scale_log2e: round(min_input * scale_log2e) is k - 200 (+-1 at most),
// so p * 2^(n - k) there and below is +0 (below 2^-150); the reciprocal does not depend on the
// row and is computed off the critical path.
static ATTNORM_INLINE struct softmax_exp softmax_exp_init(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], __m512 vmax, __m512 vinv_scale_log2e) {
  struct softmax_exp c;
  c.scale = _mm512_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  const __m512 vk = _mm512_roundscale_ps(_mm512_mul_ps(_mm512_mul_ps(vmax, c.scale), _mm512_set1_ps(0x1.715476p+0f)),
                                         _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  c.min_input = _mm512_mul_ps(_mm512_sub_ps(vk, _mm512_set1_ps(200.0f)), vinv_scale_log2e);
  c.magic_bias_k = _mm512_add_ps(vk, _mm512_set1_ps(0x1.8p23f));
  return c;
}

// exp(s*x - k*ln2), "rr1_p5_scalef", as attnorm_expminus_f32 of microkernels/simd/f32-avx512f.h
// (the polynomial is its attnorm_exp_p5_f32): n = round(x * fl(s*log2e)) by the magic bias,
// t = fma(x, s, -n*ln2_hi) - n*ln2_lo with a 9-bit ln2_hi (exact n*ln2_hi for |s*x| <= 2^14),
// e = p(t) * 2^(n - k) by VSCALEFPS. One NaN-preserving clamp of x makes -inf (and finite logits
// far below the maximum, e.g. -FLT_MAX masks) exactly +0.
static ATTNORM_INLINE __m512 softmax_exp(__m512 vx, const struct softmax_exp* c) {
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm512_max_ps(c->min_input, vx);
  const __m512 vb = _mm512_fmadd_ps(vx, c->scale_log2e, vmagic_bias);
  const __m512 vn = _mm512_sub_ps(vb, vmagic_bias);
  const __m512 vd = _mm512_sub_ps(vb, c->magic_bias_k);
  __m512 vt = _mm512_fmadd_ps(vx, c->scale, _mm512_mul_ps(vn, vminus_ln2_hi));
  vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
  return _mm512_scalef_ps(attnorm_exp_p5_f32(vt), vd);
}

// Softmax of a row of up to 64 floats held in 4 zmm registers: one masked load
// per vector (lanes past the row hold -inf), the maximum by a tree of VMAXPS (then across lanes,
// kept in every lane), k from the scaled maximum, exp(s*x - k*ln2) by the "rr1_p5_scalef" core
// (softmax_exp above), the sum by a tree of VADDPS, then one multiply by 1/sum and one masked
// store per vector.
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
  // Does not depend on the row: the divider runs while the row loads.
  const __m512 vinv_scale_log2e = _mm512_set1_ps(1.0f / params->scalar.scale_log2e);
  const __m512 vminus_inf = _mm512_set1_ps(-INFINITY);
  __m512 vx0 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 0), input + 0);
  __m512 vx1 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 16), input + 16);
  __m512 vx2 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 32), input + 32);
  __m512 vx3 = _mm512_mask_loadu_ps(vminus_inf, row_mask(elements, 48), input + 48);

  // The row's maximum: a tree over the vectors, then across the lanes.
  __m512 vm0_2 = _mm512_max_ps(vx0, vx1);
  __m512 vm2_2 = _mm512_max_ps(vx2, vx3);
  __m512 vm0_4 = _mm512_max_ps(vm0_2, vm2_2);
  const __m512 vmax = all_lanes_max(vm0_4);

  if (ATTNORM_UNLIKELY(_mm512_cvtss_f32(vmax) == -INFINITY)) {
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
  const struct softmax_exp vexp = softmax_exp_init(params, vmax, vinv_scale_log2e);
  vx0 = softmax_exp(vx0, &vexp);
  if (elements > 16) {
    vx1 = softmax_exp(vx1, &vexp);
  } else {
    vx1 = _mm512_setzero_ps();
  }
  if (elements > 32) {
    vx2 = softmax_exp(vx2, &vexp);
  } else {
    vx2 = _mm512_setzero_ps();
  }
  if (elements > 48) {
    vx3 = softmax_exp(vx3, &vexp);
  } else {
    vx3 = _mm512_setzero_ps();
  }

  // The sum: a tree over the vectors, then across the lanes.
  __m512 vs0_2 = _mm512_add_ps(vx0, vx1);
  __m512 vs2_2 = _mm512_add_ps(vx2, vx3);
  __m512 vs0_4 = _mm512_add_ps(vs0_2, vs2_2);
  const __m512 vsum = all_lanes_add(vs0_4);

  const __m512 vinv_sum = _mm512_div_ps(_mm512_set1_ps(1.0f), vsum);
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
