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

// ---- sigmoid ----
// (owner: sigstable) sigmoid(z) = 1 / (1 + exp(-z)) of an already computed z, "rr2_p5_scalef":
// e = exp(-|z|) in (0, 1] with n = round(-|z| * log2(e)) by the magic bias, t = -|z| - n*ln2
// (9-bit ln2_hi: n*ln2_hi exact), the p5 polynomial of the exp cores, e = p * 2^n by VSCALEFPS;
// then r = 1 / (1 + e) and sigmoid = r for z >= 0, e * r for z < 0 (no cancellation on either
// side). -|z| is clamped at -112 (NaN-preserving), where p * 2^n is exactly +0: z = -inf gives
// 0, +inf gives 1, NaN gives NaN. Relative error <= 5e-7 for results >= FLT_MIN (measured by
// the f32-vsigmoid tester); results below FLT_MIN are denormal or 0, within FLT_MIN.

// exp(-|z|) and the lanes where z < 0 (sign bit set: -0 gives e = 1, r = e * r = 0.5).
static ATTNORM_INLINE __m512 attnorm_sigmoid_expneg_f32(__m512 vz, __mmask16* vnegative) {
  const __m512i vsign_mask = _mm512_set1_epi32(INT32_C(0x80000000));
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  const __m512 vlog2e = _mm512_set1_ps(0x1.715476p+0f);
  const __m512 vminus_ln2_hi = _mm512_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m512 vminus_ln2_lo = _mm512_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  const __m512 vcutoff = _mm512_set1_ps(-0x1.Cp+6f);            // -112: 2^round(-112*log2e) * p = +0
  const __m512i vzi = _mm512_castps_si512(vz);
  *vnegative = _mm512_test_epi32_mask(vzi, vsign_mask);
  const __m512 vzn = _mm512_max_ps(vcutoff, _mm512_castsi512_ps(_mm512_or_si512(vzi, vsign_mask)));
  const __m512 vn = _mm512_sub_ps(_mm512_fmadd_ps(vzn, vlog2e, vmagic_bias), vmagic_bias);
  __m512 vt = _mm512_fmadd_ps(vn, vminus_ln2_hi, vzn);
  vt = _mm512_fmadd_ps(vn, vminus_ln2_lo, vt);
  return _mm512_scalef_ps(attnorm_exp_p5_f32(vt), vn);
}

// sigmoid(z) with a correctly rounded division (VDIVPS).
static ATTNORM_INLINE __m512 attnorm_sigmoid_div_f32(__m512 vz) {
  __mmask16 vnegative;
  const __m512 ve = attnorm_sigmoid_expneg_f32(vz, &vnegative);
  const __m512 vr = _mm512_div_ps(_mm512_set1_ps(1.0f), _mm512_add_ps(ve, _mm512_set1_ps(1.0f)));
  return _mm512_mask_mul_ps(vr, vnegative, ve, vr);
}

// sigmoid(z) with VRCP14PS and one Newton-Raphson step ("nr1fma": 1/d within ~2^-27).
static ATTNORM_INLINE __m512 attnorm_sigmoid_nr_f32(__m512 vz) {
  __mmask16 vnegative;
  const __m512 vone = _mm512_set1_ps(1.0f);
  const __m512 ve = attnorm_sigmoid_expneg_f32(vz, &vnegative);
  const __m512 vd = _mm512_add_ps(ve, vone);
  __m512 vr = _mm512_rcp14_ps(vd);
  vr = _mm512_fmadd_ps(_mm512_fnmadd_ps(vr, vd, vone), vr, vr);
  return _mm512_mask_mul_ps(vr, vnegative, ve, vr);
}

// ---- stablemax ----
static ATTNORM_INLINE __m512 attnorm_sigstable_inf_f32(void) { return _mm512_castsi512_ps(_mm512_set1_epi32(0x7F800000)); }

// (owner: sigstable) StableMax's s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x
// with scale > 0, reduced from x itself: 1 + z = fma(x, scale, 1) and 1 - z = fma(x, -scale, 1)
// are each rounded once, z never is. m = (x < 0 ? 1 - z : 1 + z) >= 1, s = m or 1 / m.
// x = -inf: m = +inf, s = +0; x = +inf: s = +inf; NaN: NaN (the compare is false for NaN).

// m = 1 + |z| and the lanes where x < 0.
static ATTNORM_INLINE __m512 attnorm_stablemax_m_f32(__m512 vx, __m512 vscale, __m512 vminus_scale,
                                                     __mmask16* vnegative) {
  const __m512 vone = _mm512_set1_ps(1.0f);
  *vnegative = _mm512_cmp_ps_mask(vx, _mm512_setzero_ps(), _CMP_LT_OQ);
  return _mm512_mask_blend_ps(*vnegative, _mm512_fmadd_ps(vx, vscale, vone), _mm512_fmadd_ps(vx, vminus_scale, vone));
}

// s(z) with a correctly rounded division: at most 2 roundings (1.2e-7 relative).
static ATTNORM_INLINE __m512 attnorm_stablemax_div_f32(__m512 vx, __m512 vscale, __m512 vminus_scale) {
  __mmask16 vnegative;
  const __m512 vm = attnorm_stablemax_m_f32(vx, vscale, vminus_scale, &vnegative);
  return _mm512_mask_div_ps(vm, vnegative, _mm512_set1_ps(1.0f), vm);
}

// s(z) with VRCP14PS and one Newton-Raphson step (1/m within ~2^-27; 1/inf = +0 kept:
// the step is skipped where m = +inf, whose VRCP14PS is exactly +0).
static ATTNORM_INLINE __m512 attnorm_stablemax_nr_f32(__m512 vx, __m512 vscale, __m512 vminus_scale) {
  __mmask16 vnegative;
  const __m512 vone = _mm512_set1_ps(1.0f);
  const __m512 vm = attnorm_stablemax_m_f32(vx, vscale, vminus_scale, &vnegative);
  const __m512 vr = _mm512_rcp14_ps(vm);
  // r + r * (1 - r*m): for m = +inf, r = 0 and r*m = NaN; keep r there.
  const __mmask16 vfinite = _mm512_cmp_ps_mask(vm, attnorm_sigstable_inf_f32(), _CMP_NEQ_UQ);
  const __m512 vrefined = _mm512_fmadd_ps(_mm512_fnmadd_ps(vr, vm, vone), vr, vr);
  return _mm512_mask_mov_ps(vm, vnegative, _mm512_mask_mov_ps(vr, vfinite, vrefined));
}

// ---- log ----
// (owner: sigstable) log(m) for positive normal m, +inf and NaN: m = 2^k * f with f in
// [sqrt(1/2), sqrt(2)) (integer arithmetic on the bits), log(m) = k*ln2 + log1p(t), t = f - 1
// (exact), log1p(t) = t + t^2 * q(t), q of degree 7 fitted to (log1p(t) - t) / t^2 on
// [sqrt(1/2) - 1, sqrt(2) - 1]: absolute error of log1p(t) <= 2.4e-8 (evaluated in float with
// FMA, measured), log(m) within 2.4e-8 + 0.5 ulp(log m). log(+inf) = +inf, log(NaN) = NaN.
// 0, negative and denormal inputs are outside the contract.
static ATTNORM_INLINE __m512 attnorm_log_f32(__m512 vm) {
  const __m512i vbits = _mm512_castps_si512(vm);
  const __m512i vk = _mm512_srai_epi32(_mm512_sub_epi32(vbits, _mm512_set1_epi32(0x3F3504F3)), 23);
  const __m512 vf = _mm512_castsi512_ps(_mm512_sub_epi32(vbits, _mm512_slli_epi32(vk, 23)));
  const __m512 vt = _mm512_sub_ps(vf, _mm512_set1_ps(1.0f));
  __m512 vq = _mm512_fmadd_ps(_mm512_set1_ps(0x1.5CD10Ep-4f), vt, _mm512_set1_ps(-0x1.25A242p-3f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(0x1.338356p-3f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(-0x1.535DAAp-3f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(0x1.989C08p-3f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(-0x1.000406p-2f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(0x1.5557C6p-2f));
  vq = _mm512_fmadd_ps(vq, vt, _mm512_set1_ps(-0x1.FFFFFCp-2f));
  const __m512 vlog1p = _mm512_fmadd_ps(vq, _mm512_mul_ps(vt, vt), vt);
  const __m512 vkf = _mm512_cvtepi32_ps(vk);
  // k * ln2 + log1p(t): ln2 = ln2_hi + ln2_lo, each product exact inside its FMA.
  const __m512 vy = _mm512_fmadd_ps(vkf, _mm512_set1_ps(0x1.62E430p-1f),
                                    _mm512_fmadd_ps(vkf, _mm512_set1_ps(-0x1.05C610p-29f), vlog1p));
  // +inf and NaN: m itself.
  const __mmask16 vspecial = _mm512_cmp_ps_mask(vm, attnorm_sigstable_inf_f32(), _CMP_NLT_UQ);
  return _mm512_mask_mov_ps(vy, vspecial, vm);
}

// ---- logstablemax ----
// (owner: sigstable) log s(z) of StableMax = +-log(m), m = 1 + |z| from attnorm_stablemax_m_f32,
// negative where x < 0 (the sign bit of x is moved onto log(m) >= 0): x = -inf -> -inf,
// +inf -> +inf, NaN -> NaN. Error: one rounding of m (2^-24 absolute in log m) plus
// attnorm_log_f32's.
static ATTNORM_INLINE __m512 attnorm_stablemax_log_f32(__m512 vx, __m512 vscale, __m512 vminus_scale) {
  __mmask16 vnegative;
  const __m512 vlog = attnorm_log_f32(attnorm_stablemax_m_f32(vx, vscale, vminus_scale, &vnegative));
  const __m512i vsign = _mm512_and_si512(_mm512_castps_si512(vx), _mm512_set1_epi32(INT32_C(0x80000000)));
  return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(vlog), vsign));
}

// ---- softplus ----

#include <math.h>
#include <stdbool.h>

// softplus(z) = max(z, 0) + log1p(exp(-|z|)) and the power relu(u)^p of the softplus-attention
// kernels (microkernels/f32-raddsoftplus/f32-raddsoftplus.h has the contract). Owner: the
// softplus kernels; the log here is specialised for them (log1p of [0, 1], log of the
// re-weighting's [0, 2] terms), not a general vector log.

// exp(w) for w <= 88.7, "rr2_p6_scalef": n = round(w * log2e) by the magic bias, t = w - n*ln2_hi -
// n*ln2_lo (two FMAs), degree-6 polynomial on [-ln2/2, ln2/2] (relative error 1.1e-8), times 2^n
// by VSCALEFPS. w is clamped up to -110 (NaN-preserving): -inf and every w below -103.97 give
// exactly +0, results below FLT_MIN are denormal. Relative error <= 1.5e-7 for normal results.
static ATTNORM_INLINE __m512 attnorm_softplus_exp_f32(__m512 vw) {
  const __m512 vmagic_bias = _mm512_set1_ps(0x1.8p23f);
  vw = _mm512_max_ps(_mm512_set1_ps(-110.0f), vw);
  const __m512 vn = _mm512_sub_ps(_mm512_fmadd_ps(vw, _mm512_set1_ps(0x1.715476p+0f), vmagic_bias), vmagic_bias);
  __m512 vt = _mm512_fmadd_ps(vn, _mm512_set1_ps(-0x1.62E400p-1f), vw);   // ln2_hi: 16 bits, n*ln2_hi exact
  vt = _mm512_fmadd_ps(vn, _mm512_set1_ps(-0x1.7F7D1Cp-20f), vt);         // ln2_lo = ln2 - ln2_hi
  __m512 vp = _mm512_fmadd_ps(_mm512_set1_ps(0x1.6D4316p-10f), vt, _mm512_set1_ps(0x1.123D82p-7f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.5554EAp-5f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.55547Cp-3f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(0x1.0p-1f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(1.0f));
  vp = _mm512_fmadd_ps(vp, vt, _mm512_set1_ps(1.0f));
  return _mm512_scalef_ps(vp, vn);
}

// log1p(f) / f for f in [-0.25, 0.5): degree-8 polynomial, relative error 3.9e-8 (Chebyshev
// interpolation, float coefficients).
static ATTNORM_INLINE __m512 attnorm_softplus_log1p_q_f32(__m512 vf) {
  __m512 vq = _mm512_fmadd_ps(_mm512_set1_ps(0x1.B1C66Ep-5f), vf, _mm512_set1_ps(-0x1.E9C066p-4f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(0x1.32A51Ap-3f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(-0x1.58CB88p-3f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(0x1.992BACp-3f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(-0x1.FFDADCp-3f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(0x1.5555C8p-2f));
  vq = _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(-0x1.000018p-1f));
  return _mm512_fmadd_ps(vq, vf, _mm512_set1_ps(1.0f));
}

// softplus(z) = max(z, 0) + log1p(e), e = exp(-|z|) in [0, 1]: e < 1/2 takes f = e (exact), e >= 1/2
// takes log1p(e) = ln2 + log1p(f) with f = e/2 - 1/2 (exact, Sterbenz), so the polynomial sees
// f in [-0.25, 0.5) with no rounding of 1 + e. Relative error <= 3e-7 (z < 0: that of e plus the
// log1p polynomial; z >= 0: smaller). -inf -> +0, +inf -> +inf, NaN -> NaN; |z| > 103.97 gives
// max(z, 0) exactly; z < -87.34 gives a denormal (or +0) result.
static ATTNORM_INLINE __m512 attnorm_softplus_f32(__m512 vz) {
  const __m512 vnegabs = _mm512_castsi512_ps(
      _mm512_or_epi32(_mm512_castps_si512(vz), _mm512_set1_epi32((int32_t) UINT32_C(0x80000000))));
  const __m512 ve = attnorm_softplus_exp_f32(vnegabs);
  const __mmask16 vhigh = _mm512_cmp_ps_mask(ve, _mm512_set1_ps(0.5f), _CMP_GE_OQ);
  const __m512 vf = _mm512_mask_fmadd_ps(ve, vhigh, _mm512_set1_ps(0.5f), _mm512_set1_ps(-0.5f));
  __m512 vl = _mm512_mul_ps(vf, attnorm_softplus_log1p_q_f32(vf));
  vl = _mm512_mask_add_ps(vl, vhigh, vl, _mm512_set1_ps(0x1.62E430p-1f));  // + ln2
  // max(0, z) returns z when z is NaN.
  return _mm512_add_ps(_mm512_max_ps(_mm512_setzero_ps(), vz), vl);
}

// 1 where x is not -inf (NaN counts), 0 where it is: the unmasked logits of a row.
static ATTNORM_INLINE __m512 attnorm_softplus_unmasked_f32(__m512 vx) {
  const __mmask16 vm = _mm512_cmp_ps_mask(vx, _mm512_set1_ps(-INFINITY), _CMP_NEQ_UQ);
  return _mm512_maskz_mov_ps(vm, _mm512_set1_ps(1.0f));
}

// min(a, b) for the kernels' clamps; returns b when either is NaN.
static ATTNORM_INLINE __m512 attnorm_softplus_min_f32(__m512 a, __m512 b) { return _mm512_min_ps(a, b); }

// log(v) for v >= 0 (denormals included): v = m * 2^k with m in [0.75, 1.5) (VGETMANTPS,
// VGETEXPPS), log v = k*ln2 + log1p(m - 1); m - 1 is exact. 0 -> -inf, NaN -> NaN. Absolute
// error <= 4e-8 * max(1, |log v|).
static ATTNORM_INLINE __m512 attnorm_softplus_log_f32(__m512 vv) {
  __m512 vm = _mm512_getmant_ps(vv, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_src);
  __m512 vk = _mm512_getexp_ps(vv);
  const __mmask16 vbig = _mm512_cmp_ps_mask(vm, _mm512_set1_ps(1.5f), _CMP_GE_OQ);
  vm = _mm512_mask_mul_ps(vm, vbig, vm, _mm512_set1_ps(0.5f));
  vk = _mm512_mask_add_ps(vk, vbig, vk, _mm512_set1_ps(1.0f));
  const __m512 vf = _mm512_sub_ps(vm, _mm512_set1_ps(1.0f));
  const __m512 vl = _mm512_fmadd_ps(vk, _mm512_set1_ps(0x1.7F7D1Cp-20f), _mm512_mul_ps(vf, attnorm_softplus_log1p_q_f32(vf)));
  const __m512 vlog = _mm512_fmadd_ps(vk, _mm512_set1_ps(0x1.62E400p-1f), vl);
  // getexp(0) = -inf gives -inf; keep it (and +0's m = 0 would give a finite f).
  return _mm512_mask_mov_ps(vlog, _mm512_cmp_ps_mask(vv, _mm512_setzero_ps(), _CMP_EQ_OQ), _mm512_set1_ps(-INFINITY));
}

// The re-weighting's base v = max(0, u), u = sp * alpha - offset rounded once (NaN stays).
static ATTNORM_INLINE __m512 attnorm_softplus_reluaffine_f32(__m512 vsp, __m512 valpha, __m512 vminus_offset) {
  return _mm512_max_ps(_mm512_setzero_ps(), _mm512_fmadd_ps(vsp, valpha, vminus_offset));
}
// v^frac = exp(frac * log v) for v in [0, 2], 0 < frac < 1: 0 -> 0.
static ATTNORM_INLINE __m512 attnorm_softplus_powfrac_f32(__m512 vv, __m512 vfrac) {
  return attnorm_softplus_exp_f32(_mm512_mul_ps(vfrac, attnorm_softplus_log_f32(vv)));
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

// ---- stablemax2 ----
// (owner: stablemax2) StableMax's m = 1 + |z| = fma(|x|, scale, 1) (rounded once, the same value
// as attnorm_stablemax_m_f32), s = m or 1 / m (correctly rounded division) on the sign bit of x,
// and a cheaper log for LogStableMax: log(m) for positive normal m, +inf and NaN by VGETEXPPS /
// VGETMANTPS and a 16-entry VPERMPS table: m = 2^e * f, f in [1, 2) (VGETEXPPS(+inf) = +inf,
// VGETEXPPS(NaN) = NaN: no special-case blend), j = the top 4 bits of f's fraction,
// r_j = fl(1 / (1 + (j + 1/2) / 16)), t = fma(f, r_j, -1) (|t| <= 0.0304, one rounding),
// log(m) = e*ln2 + fl(-log r_j) + log1p(t), log1p(t) = t + t^2 (c2 + c3 t) (minimax on
// [-0.0304, 0.0304]: 3.7e-8 evaluated in float). ln2 is the float nearest ln2 (1.9e-9 off:
// e * 1.9e-9 <= 2^-24 * log(m) / 20, inside the half ulp of log m). Absolute error of log(m):
// 6e-8 + 0.5 ulp(log m) (measured by the f32-vlogstablemax and f32-logstablemax testers).
static ATTNORM_INLINE __m512 attnorm_stablemax2_m_f32(__m512 vx, __m512 vscale) {
  const __m512 vabsx = _mm512_castsi512_ps(_mm512_and_epi32(_mm512_castps_si512(vx), _mm512_set1_epi32(0x7FFFFFFF)));
  return _mm512_fmadd_ps(vabsx, vscale, _mm512_set1_ps(1.0f));
}
// s from m: 1 / m where the sign bit of x is set (x = -0: m = 1 either way).
static ATTNORM_INLINE __m512 attnorm_stablemax2_s_f32(__m512 vm, __m512 vx) {
  const __mmask16 vnegative = _mm512_test_epi32_mask(_mm512_castps_si512(vx), _mm512_set1_epi32(INT32_C(0x80000000)));
  return _mm512_mask_div_ps(vm, vnegative, _mm512_set1_ps(1.0f), vm);
}
// log(f) = fl(-log r_j) + log1p(t), |.| < 0.7; *ve = e.
static ATTNORM_INLINE __m512 attnorm_stablemax2_log_mant_f32(__m512 vm, __m512* ve) {
  const __m512 vtable_r = _mm512_setr_ps(
      0x1.F07C20p-1f, 0x1.D41D42p-1f, 0x1.BACF92p-1f, 0x1.A41A42p-1f, 0x1.8F9C18p-1f, 0x1.7D05F4p-1f,
      0x1.6C16C2p-1f, 0x1.5C9882p-1f, 0x1.4E5E0Ap-1f, 0x1.414142p-1f, 0x1.3521D0p-1f, 0x1.29E412p-1f,
      0x1.1F7048p-1f, 0x1.15B1E6p-1f, 0x1.0C9714p-1f, 0x1.041042p-1f);
  const __m512 vtable_log = _mm512_setr_ps(  // fl(-log r_j)
      0x1.F82990p-6f, 0x1.6F0D28p-4f, 0x1.29552Cp-3f, 0x1.9525A8p-3f, 0x1.FB918Cp-3f, 0x1.2E8E2Cp-2f,
      0x1.5D1BDAp-2f, 0x1.89A33Ap-2f, 0x1.B44F7Ap-2f, 0x1.DD469Ep-2f, 0x1.02552Ap-1f, 0x1.154C3Ep-1f,
      0x1.2795E0p-1f, 0x1.393E0Ep-1f, 0x1.4A4F88p-1f, 0x1.5AD402p-1f);
  const __m512 vf = _mm512_getmant_ps(vm, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
  *ve = _mm512_getexp_ps(vm);
  // VPERMPS reads the low 4 bits of each index: bits 19..22 of f, the top of its fraction.
  const __m512i vj = _mm512_srli_epi32(_mm512_castps_si512(vf), 19);
  const __m512 vr = _mm512_permutexvar_ps(vj, vtable_r);
  const __m512 vlog_c = _mm512_permutexvar_ps(vj, vtable_log);
  const __m512 vt = _mm512_fmsub_ps(vf, vr, _mm512_set1_ps(1.0f));
  const __m512 vq = _mm512_fmadd_ps(_mm512_set1_ps(0x1.558182p-2f), vt, _mm512_set1_ps(-0x1.0018EEp-1f));
  const __m512 vlog1p = _mm512_fmadd_ps(vq, _mm512_mul_ps(vt, vt), vt);
  return _mm512_add_ps(vlog_c, vlog1p);
}
static ATTNORM_INLINE __m512 attnorm_stablemax2_log_f32(__m512 vm) {
  __m512 ve;
  const __m512 vlog_f = attnorm_stablemax2_log_mant_f32(vm, &ve);
  return _mm512_fmadd_ps(ve, _mm512_set1_ps(0x1.62E430p-1f), vlog_f);
}
// log s(z) = +-log(m), negative where the sign bit of x is set: x = -inf -> -inf, +inf -> +inf,
// NaN -> NaN.
static ATTNORM_INLINE __m512 attnorm_stablemax2_logs_f32(__m512 vm, __m512 vx) {
  const __m512i vsign = _mm512_and_epi32(_mm512_castps_si512(vx), _mm512_set1_epi32(INT32_C(0x80000000)));
  return _mm512_castsi512_ps(_mm512_xor_epi32(_mm512_castps_si512(attnorm_stablemax2_log_f32(vm)), vsign));
}
// -log(sum) as hi + lo (hi + lo within 6e-8 of -log sum: hi's float rounding costs nothing),
// sum a positive normal float, in every lane: log = a + b, a = e*ln2_hi (16 bits: exact),
// b = e*ln2_lo + log(f), then Fast2Sum.
static ATTNORM_INLINE void attnorm_stablemax2_minus_log_hilo_f32(__m512 vsum, __m512* vhi, __m512* vlo) {
  __m512 ve;
  const __m512 vlog_f = attnorm_stablemax2_log_mant_f32(vsum, &ve);
  const __m512 va = _mm512_mul_ps(ve, _mm512_set1_ps(0x1.62E4p-1f));
  const __m512 vb = _mm512_fmadd_ps(ve, _mm512_set1_ps(0x1.7F7D1Cp-20f), vlog_f);
  const __m512 vs = _mm512_add_ps(va, vb);
  *vhi = _mm512_sub_ps(_mm512_setzero_ps(), vs);
  *vlo = _mm512_sub_ps(_mm512_sub_ps(vs, va), vb);  // -(b - (s - a))
}
