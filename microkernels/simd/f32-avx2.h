// AVX2 + FMA3 vocabulary of the f32 microkernel templates (the names of
// f32-avx512f.h, for 8-float vectors). Tails use a mask table with VMASKMOVPS
// loads and 4/2/1 stores; nothing outside the row is touched.
#pragma once

#if !defined(__AVX2__) || !defined(__FMA__)
  #error "microkernels/simd/f32-avx2.h needs -mavx2 -mfma"
#endif

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include <immintrin.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"

typedef __m256 attnorm_simd_f32_t;
#define ATTNORM_SIMD_F32_SIZE 8

static ATTNORM_INLINE __m256 attnorm_zero_f32(void) { return _mm256_setzero_ps(); }
static ATTNORM_INLINE __m256 attnorm_set1_f32(float x) { return _mm256_set1_ps(x); }
static ATTNORM_INLINE __m256 attnorm_loadu_f32(const float* input) { return _mm256_loadu_ps(input); }
static ATTNORM_INLINE void attnorm_storeu_f32(float* output, __m256 v) { _mm256_storeu_ps(output, v); }
static ATTNORM_INLINE __m256 attnorm_add_f32(__m256 a, __m256 b) { return _mm256_add_ps(a, b); }
static ATTNORM_INLINE __m256 attnorm_sub_f32(__m256 a, __m256 b) { return _mm256_sub_ps(a, b); }
static ATTNORM_INLINE __m256 attnorm_mul_f32(__m256 a, __m256 b) { return _mm256_mul_ps(a, b); }
// a * b + c, rounded once.
static ATTNORM_INLINE __m256 attnorm_fmadd_f32(__m256 a, __m256 b, __m256 c) { return _mm256_fmadd_ps(a, b, c); }
// max(a, b); returns b when either is NaN (x86 MAXPS): max(bound, x) keeps a NaN x.
static ATTNORM_INLINE __m256 attnorm_max_f32(__m256 a, __m256 b) { return _mm256_max_ps(a, b); }

// ---- The last 1..7 elements of a row.

// attnorm_avx2_mask_table[7 - n .. 15 - n) selects the first n of 8 lanes.
static const int32_t attnorm_avx2_mask_table[14] = {-1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};

static ATTNORM_INLINE __m256i attnorm_tail_mask_f32(size_t elements) {
  assert(elements >= 1 && elements < ATTNORM_SIMD_F32_SIZE);
  return _mm256_loadu_si256((const __m256i*) &attnorm_avx2_mask_table[7 - elements]);
}
// Lanes past the row are 0.
static ATTNORM_INLINE __m256 attnorm_load_tail_f32(const float* input, size_t elements) {
  return _mm256_maskload_ps(input, attnorm_tail_mask_f32(elements));
}
static ATTNORM_INLINE void attnorm_store_tail_f32(float* output, __m256 v, size_t elements) {
  __m128 v_lo = _mm256_castps256_ps128(v);
  if (elements & 4) {
    _mm_storeu_ps(output, v_lo);
    v_lo = _mm256_extractf128_ps(v, 1);
    output += 4;
  }
  if (elements & 2) {
    _mm_storel_pi((__m64*) output, v_lo);
    v_lo = _mm_movehl_ps(v_lo, v_lo);
    output += 2;
  }
  if (elements & 1) {
    _mm_store_ss(output, v_lo);
  }
}
// acc + v in the row's lanes, acc past the row.
static ATTNORM_INLINE __m256 attnorm_add_tail_f32(__m256 acc, __m256 v, size_t elements) {
  return _mm256_add_ps(acc, _mm256_and_ps(v, _mm256_castsi256_ps(attnorm_tail_mask_f32(elements))));
}
// max(acc, v) in the row's lanes, acc past the row.
static ATTNORM_INLINE __m256 attnorm_max_tail_f32(__m256 acc, __m256 v, size_t elements) {
  return _mm256_max_ps(acc, _mm256_blendv_ps(acc, v, _mm256_castsi256_ps(attnorm_tail_mask_f32(elements))));
}

static ATTNORM_INLINE float attnorm_reduce_add_f32(__m256 v) {
  __m128 v_lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  v_lo = _mm_add_ps(v_lo, _mm_movehl_ps(v_lo, v_lo));
  v_lo = _mm_add_ss(v_lo, _mm_movehdup_ps(v_lo));
  return _mm_cvtss_f32(v_lo);
}
static ATTNORM_INLINE float attnorm_reduce_max_f32(__m256 v) {
  __m128 v_lo = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  v_lo = _mm_max_ps(v_lo, _mm_movehl_ps(v_lo, v_lo));
  v_lo = _mm_max_ss(v_lo, _mm_movehdup_ps(v_lo));
  return _mm_cvtss_f32(v_lo);
}

// ---- exp cores ---------------------------------------------------------------

// Degree-5 polynomial p(t) ~ exp(t) on [-ln2/2, ln2/2] (XNNPACK's p5 coefficients):
// p = 1 + t*(c1 + t*(c2 + t*(c3 + t*(c4 + t*c5)))), relative error ~1.2e-7 on the interval.
static ATTNORM_INLINE __m256 attnorm_exp_p5_f32(__m256 vt) {
  __m256 vp = _mm256_fmadd_ps(_mm256_set1_ps(0x1.0F9F9Cp-7f), vt, _mm256_set1_ps(0x1.573A1Ap-5f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.555A80p-3f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.FFFDC6p-2f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.FFFFF6p-1f));
  return _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(1.0f));
}

// The float 2^e from the low 9 bits of a float b in [1.5*2^23, 1.5*2^23 + 2^22) holding
// e + 127 in its low mantissa bits (a magic-bias rounding): e + 127 = 0 gives exactly +0.
static ATTNORM_INLINE __m256 attnorm_exp2_bits_f32(__m256 vb) {
  return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_castps_si256(vb), 23));
}

// ---- Three-pass exp: e = exp(s*x - k*ln2) (microkernels/f32-raddstoreexpminusmax/
// f32-raddstoreexpminusmax.h has the contract; k from attnorm_f32_expminus_k).

// Per-call constants, built once by attnorm_expminus_init_f32.
struct attnorm_expminus_f32 {
  __m256 min_input;    // inputs are clamped up to it: n - k = -127 there, 2^(n-k) is +0
  __m256 scale;        // s
  __m256 scale_log2e;  // fl(s * log2(e))
  __m256 magic_bias;   // 1.5 * 2^23 + 127 - k: the biased n holds n - k + 127 in its low bits
};

static ATTNORM_INLINE struct attnorm_expminus_f32 attnorm_expminus_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], float max) {
  const float k = attnorm_f32_expminus_k(max);
  struct attnorm_expminus_f32 c;
  c.min_input = _mm256_set1_ps(attnorm_f32_expminus_min_input(params, k, 127.0f));
  c.scale = _mm256_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);
  c.magic_bias = _mm256_set1_ps(0x1.8p23f + (127.0f - k));
  return c;
}

// exp(s*x - k*ln2), "rr1_p5" reduced from x itself: n = round(x * fl(s*log2e)) by a magic bias
// that also holds n - k + 127, so shifting its bits gives 2^(n - k); t = fma(x, s, -n*ln2_hi)
// - n*ln2_lo with a 9-bit ln2_hi, so n*ln2_hi is exact while |s*x| <= 2^14 and s*x is never
// rounded on its own; e = p(t) * 2^(n - k). One NaN-preserving clamp of x at min_input (where
// n - k + 127 = 0) turns -inf and every term below 2^-127 into exactly +0: no compare, no mask.
static ATTNORM_INLINE __m256 attnorm_expminus_f32(__m256 vx, const struct attnorm_expminus_f32* c) {
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm256_max_ps(c->min_input, vx);
  const __m256 vb = _mm256_fmadd_ps(vx, c->scale_log2e, c->magic_bias);
  const __m256 vs = attnorm_exp2_bits_f32(vb);
  const __m256 vn = _mm256_sub_ps(vb, c->magic_bias);
  __m256 vt = _mm256_fmadd_ps(vx, c->scale, _mm256_mul_ps(vn, vminus_ln2_hi));
  vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
  return _mm256_mul_ps(attnorm_exp_p5_f32(vt), vs);
}

// ---- Two-Pass exp: exp(s*x) = p * 2^n with no max (the contract is in
// microkernels/f32-raddextexp/f32-raddextexp.h).

// A lane past the row, loaded as fill (-inf for the extexp sums: it contributes nothing).
static ATTNORM_INLINE __m256 attnorm_load_tail_or_f32(const float* input, size_t elements, __m256 vfill) {
  const __m256i vmask = attnorm_tail_mask_f32(elements);
  return _mm256_blendv_ps(vfill, _mm256_maskload_ps(input, vmask), _mm256_castsi256_ps(vmask));
}

// Degree-5 polynomial of attnorm_exp_p5_f32 with every coefficient multiplied by a per-call
// factor m (rounded once each): attnorm_exp_p5_scaled_f32(t) ~ m * exp(t), which saves the
// multiply by m after the polynomial.
struct attnorm_p5_scaled_f32 {
  __m256 c0, c1, c2, c3, c4, c5;
};
static ATTNORM_INLINE struct attnorm_p5_scaled_f32 attnorm_p5_scaled_init_f32(float m) {
  struct attnorm_p5_scaled_f32 c;
  c.c0 = _mm256_set1_ps(m);
  c.c1 = _mm256_set1_ps(0x1.FFFFF6p-1f * m);
  c.c2 = _mm256_set1_ps(0x1.FFFDC6p-2f * m);
  c.c3 = _mm256_set1_ps(0x1.555A80p-3f * m);
  c.c4 = _mm256_set1_ps(0x1.573A1Ap-5f * m);
  c.c5 = _mm256_set1_ps(0x1.0F9F9Cp-7f * m);
  return c;
}
static ATTNORM_INLINE __m256 attnorm_exp_p5_scaled_f32(__m256 vt, const struct attnorm_p5_scaled_f32* c) {
  __m256 vp = _mm256_fmadd_ps(c->c5, vt, c->c4);
  vp = _mm256_fmadd_ps(vp, vt, c->c3);
  vp = _mm256_fmadd_ps(vp, vt, c->c2);
  vp = _mm256_fmadd_ps(vp, vt, c->c1);
  return _mm256_fmadd_ps(vp, vt, c->c0);
}

// Per-call constants, built once by attnorm_extexp_init_f32.
struct attnorm_extexp_f32 {
  __m256 min_input;    // attnorm_f32_extexp_min_input: inputs are clamped up to it
  __m256 scale;        // s
  __m256 scale_log2e;  // fl(s * log2(e))
};

static ATTNORM_INLINE struct attnorm_extexp_f32 attnorm_extexp_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  struct attnorm_extexp_f32 c;
  c.min_input = _mm256_set1_ps(attnorm_f32_extexp_min_input(params));
  c.scale = _mm256_set1_ps(params->scalar.scale);
  c.scale_log2e = _mm256_set1_ps(params->scalar.scale_log2e);
  return c;
}

// t and n with exp(s*x) = exp(t) * 2^n: the reduction of attnorm_expminus_f32 without k (n =
// round(x * fl(s*log2e)) by the magic bias, t = fma(x, s, -n*ln2_hi) - n*ln2_lo, 9-bit
// ln2_hi). One NaN-preserving clamp of x at min_input turns -inf into a finite term far below
// every valid one (attnorm_f32_extexp_min_input); NaN stays NaN in t and n, +inf gives NaN t.
static ATTNORM_INLINE __m256 attnorm_extexp_reduce_f32(__m256 vx, const struct attnorm_extexp_f32* c, __m256* vn_out) {
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8p23f);
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  vx = _mm256_max_ps(c->min_input, vx);
  const __m256 vn = _mm256_sub_ps(_mm256_fmadd_ps(vx, c->scale_log2e, vmagic_bias), vmagic_bias);
  __m256 vt = _mm256_fmadd_ps(vx, c->scale, _mm256_mul_ps(vn, vminus_ln2_hi));
  vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
  *vn_out = vn;
  return vt;
}

// Exponent biases for attnorm_mul_exp2_f32 / attnorm_fmadd_exp2_f32: n + bias = 1.5*2^23 + 127
// + (n + e), resp. + (n - m), the biased exponent of 2^(n + e) in the low bits of a float
// (exact while n + e >= -2^22). Computed once per call or per loop iteration.
static ATTNORM_INLINE __m256 attnorm_exp2_bias_f32(float e) { return _mm256_set1_ps(0x1.8000FEp23f + e); }
static ATTNORM_INLINE __m256 attnorm_exp2_minus_bias_f32(__m256 vm) {
  return _mm256_sub_ps(_mm256_set1_ps(0x1.8000FEp23f), vm);
}
// 2^(n + e) for n + e <= 127 (the caller's contract): a NaN-preserving clamp at the magic bias
// makes n + e <= -127 exactly +0 (exponent field 0), so no compare.
static ATTNORM_INLINE __m256 attnorm_exp2_biased_f32(__m256 vn, __m256 vbias) {
  return attnorm_exp2_bits_f32(_mm256_max_ps(_mm256_set1_ps(0x1.8p23f), _mm256_add_ps(vn, vbias)));
}
// v * 2^(n + e).
static ATTNORM_INLINE __m256 attnorm_mul_exp2_f32(__m256 v, __m256 vn, __m256 vbias) {
  return _mm256_mul_ps(v, attnorm_exp2_biased_f32(vn, vbias));
}
// acc + p * 2^(n - m), for n - m <= 0.
static ATTNORM_INLINE __m256 attnorm_fmadd_exp2_f32(__m256 vp, __m256 vn, __m256 vbias, __m256 vacc) {
  return _mm256_fmadd_ps(vp, attnorm_exp2_biased_f32(vn, vbias), vacc);
}

// ---- sigmoid ----
// (owner: sigstable) sigmoid(z) = 1 / (1 + exp(-z)) of an already computed z, "rr2_p5":
// e = exp(-|z|) in (0, 1] with n = round(-|z| * log2(e)) by a magic bias that also holds
// n + 127 (its bits shifted give 2^n), t = -|z| - n*ln2 (9-bit ln2_hi: n*ln2_hi exact), the p5
// polynomial of the exp cores, e = p * 2^n; then r = 1 / (1 + e) and sigmoid = r for z >= 0,
// e * r for z < 0 (no cancellation on either side). -|z| is clamped (NaN-preserving) at
// fl(-127 ln2), where n = -127 and 2^n is exactly +0: z = -inf gives 0, +inf gives 1, NaN
// gives NaN. Relative error <= 5e-7 for results >= FLT_MIN (measured by the f32-vsigmoid
// tester); results below FLT_MIN are 0 or within FLT_MIN.

// exp(-|z|); the caller selects on the sign bit of z (-0 gives e = 1, e * r = r = 0.5).
static ATTNORM_INLINE __m256 attnorm_sigmoid_expneg_f32(__m256 vz) {
  const __m256 vsign_mask = _mm256_set1_ps(-0.0f);
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);    // 1.5 * 2^23 + 127
  const __m256 vlog2e = _mm256_set1_ps(0x1.715476p+0f);
  const __m256 vminus_ln2_hi = _mm256_set1_ps(-0x1.63p-1f);     // -ln2 to 9 bits: -0.693359375
  const __m256 vminus_ln2_lo = _mm256_set1_ps(0x1.BD0106p-13f); // ln2_hi - ln2 = 2.1219444e-4
  const __m256 vcutoff = _mm256_set1_ps(-0x1.601E68p+6f);       // fl(-127 ln2): n = -127, 2^n = +0
  const __m256 vzn = _mm256_max_ps(vcutoff, _mm256_or_ps(vz, vsign_mask));
  const __m256 vb = _mm256_fmadd_ps(vzn, vlog2e, vmagic_bias);
  const __m256 vs = attnorm_exp2_bits_f32(vb);
  const __m256 vn = _mm256_sub_ps(vb, vmagic_bias);
  __m256 vt = _mm256_fmadd_ps(vn, vminus_ln2_hi, vzn);
  vt = _mm256_fmadd_ps(vn, vminus_ln2_lo, vt);
  return _mm256_mul_ps(attnorm_exp_p5_f32(vt), vs);
}

// sigmoid(z) with a correctly rounded division (VDIVPS).
static ATTNORM_INLINE __m256 attnorm_sigmoid_div_f32(__m256 vz) {
  const __m256 ve = attnorm_sigmoid_expneg_f32(vz);
  const __m256 vr = _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_add_ps(ve, _mm256_set1_ps(1.0f)));
  return _mm256_blendv_ps(vr, _mm256_mul_ps(ve, vr), vz);
}

// sigmoid(z) with VRCPPS and two Newton-Raphson steps ("nr2fma": 1/d within ~2^-23.5 after
// one, a few ulp after two).
static ATTNORM_INLINE __m256 attnorm_sigmoid_nr_f32(__m256 vz) {
  const __m256 vone = _mm256_set1_ps(1.0f);
  const __m256 ve = attnorm_sigmoid_expneg_f32(vz);
  const __m256 vd = _mm256_add_ps(ve, vone);
  __m256 vr = _mm256_rcp_ps(vd);
  vr = _mm256_fmadd_ps(_mm256_fnmadd_ps(vr, vd, vone), vr, vr);
  vr = _mm256_fmadd_ps(_mm256_fnmadd_ps(vr, vd, vone), vr, vr);
  return _mm256_blendv_ps(vr, _mm256_mul_ps(ve, vr), vz);
}

// ---- stablemax ----
// (owner: sigstable) StableMax's s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x
// with scale > 0, reduced from x itself: 1 + z = fma(x, scale, 1) and 1 - z = fma(x, -scale, 1)
// are each rounded once, z never is. m = (x < 0 ? 1 - z : 1 + z) >= 1, s = m or 1 / m, selected
// on the sign bit of x (x = -0: m = 1 either way). x = -inf: m = +inf, s = +0; x = +inf:
// s = +inf; NaN: NaN.

static ATTNORM_INLINE __m256 attnorm_sigstable_inf_f32(void) { return _mm256_castsi256_ps(_mm256_set1_epi32(0x7F800000)); }

// m = 1 + |z|.
static ATTNORM_INLINE __m256 attnorm_stablemax_m_f32(__m256 vx, __m256 vscale, __m256 vminus_scale) {
  const __m256 vone = _mm256_set1_ps(1.0f);
  return _mm256_blendv_ps(_mm256_fmadd_ps(vx, vscale, vone), _mm256_fmadd_ps(vx, vminus_scale, vone), vx);
}

// s(z) with a correctly rounded division: at most 2 roundings (1.2e-7 relative).
static ATTNORM_INLINE __m256 attnorm_stablemax_div_f32(__m256 vx, __m256 vscale, __m256 vminus_scale) {
  const __m256 vm = attnorm_stablemax_m_f32(vx, vscale, vminus_scale);
  return _mm256_blendv_ps(vm, _mm256_div_ps(_mm256_set1_ps(1.0f), vm), vx);
}

// s(z) with VRCPPS and two Newton-Raphson steps; m = +inf keeps VRCPPS's exact +0.
static ATTNORM_INLINE __m256 attnorm_stablemax_nr_f32(__m256 vx, __m256 vscale, __m256 vminus_scale) {
  const __m256 vone = _mm256_set1_ps(1.0f);
  const __m256 vm = attnorm_stablemax_m_f32(vx, vscale, vminus_scale);
  const __m256 vr0 = _mm256_rcp_ps(vm);
  __m256 vr = _mm256_fmadd_ps(_mm256_fnmadd_ps(vr0, vm, vone), vr0, vr0);
  vr = _mm256_fmadd_ps(_mm256_fnmadd_ps(vr, vm, vone), vr, vr);
  vr = _mm256_blendv_ps(vr, vr0, _mm256_cmp_ps(vm, attnorm_sigstable_inf_f32(), _CMP_EQ_OQ));
  return _mm256_blendv_ps(vm, vr, vx);
}

// ---- log ----
// (owner: sigstable) log(m) for positive normal m, +inf and NaN: m = 2^k * f with f in
// [sqrt(1/2), sqrt(2)) (integer arithmetic on the bits), log(m) = k*ln2 + log1p(t), t = f - 1
// (exact), log1p(t) = t + t^2 * q(t), q of degree 7 fitted to (log1p(t) - t) / t^2 on
// [sqrt(1/2) - 1, sqrt(2) - 1]: absolute error of log1p(t) <= 2.4e-8 (evaluated in float with
// FMA, measured), log(m) within 2.4e-8 + 0.5 ulp(log m). log(+inf) = +inf, log(NaN) = NaN.
// 0, negative and denormal inputs are outside the contract.
static ATTNORM_INLINE __m256 attnorm_log_f32(__m256 vm) {
  const __m256i vbits = _mm256_castps_si256(vm);
  const __m256i vk = _mm256_srai_epi32(_mm256_sub_epi32(vbits, _mm256_set1_epi32(0x3F3504F3)), 23);
  const __m256 vf = _mm256_castsi256_ps(_mm256_sub_epi32(vbits, _mm256_slli_epi32(vk, 23)));
  const __m256 vt = _mm256_sub_ps(vf, _mm256_set1_ps(1.0f));
  __m256 vq = _mm256_fmadd_ps(_mm256_set1_ps(0x1.5CD10Ep-4f), vt, _mm256_set1_ps(-0x1.25A242p-3f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(0x1.338356p-3f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(-0x1.535DAAp-3f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(0x1.989C08p-3f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(-0x1.000406p-2f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(0x1.5557C6p-2f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(-0x1.FFFFFCp-2f));
  const __m256 vlog1p = _mm256_fmadd_ps(vq, _mm256_mul_ps(vt, vt), vt);
  const __m256 vkf = _mm256_cvtepi32_ps(vk);
  // k * ln2 + log1p(t): ln2 = ln2_hi + ln2_lo, each product exact inside its FMA.
  const __m256 vy = _mm256_fmadd_ps(vkf, _mm256_set1_ps(0x1.62E430p-1f),
                                    _mm256_fmadd_ps(vkf, _mm256_set1_ps(-0x1.05C610p-29f), vlog1p));
  // +inf and NaN: m itself.
  return _mm256_blendv_ps(vy, vm, _mm256_cmp_ps(vm, attnorm_sigstable_inf_f32(), _CMP_NLT_UQ));
}

// ---- logstablemax ----
// (owner: sigstable) log s(z) of StableMax = +-log(m), m = 1 + |z| from attnorm_stablemax_m_f32,
// negative where x < 0 (the sign bit of x is moved onto log(m) >= 0): x = -inf -> -inf,
// +inf -> +inf, NaN -> NaN. Error: one rounding of m (2^-24 absolute in log m) plus
// attnorm_log_f32's.
static ATTNORM_INLINE __m256 attnorm_stablemax_log_f32(__m256 vx, __m256 vscale, __m256 vminus_scale) {
  const __m256 vlog = attnorm_log_f32(attnorm_stablemax_m_f32(vx, vscale, vminus_scale));
  return _mm256_xor_ps(vlog, _mm256_and_ps(vx, _mm256_set1_ps(-0.0f)));
}

// ---- softplus ----

#include <math.h>
#include <stdbool.h>

// softplus(z) = max(z, 0) + log1p(exp(-|z|)) and the power relu(u)^p of the softplus-attention
// kernels (microkernels/f32-raddsoftplus/f32-raddsoftplus.h has the contract). Owner: the
// softplus kernels; the log here is specialised for them (log1p of [0, 1], log of the
// re-weighting's [0, 2] terms), not a general vector log.

// exp(w) for w <= 88.7, "rr2_p6": n = round(w * log2e) by a magic bias that also holds n + 127
// (its bits shifted give 2^n), t = w - n*ln2_hi - n*ln2_lo (two FMAs), degree-6 polynomial on
// [-ln2/2, ln2/2] (relative error 1.1e-8), times 2^n. w below -87.34 (results below FLT_MIN) and
// -inf give exactly +0 (a compare and a mask); NaN -> NaN. Relative error <= 1.5e-7.
static ATTNORM_INLINE __m256 attnorm_softplus_exp_f32(__m256 vw) {
  const __m256 vmagic_bias = _mm256_set1_ps(0x1.8000FEp23f);  // 1.5*2^23 + 127
  const __m256 vb = _mm256_fmadd_ps(vw, _mm256_set1_ps(0x1.715476p+0f), vmagic_bias);
  const __m256 vs = attnorm_exp2_bits_f32(vb);
  const __m256 vn = _mm256_sub_ps(vb, vmagic_bias);
  __m256 vt = _mm256_fmadd_ps(vn, _mm256_set1_ps(-0x1.62E400p-1f), vw);   // ln2_hi: 16 bits, n*ln2_hi exact
  vt = _mm256_fmadd_ps(vn, _mm256_set1_ps(-0x1.7F7D1Cp-20f), vt);         // ln2_lo = ln2 - ln2_hi
  __m256 vp = _mm256_fmadd_ps(_mm256_set1_ps(0x1.6D4316p-10f), vt, _mm256_set1_ps(0x1.123D82p-7f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.5554EAp-5f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.55547Cp-3f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(0x1.0p-1f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(1.0f));
  vp = _mm256_fmadd_ps(vp, vt, _mm256_set1_ps(1.0f));
  const __m256 ve = _mm256_mul_ps(vp, vs);
  // Below the cutoff (and -inf) the exponent bits are garbage: +0. NaN compares false and stays.
  return _mm256_andnot_ps(_mm256_cmp_ps(vw, _mm256_set1_ps(-0x1.5D589Ep+6f), _CMP_LT_OQ), ve);
}

// log1p(f) / f for f in [-0.25, 0.5): degree-8 polynomial, relative error 3.9e-8.
static ATTNORM_INLINE __m256 attnorm_softplus_log1p_q_f32(__m256 vf) {
  __m256 vq = _mm256_fmadd_ps(_mm256_set1_ps(0x1.B1C66Ep-5f), vf, _mm256_set1_ps(-0x1.E9C066p-4f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(0x1.32A51Ap-3f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(-0x1.58CB88p-3f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(0x1.992BACp-3f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(-0x1.FFDADCp-3f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(0x1.5555C8p-2f));
  vq = _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(-0x1.000018p-1f));
  return _mm256_fmadd_ps(vq, vf, _mm256_set1_ps(1.0f));
}

// softplus(z) = max(z, 0) + log1p(e), e = exp(-|z|) (see f32-avx512f.h): relative error <= 2.5e-7;
// -inf -> +0, +inf -> +inf, NaN -> NaN; z < -87.34 gives +0 (results below FLT_MIN flush).
static ATTNORM_INLINE __m256 attnorm_softplus_f32(__m256 vz) {
  const __m256 vnegabs = _mm256_or_ps(vz, _mm256_set1_ps(-0.0f));
  const __m256 ve = attnorm_softplus_exp_f32(vnegabs);
  const __m256 vhigh = _mm256_cmp_ps(ve, _mm256_set1_ps(0.5f), _CMP_GE_OQ);
  const __m256 vf = _mm256_blendv_ps(ve, _mm256_fmadd_ps(ve, _mm256_set1_ps(0.5f), _mm256_set1_ps(-0.5f)), vhigh);
  __m256 vl = _mm256_mul_ps(vf, attnorm_softplus_log1p_q_f32(vf));
  vl = _mm256_add_ps(vl, _mm256_and_ps(vhigh, _mm256_set1_ps(0x1.62E430p-1f)));  // + ln2
  return _mm256_add_ps(_mm256_max_ps(_mm256_setzero_ps(), vz), vl);
}

// 1 where x is not -inf (NaN counts), 0 where it is.
static ATTNORM_INLINE __m256 attnorm_softplus_unmasked_f32(__m256 vx) {
  return _mm256_and_ps(_mm256_cmp_ps(vx, _mm256_set1_ps(-INFINITY), _CMP_NEQ_UQ), _mm256_set1_ps(1.0f));
}

static ATTNORM_INLINE __m256 attnorm_softplus_min_f32(__m256 a, __m256 b) { return _mm256_min_ps(a, b); }

// log(v) for v >= 0 (denormals scaled by 2^24 first): v = m * 2^k, m in [0.75, 1.5) from the
// bits, log v = k*ln2 + log1p(m - 1). 0 -> -inf, NaN -> NaN. Absolute error <= 4e-8 * max(1, |log v|).
static ATTNORM_INLINE __m256 attnorm_softplus_log_f32(__m256 vv) {
  const __m256 vtiny = _mm256_cmp_ps(vv, _mm256_set1_ps(0x1.0p-126f), _CMP_LT_OQ);
  const __m256 vx = _mm256_blendv_ps(vv, _mm256_mul_ps(vv, _mm256_set1_ps(0x1.0p+24f)), vtiny);
  // Bits of m in [0.75, 1.5): subtract the bits of 0.75 so that the exponent field counts from it.
  const __m256i vbits = _mm256_sub_epi32(_mm256_castps_si256(vx), _mm256_set1_epi32(0x3F400000));
  const __m256i vki = _mm256_srai_epi32(vbits, 23);
  const __m256 vm = _mm256_castsi256_ps(
      _mm256_add_epi32(_mm256_and_si256(vbits, _mm256_set1_epi32(0x007FFFFF)), _mm256_set1_epi32(0x3F400000)));
  const __m256 vk = _mm256_sub_ps(_mm256_cvtepi32_ps(vki), _mm256_and_ps(vtiny, _mm256_set1_ps(24.0f)));
  const __m256 vf = _mm256_sub_ps(vm, _mm256_set1_ps(1.0f));
  const __m256 vl = _mm256_fmadd_ps(vk, _mm256_set1_ps(0x1.7F7D1Cp-20f), _mm256_mul_ps(vf, attnorm_softplus_log1p_q_f32(vf)));
  const __m256 vlog = _mm256_fmadd_ps(vk, _mm256_set1_ps(0x1.62E400p-1f), vl);
  const __m256 vzero = _mm256_cmp_ps(vv, _mm256_setzero_ps(), _CMP_EQ_OQ);
  const __m256 vnan = _mm256_cmp_ps(vv, vv, _CMP_UNORD_Q);
  return _mm256_blendv_ps(_mm256_blendv_ps(vlog, _mm256_set1_ps(-INFINITY), vzero), vv, vnan);
}

// The re-weighting's base v = max(0, u), u = sp * alpha - offset rounded once (NaN stays).
static ATTNORM_INLINE __m256 attnorm_softplus_reluaffine_f32(__m256 vsp, __m256 valpha, __m256 vminus_offset) {
  return _mm256_max_ps(_mm256_setzero_ps(), _mm256_fmadd_ps(vsp, valpha, vminus_offset));
}
// v^frac = exp(frac * log v) for v in [0, 2], 0 < frac < 1: 0 -> 0.
static ATTNORM_INLINE __m256 attnorm_softplus_powfrac_f32(__m256 vv, __m256 vfrac) {
  return attnorm_softplus_exp_f32(_mm256_mul_ps(vfrac, attnorm_softplus_log_f32(vv)));
}

// ---- tanh ----
// tanh(u) as the odd/even rational function u * P(u^2) / Q(u^2) of degrees 9/8 (the
// coefficients of upstream XNNPACK's f32-vtanh rational_9_8, whose interpolation reaches
// 1.0f at |u| = 7.9807181358); |u| is clamped to that bound (NaN-preserving: NaN stays NaN,
// +-inf give +-1). One division. Measured max error vs double tanh: see
// microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h (tanh row).
static ATTNORM_INLINE __m256 attnorm_tanh_f32(__m256 vu) {
  vu = _mm256_min_ps(_mm256_set1_ps(7.9807181358e+00f), vu);  // MINPS returns vu when NaN
  vu = _mm256_max_ps(_mm256_set1_ps(-7.9807181358e+00f), vu);
  const __m256 vu2 = _mm256_mul_ps(vu, vu);
  __m256 vp = _mm256_fmadd_ps(vu2, _mm256_set1_ps(1.4248920266e-08f), _mm256_set1_ps(2.1235626264e-05f));
  vp = _mm256_fmadd_ps(vu2, vp, _mm256_set1_ps(3.5330520477e-03f));
  vp = _mm256_fmadd_ps(vu2, vp, _mm256_set1_ps(1.3412411511e-01f));
  vp = _mm256_fmadd_ps(vu2, vp, _mm256_set1_ps(1.0f));
  vp = _mm256_mul_ps(vu, vp);
  __m256 vq = _mm256_fmadd_ps(vu2, _mm256_set1_ps(8.1365948290e-07f), _mm256_set1_ps(3.3472978976e-04f));
  vq = _mm256_fmadd_ps(vu2, vq, _mm256_set1_ps(2.6018999517e-02f));
  vq = _mm256_fmadd_ps(vu2, vq, _mm256_set1_ps(4.6745735407e-01f));
  vq = _mm256_fmadd_ps(vu2, vq, _mm256_set1_ps(1.0f));
  return _mm256_div_ps(vp, vq);
}

// Logit soft-capping: c * tanh(x * (s / c)) with vinv = fl(s / c), vcap = c; x = -inf stays
// -inf (a masked logit stays masked), NaN stays NaN.
static ATTNORM_INLINE __m256 attnorm_softcap_f32(__m256 vx, __m256 vinv, __m256 vcap) {
  const __m256 vz = _mm256_mul_ps(attnorm_tanh_f32(_mm256_mul_ps(vx, vinv)), vcap);
  const __m256 vneginf = _mm256_cmp_ps(vx, _mm256_set1_ps(-__builtin_inff()), _CMP_EQ_OQ);
  return _mm256_blendv_ps(vz, vx, vneginf);
}

// ---- stablemax2 ----
// (owner: stablemax2) StableMax's m = 1 + |z| = fma(|x|, scale, 1) (rounded once, the same value
// as attnorm_stablemax_m_f32), s = m or 1 / m (correctly rounded division) on the sign bit of x,
// and a cheaper log for LogStableMax: log(m) for positive normal m, +inf and NaN by integer bit
// tricks and an 8-entry VPERMPS table: m = 2^e * f, f in [1, 2), j = the top 3 bits of f's
// fraction, r_j = fl(1 / (1 + (j + 1/2) / 8)), t = fma(f, r_j, -1) (|t| <= 0.0589, one rounding),
// log(m) = e*ln2 + fl(-log r_j) + log1p(t), log1p(t) = t + t^2 (c2 + c3 t + c4 t^2) (minimax on
// [-0.0589, 0.0589]: 2.1e-8 evaluated in float). ln2 is the float nearest ln2 (1.9e-9 off:
// inside the half ulp of log m). Absolute error: 5e-8 + 0.5 ulp(log m). +inf and NaN: m itself.
static ATTNORM_INLINE __m256 attnorm_stablemax2_m_f32(__m256 vx, __m256 vscale) {
  const __m256 vabsx = _mm256_and_ps(vx, _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF)));
  return _mm256_fmadd_ps(vabsx, vscale, _mm256_set1_ps(1.0f));
}
// s from m: 1 / m where the sign bit of x is set (x = -0: m = 1 either way).
static ATTNORM_INLINE __m256 attnorm_stablemax2_s_f32(__m256 vm, __m256 vx) {
  return _mm256_blendv_ps(vm, _mm256_div_ps(_mm256_set1_ps(1.0f), vm), vx);
}
// log(f) = fl(-log r_j) + log1p(t), |.| < 0.7; *ve = e (as float). m positive normal.
static ATTNORM_INLINE __m256 attnorm_stablemax2_log_mant_f32(__m256 vm, __m256* ve) {
  const __m256 vtable_r = _mm256_setr_ps(
      0x1.E1E1E2p-1f, 0x1.AF286Cp-1f, 0x1.861862p-1f, 0x1.642C86p-1f, 0x1.47AE14p-1f, 0x1.2F684Cp-1f,
      0x1.1A7B96p-1f, 0x1.084210p-1f);
  const __m256 vtable_log = _mm256_setr_ps(  // fl(-log r_j)
      0x1.F0A30Ap-5f, 0x1.5FF306p-3f, 0x1.1675CAp-2f, 0x1.739D7Ep-2f, 0x1.C8FF7Ep-2f, 0x1.0BE72Ep-1f,
      0x1.307D74p-1f, 0x1.52A2D4p-1f);
  const __m256i vbits = _mm256_castps_si256(vm);
  *ve = _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_srli_epi32(vbits, 23), _mm256_set1_epi32(127)));
  const __m256 vf = _mm256_castsi256_ps(
      _mm256_or_si256(_mm256_and_si256(vbits, _mm256_set1_epi32(0x007FFFFF)), _mm256_set1_epi32(0x3F800000)));
  // VPERMPS reads the low 3 bits of each index: bits 20..22 of m, the top of its fraction.
  const __m256i vj = _mm256_srli_epi32(vbits, 20);
  const __m256 vr = _mm256_permutevar8x32_ps(vtable_r, vj);
  const __m256 vlog_c = _mm256_permutevar8x32_ps(vtable_log, vj);
  const __m256 vt = _mm256_fmsub_ps(vf, vr, _mm256_set1_ps(1.0f));
  __m256 vq = _mm256_fmadd_ps(_mm256_set1_ps(-0x1.00E6A0p-2f), vt, _mm256_set1_ps(0x1.55F35Ep-2f));
  vq = _mm256_fmadd_ps(vq, vt, _mm256_set1_ps(-0x1.FFFFBAp-2f));
  const __m256 vlog1p = _mm256_fmadd_ps(vq, _mm256_mul_ps(vt, vt), vt);
  return _mm256_add_ps(vlog_c, vlog1p);
}
static ATTNORM_INLINE __m256 attnorm_stablemax2_log_f32(__m256 vm) {
  __m256 ve;
  const __m256 vlog_f = attnorm_stablemax2_log_mant_f32(vm, &ve);
  const __m256 vy = _mm256_fmadd_ps(ve, _mm256_set1_ps(0x1.62E430p-1f), vlog_f);
  // +inf and NaN: m itself.
  return _mm256_blendv_ps(vy, vm, _mm256_cmp_ps(vm, attnorm_sigstable_inf_f32(), _CMP_NLT_UQ));
}
// log s(z) = +-log(m), negative where the sign bit of x is set: x = -inf -> -inf, +inf -> +inf,
// NaN -> NaN.
static ATTNORM_INLINE __m256 attnorm_stablemax2_logs_f32(__m256 vm, __m256 vx) {
  return _mm256_xor_ps(attnorm_stablemax2_log_f32(vm), _mm256_and_ps(vx, _mm256_set1_ps(-0.0f)));
}
// -log(sum) as hi + lo (hi + lo within 5e-8 of -log sum: hi's float rounding costs nothing),
// sum a positive normal float, in every lane: log = a + b, a = e*ln2_hi (16 bits: exact),
// b = e*ln2_lo + log(f), then Fast2Sum.
static ATTNORM_INLINE void attnorm_stablemax2_minus_log_hilo_f32(__m256 vsum, __m256* vhi, __m256* vlo) {
  __m256 ve;
  const __m256 vlog_f = attnorm_stablemax2_log_mant_f32(vsum, &ve);
  const __m256 va = _mm256_mul_ps(ve, _mm256_set1_ps(0x1.62E4p-1f));
  const __m256 vb = _mm256_fmadd_ps(ve, _mm256_set1_ps(0x1.7F7D1Cp-20f), vlog_f);
  const __m256 vs = _mm256_add_ps(va, vb);
  *vhi = _mm256_sub_ps(_mm256_setzero_ps(), vs);
  *vlo = _mm256_sub_ps(_mm256_sub_ps(vs, va), vb);  // -(b - (s - a))
}
