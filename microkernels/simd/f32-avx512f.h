// AVX512F vocabulary of the f32 microkernel templates: one vector type, loads,
// stores, arithmetic, the 1..15-element tail of a row, and the exp cores.
// f32-avx2.h and f32-scalar.h spell the same names for their ISA, so one
// template (microkernels/<family>/simd*.c.in) serves every ISA; only one of
// these headers may be included per translation unit.
#pragma once

#ifndef __AVX512F__
  #error "microkernels/simd/f32-avx512f.h needs -mavx512f"
#endif

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"

typedef __m512 attnorm_simd_f32_t;
#define ATTNORM_SIMD_F32_SIZE 16

static ATTNORM_INLINE __m512 attnorm_zero_f32(void) { return _mm512_setzero_ps(); }
static ATTNORM_INLINE __m512 attnorm_set1_f32(float x) { return _mm512_set1_ps(x); }
static ATTNORM_INLINE __m512 attnorm_loadu_f32(const float* input) { return _mm512_loadu_ps(input); }
static ATTNORM_INLINE void attnorm_storeu_f32(float* output, __m512 v) { _mm512_storeu_ps(output, v); }
static ATTNORM_INLINE __m512 attnorm_add_f32(__m512 a, __m512 b) { return _mm512_add_ps(a, b); }
static ATTNORM_INLINE __m512 attnorm_sub_f32(__m512 a, __m512 b) { return _mm512_sub_ps(a, b); }
static ATTNORM_INLINE __m512 attnorm_mul_f32(__m512 a, __m512 b) { return _mm512_mul_ps(a, b); }
// a * b + c, rounded once.
static ATTNORM_INLINE __m512 attnorm_fmadd_f32(__m512 a, __m512 b, __m512 c) { return _mm512_fmadd_ps(a, b, c); }
// max(a, b); returns b when either is NaN (x86 MAXPS): max(bound, x) keeps a NaN x.
static ATTNORM_INLINE __m512 attnorm_max_f32(__m512 a, __m512 b) { return _mm512_max_ps(a, b); }

// ---- The last 1..15 elements of a row (masked: nothing outside the row is touched).

static ATTNORM_INLINE __mmask16 attnorm_tail_mask_f32(size_t elements) {
  assert(elements >= 1 && elements < ATTNORM_SIMD_F32_SIZE);
  return _cvtu32_mask16((uint32_t) ((UINT32_C(1) << elements) - 1));
}
// Lanes past the row are 0.
static ATTNORM_INLINE __m512 attnorm_load_tail_f32(const float* input, size_t elements) {
  return _mm512_maskz_loadu_ps(attnorm_tail_mask_f32(elements), input);
}
static ATTNORM_INLINE void attnorm_store_tail_f32(float* output, __m512 v, size_t elements) {
  _mm512_mask_storeu_ps(output, attnorm_tail_mask_f32(elements), v);
}
// acc + v in the row's lanes, acc past the row.
static ATTNORM_INLINE __m512 attnorm_add_tail_f32(__m512 acc, __m512 v, size_t elements) {
  return _mm512_mask_add_ps(acc, attnorm_tail_mask_f32(elements), acc, v);
}
// max(acc, v) in the row's lanes, acc past the row.
static ATTNORM_INLINE __m512 attnorm_max_tail_f32(__m512 acc, __m512 v, size_t elements) {
  return _mm512_mask_max_ps(acc, attnorm_tail_mask_f32(elements), acc, v);
}

static ATTNORM_INLINE float attnorm_reduce_add_f32(__m512 v) { return _mm512_reduce_add_ps(v); }
static ATTNORM_INLINE float attnorm_reduce_max_f32(__m512 v) { return _mm512_reduce_max_ps(v); }

// ---- exp cores ---------------------------------------------------------------

// Degree-5 polynomial p(t) ~ exp(t) on [-ln2/2, ln2/2] (XNNPACK's p5 coefficients):
// p = 1 + t*(c1 + t*(c2 + t*(c3 + t*(c4 + t*c5)))), relative error ~1.2e-7 on the interval.
static ATTNORM_INLINE __m512 attnorm_exp_p5_f32(__m512 vt) {
  __m512 vp = _mm512_fmadd_ps(_mm512_set1_ps(0x1.0F9F9Cp-7f), vt, _mm512_set1_ps(0x1.573A1Ap-5f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.555A80p-3f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.FFFDC6p-2f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.FFFFF6p-1f));
  return _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(1.0f));
}

// p * 2^e for any float e (VSCALEFPS floors e): exact while the result is a normal
// float, denormal or +0 below; e = -inf gives +0, NaN in either gives NaN.
static ATTNORM_INLINE __m512 attnorm_scalef_f32(__m512 vp, __m512 ve) { return _mm512_scalef_ps(vp, ve); }

// ---- Three-pass exp: e = exp(s*x - k*ln2) (microkernels/f32-raddstoreexpminusmax/
// f32-raddstoreexpminusmax.h has the contract; k from attnorm_f32_expminus_k).

// Per-call constants, built once by attnorm_expminus_init_f32.
struct attnorm_expminus_f32 {
  __m512 min_input;     // inputs are clamped up to it: it and -inf give exactly +0
  __m512 scale;         // s
  __m512 scale_log2e;   // fl(s * log2(e))
  __m512 magic_bias_k;  // 1.5 * 2^23 + k: (biased n) - magic_bias_k = n - k
};

static ATTNORM_INLINE struct attnorm_expminus_f32 attnorm_expminus_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], float max) {
  // k = round-to-nearest-even(fl(max * log2(e))), bit for bit attnorm_f32_expminus_k(max): one
  // rounded product (MULSS, no FMA to contract into) and VRNDSCALESS, inline: a call and the
  // k-dependent clamp bound (a division) cost ~14 ns per call, a quarter of a 128-element row.
  const __m128 vmax_log2e = _mm_mul_ss(_mm_set_ss(max), _mm_set_ss(0x1.715476p+0f));
  const float k = _mm_cvtss_f32(_mm_roundscale_ss(vmax_log2e, vmax_log2e, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  struct attnorm_expminus_f32 c;
  // x below min_input (k-independent, microparams.h) has n - k < -2.9e6: p * 2^(n - k) is +0.
  c.min_input = _mm512_set1_ps(params->scalar.min_input);
  c.scale = _mm512_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  c.magic_bias_k = _mm512_set1_ps(0x1.8p23f + k);
  return c;
}

// exp(s*x - k*ln2), "rr1_p5_scalef" reduced from x itself: n = round(x * fl(s*log2e)) by the
// magic bias 1.5*2^23 (valid for |x * s*log2e| < 2^22), t = fma(x, s, -n*ln2_hi) - n*ln2_lo
// with a 9-bit ln2_hi, so n*ln2_hi is exact while |s*x| <= 2^14 and s*x is never rounded on
// its own; e = p(t) * 2^(n - k) by VSCALEFPS. One NaN-preserving clamp of x turns -inf (and
// terms far below the max) into exactly +0, with no compare or mask.
static ATTNORM_INLINE __m512 attnorm_expminus_f32(__m512 vx, const struct attnorm_expminus_f32* c) {
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

// ---- Two-Pass exp: exp(s*x) = p * 2^n with no max (the contract is in
// microkernels/f32-raddextexp/f32-raddextexp.h).

// A lane past the row, loaded as fill (-inf for the extexp sums: it contributes nothing).
static ATTNORM_INLINE __m512 attnorm_load_tail_or_f32(const float* input, size_t elements, __m512 vfill) {
  return _mm512_mask_loadu_ps(vfill, attnorm_tail_mask_f32(elements), input);
}

// Degree-5 polynomial of attnorm_exp_p5_f32 with every coefficient multiplied by a per-call
// factor m (rounded once each): attnorm_exp_p5_scaled_f32(t) ~ m * exp(t), which saves the
// multiply by m after the polynomial (the last step rounds m + t*q once instead of 1 + t*q,
// then the product).
struct attnorm_p5_scaled_f32 {
  __m512 c0, c1, c2, c3, c4, c5;
};
static ATTNORM_INLINE struct attnorm_p5_scaled_f32 attnorm_p5_scaled_init_f32(float m) {
  struct attnorm_p5_scaled_f32 c;
  c.c0 = _mm512_set1_ps(m);
  c.c1 = _mm512_set1_ps(0x1.FFFFF6p-1f * m);
  c.c2 = _mm512_set1_ps(0x1.FFFDC6p-2f * m);
  c.c3 = _mm512_set1_ps(0x1.555A80p-3f * m);
  c.c4 = _mm512_set1_ps(0x1.573A1Ap-5f * m);
  c.c5 = _mm512_set1_ps(0x1.0F9F9Cp-7f * m);
  return c;
}
static ATTNORM_INLINE __m512 attnorm_exp_p5_scaled_f32(__m512 vt, const struct attnorm_p5_scaled_f32* c) {
  __m512 vp = _mm512_fmadd_ps(c->c5, vt, c->c4);
  vp = _mm512_fmadd_ps(vp, vt, c->c3);
  vp = _mm512_fmadd_ps(vp, vt, c->c2);
  vp = _mm512_fmadd_ps(vp, vt, c->c1);
  return _mm512_fmadd_ps(vp, vt, c->c0);
}

// Per-call constants, built once by attnorm_extexp_init_f32.
struct attnorm_extexp_f32 {
  __m512 min_input;    // attnorm_f32_extexp_min_input: inputs are clamped up to it
  __m512 scale;        // s
  __m512 scale_log2e;  // fl(s * log2(e))
};

static ATTNORM_INLINE struct attnorm_extexp_f32 attnorm_extexp_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  struct attnorm_extexp_f32 c;
  c.min_input = _mm512_set1_ps(attnorm_f32_extexp_min_input(params));
  c.scale = _mm512_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm512_set1_ps(params->scalar.scale_log2e);
  return c;
}

// t and n with exp(s*x) = exp(t) * 2^n: the reduction of attnorm_expminus_f32 without k (n =
// round(x * fl(s*log2e)) by the magic bias, t = fma(x, s, -n*ln2_hi) - n*ln2_lo, 9-bit
// ln2_hi). One NaN-preserving clamp of x at min_input turns -inf into a finite term far below
// every valid one (attnorm_f32_extexp_min_input); NaN stays NaN in t and n, +inf gives NaN t.
static ATTNORM_INLINE __m512 attnorm_extexp_reduce_f32(__m512 vx, const struct attnorm_extexp_f32* c, __m512* vn_out) {
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm512_max_ps(c->min_input, vx);
  const __m512 vn = _mm512_sub_ps(_mm512_fmadd_ps(vx, c->scale_log2e, vmagic_bias), vmagic_bias);
  __m512 vt = _mm512_fmadd_ps(vx, c->scale, _mm512_mul_ps(vn, vminus_ln2_hi));
  vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
  *vn_out = vn;
  return vt;
}

// Exponent biases for attnorm_mul_exp2_f32 / attnorm_fmadd_exp2_f32: n + bias = n + e, resp.
// n - m (integer-valued floats). Computed once per call or per loop iteration.
static ATTNORM_INLINE __m512 attnorm_exp2_bias_f32(float e) { return _mm512_set1_ps(e); }
static ATTNORM_INLINE __m512 attnorm_exp2_minus_bias_f32(__m512 vm) { return _mm512_sub_ps(_mm512_setzero_ps(), vm); }

// v * 2^(n + e) by VSCALEFPS: exact while normal, denormal or +0 below; NaN stays NaN.
static ATTNORM_INLINE __m512 attnorm_mul_exp2_f32(__m512 v, __m512 vn, __m512 vbias) {
  return _mm512_scalef_ps(v, _mm512_add_ps(vn, vbias));
}
// acc + p * 2^(n - m), for n - m <= 0.
static ATTNORM_INLINE __m512 attnorm_fmadd_exp2_f32(__m512 vp, __m512 vn, __m512 vbias, __m512 vacc) {
  return _mm512_add_ps(vacc, _mm512_scalef_ps(vp, _mm512_add_ps(vn, vbias)));
}

// ---- tanh ----
// tanh(u) as the odd/even rational function u * P(u^2) / Q(u^2) of degrees 9/8 (the
// coefficients of upstream XNNPACK's f32-vtanh rational_9_8, whose interpolation reaches
// 1.0f at |u| = 7.9807181358); |u| is clamped to that bound (NaN-preserving: NaN stays NaN,
// +-inf give +-1). The division is a reciprocal estimate and one Newton step. Measured max
// error vs double tanh: see microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h.
static ATTNORM_INLINE __m512 attnorm_tanh_f32(__m512 vu) {
  vu = _mm512_min_ps(_mm512_set1_ps(7.9807181358e+00f), vu);  // MINPS returns vu when NaN
  vu = _mm512_max_ps(_mm512_set1_ps(-7.9807181358e+00f), vu);
  const __m512 vu2 = _mm512_mul_ps(vu, vu);
  __m512 vp = _mm512_fmadd_ps(vu2, _mm512_set1_ps(1.4248920266e-08f), _mm512_set1_ps(2.1235626264e-05f));
  vp = _mm512_fmadd_ps(vu2, vp, _mm512_set1_ps(3.5330520477e-03f));
  vp = _mm512_fmadd_ps(vu2, vp, _mm512_set1_ps(1.3412411511e-01f));
  vp = _mm512_fmadd_ps(vu2, vp, _mm512_set1_ps(1.0f));
  vp = _mm512_mul_ps(vu, vp);
  __m512 vq = _mm512_fmadd_ps(vu2, _mm512_set1_ps(8.1365948290e-07f), _mm512_set1_ps(3.3472978976e-04f));
  vq = _mm512_fmadd_ps(vu2, vq, _mm512_set1_ps(2.6018999517e-02f));
  vq = _mm512_fmadd_ps(vu2, vq, _mm512_set1_ps(4.6745735407e-01f));
  vq = _mm512_fmadd_ps(vu2, vq, _mm512_set1_ps(1.0f));
  // p / q as p * (1/q): VRCP14PS (relative error < 2^-14) and one Newton-Raphson step (error
  // ~2^-28), cheaper than VDIVPS (q is in [1, 9.2], never 0).
  __m512 vr = _mm512_rcp14_ps(vq);
  vr = _mm512_fmadd_ps(_mm512_fnmadd_ps(vq, vr, _mm512_set1_ps(1.0f)), vr, vr);
  return _mm512_mul_ps(vp, vr);
}

// Logit soft-capping: c * tanh(x * (s / c)) with vinv = fl(s / c), vcap = c; x = -inf stays
// -inf (a masked logit stays masked), NaN stays NaN.
static ATTNORM_INLINE __m512 attnorm_softcap_f32(__m512 vx, __m512 vinv, __m512 vcap) {
  const __m512 vz = _mm512_mul_ps(attnorm_tanh_f32(_mm512_mul_ps(vx, vinv)), vcap);
  const __mmask16 vneginf = _mm512_cmp_ps_mask(vx, _mm512_set1_ps(-__builtin_inff()), _CMP_EQ_OQ);
  return _mm512_mask_blend_ps(vneginf, vz, vx);
}
