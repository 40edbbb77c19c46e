// Portable-C vocabulary of the f32 microkernel templates (the names of
// f32-avx512f.h, for 1-float "vectors"). Baseline x86-64 has no FMA, so the exp
// cores compute their one exact-sum step in double instead of with fmaf(),
// which is a libm call there; attnorm_fmadd_f32 is fmaf() (exact, for kernels
// whose contract is one rounding, like f32-vmuladdc).
#pragma once

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"

typedef float attnorm_simd_f32_t;
#define ATTNORM_SIMD_F32_SIZE 1

static ATTNORM_INLINE float attnorm_zero_f32(void) { return 0.0f; }
static ATTNORM_INLINE float attnorm_set1_f32(float x) { return x; }
static ATTNORM_INLINE float attnorm_loadu_f32(const float* input) { return *input; }
static ATTNORM_INLINE void attnorm_storeu_f32(float* output, float v) { *output = v; }
static ATTNORM_INLINE float attnorm_add_f32(float a, float b) { return a + b; }
static ATTNORM_INLINE float attnorm_sub_f32(float a, float b) { return a - b; }
static ATTNORM_INLINE float attnorm_mul_f32(float a, float b) { return a * b; }
static ATTNORM_INLINE float attnorm_fmadd_f32(float a, float b, float c) { return fmaf(a, b, c); }
// max(a, b); returns b when either is NaN, like x86 MAXSS: max(bound, x) keeps a NaN x.
static ATTNORM_INLINE float attnorm_max_f32(float a, float b) { return a > b ? a : b; }

static ATTNORM_INLINE float attnorm_reduce_add_f32(float v) { return v; }
static ATTNORM_INLINE float attnorm_reduce_max_f32(float v) { return v; }

static ATTNORM_INLINE uint32_t attnorm_float_as_uint32(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof(bits));
  return bits;
}
static ATTNORM_INLINE float attnorm_uint32_as_float(uint32_t bits) {
  float f;
  memcpy(&f, &bits, sizeof(f));
  return f;
}

// ---- exp cores ---------------------------------------------------------------

// Degree-5 polynomial p(t) ~ exp(t) on [-ln2/2, ln2/2] (XNNPACK's p5 coefficients):
// p = 1 + t*(c1 + t*(c2 + t*(c3 + t*(c4 + t*c5)))), relative error ~1.2e-7 on the interval.
static ATTNORM_INLINE float attnorm_exp_p5_f32(float vt) {
  float vp = 0x1.0F9F9Cp-7f * vt + 0x1.573A1Ap-5f;
  vp = vp * vt + 0x1.555A80p-3f;
  vp = vp * vt + 0x1.FFFDC6p-2f;
  vp = vp * vt + 0x1.FFFFF6p-1f;
  return vp * vt + 1.0f;
}

// The float 2^e from the low 9 bits of a float b in [1.5*2^23, 1.5*2^23 + 2^22) holding
// e + 127 in its low mantissa bits (a magic-bias rounding): e + 127 = 0 gives exactly +0.
static ATTNORM_INLINE float attnorm_exp2_bits_f32(float vb) {
  return attnorm_uint32_as_float(attnorm_float_as_uint32(vb) << 23);
}

// ---- Three-pass exp: e = exp(s*x - k*ln2) (microkernels/f32-raddstoreexpminusmax/
// f32-raddstoreexpminusmax.h has the contract; k from attnorm_f32_expminus_k).

// Per-call constants, built once by attnorm_expminus_init_f32.
struct attnorm_expminus_f32 {
  float min_input;    // inputs are clamped up to it: n - k = -127 there, 2^(n-k) is +0
  float scale;        // s
  float scale_log2e;  // fl(s * log2(e))
  float magic_bias;   // 1.5 * 2^23 + 127 - k: the biased n holds n - k + 127 in its low bits
};

static ATTNORM_INLINE struct attnorm_expminus_f32 attnorm_expminus_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], float max) {
  const float k = attnorm_f32_expminus_k(max);
  struct attnorm_expminus_f32 c;
  c.min_input = attnorm_f32_expminus_min_input(params, k, 127.0f);
  c.scale = params->scalar.scale;
  c.scale_log2e = params->scalar.scale_log2e;
  c.magic_bias = 0x1.8p23f + (127.0f - k);
  return c;
}

// exp(s*x - k*ln2), "rr2_p5" reduced from x itself: n = round(x * fl(s*log2e)) by a magic bias
// that also holds n - k + 127 (its bits shifted give 2^(n - k)); t = s*x - n*ln2_hi - n*ln2_lo
// (9-bit ln2_hi: n*ln2_hi is exact while |s*x| <= 2^14) summed in double, where the products
// s*x and n*ln2_lo of two floats are exact, and rounded once to float; e = p(t) * 2^(n - k).
// The NaN-preserving clamp of x at min_input (n - k + 127 = 0) makes -inf and every term below
// 2^-127 exactly +0.
static ATTNORM_INLINE float attnorm_expminus_f32(float vx, const struct attnorm_expminus_f32* c) {
  const float vminus_ln2_hi = -0x1.63p-1f;      // -ln2 to 9 bits: -0.693359375
  const float vminus_ln2_lo = 0x1.BD0106p-13f;  // ln2_hi - ln2 = 2.1219444e-4
  vx = attnorm_max_f32(c->min_input, vx);
  const float vb = vx * c->scale_log2e + c->magic_bias;
  const float vs = attnorm_exp2_bits_f32(vb);
  const float vn = vb - c->magic_bias;
  const float vt = (float) ((double) vx * (double) c->scale + (double) (vn * vminus_ln2_hi) +
                            (double) vn * (double) vminus_ln2_lo);
  return attnorm_exp_p5_f32(vt) * vs;
}

// ---- Two-Pass exp: exp(s*x) = p * 2^n with no max (the contract is in
// microkernels/f32-raddextexp/f32-raddextexp.h).

// Degree-5 polynomial of attnorm_exp_p5_f32 with every coefficient multiplied by a per-call
// factor m (rounded once each): attnorm_exp_p5_scaled_f32(t) ~ m * exp(t), which saves the
// multiply by m after the polynomial.
struct attnorm_p5_scaled_f32 {
  float c0, c1, c2, c3, c4, c5;
};
static ATTNORM_INLINE struct attnorm_p5_scaled_f32 attnorm_p5_scaled_init_f32(float m) {
  struct attnorm_p5_scaled_f32 c;
  c.c0 = m;
  c.c1 = 0x1.FFFFF6p-1f * m;
  c.c2 = 0x1.FFFDC6p-2f * m;
  c.c3 = 0x1.555A80p-3f * m;
  c.c4 = 0x1.573A1Ap-5f * m;
  c.c5 = 0x1.0F9F9Cp-7f * m;
  return c;
}
static ATTNORM_INLINE float attnorm_exp_p5_scaled_f32(float vt, const struct attnorm_p5_scaled_f32* c) {
  float vp = c->c5 * vt + c->c4;
  vp = vp * vt + c->c3;
  vp = vp * vt + c->c2;
  vp = vp * vt + c->c1;
  return vp * vt + c->c0;
}

// Per-call constants, built once by attnorm_extexp_init_f32.
struct attnorm_extexp_f32 {
  float min_input;    // attnorm_f32_extexp_min_input: inputs are clamped up to it
  float scale;        // s
  float scale_log2e;  // fl(s * log2(e))
};

static ATTNORM_INLINE struct attnorm_extexp_f32 attnorm_extexp_init_f32(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  struct attnorm_extexp_f32 c;
  c.min_input = attnorm_f32_extexp_min_input(params);
  c.scale = params->scalar.scale;
  c.scale_log2e = params->scalar.scale_log2e;
  return c;
}

// t and n with exp(s*x) = exp(t) * 2^n: the reduction of attnorm_expminus_f32 without k (n =
// round(x * fl(s*log2e)) by the magic bias; t = s*x - n*ln2_hi - n*ln2_lo summed in double
// and rounded once, 9-bit ln2_hi). One NaN-preserving clamp of x at min_input turns -inf into
// a finite term far below every valid one (attnorm_f32_extexp_min_input); NaN stays NaN in t
// and n, +inf gives NaN t.
static ATTNORM_INLINE float attnorm_extexp_reduce_f32(float vx, const struct attnorm_extexp_f32* c, float* vn_out) {
  const float vmagic_bias = 0x1.8p23f;
  const float vminus_ln2_hi = -0x1.63p-1f;      // -ln2 to 9 bits: -0.693359375
  const float vminus_ln2_lo = 0x1.BD0106p-13f;  // ln2_hi - ln2 = 2.1219444e-4
  vx = attnorm_max_f32(c->min_input, vx);
  const float vn = (vx * c->scale_log2e + vmagic_bias) - vmagic_bias;
  *vn_out = vn;
  return (float) ((double) vx * (double) c->scale + (double) (vn * vminus_ln2_hi) +
                  (double) vn * (double) vminus_ln2_lo);
}

// Exponent biases for attnorm_mul_exp2_f32 / attnorm_fmadd_exp2_f32: n + bias = 1.5*2^23 + 127
// + (n + e), resp. + (n - m), the biased exponent of 2^(n + e) in the low bits of a float
// (exact while n + e >= -2^22). Computed once per call or per loop iteration.
static ATTNORM_INLINE float attnorm_exp2_bias_f32(float e) { return 0x1.8000FEp23f + e; }
static ATTNORM_INLINE float attnorm_exp2_minus_bias_f32(float vm) { return 0x1.8000FEp23f - vm; }
// 2^(n + e) for n + e <= 127 (the caller's contract): a NaN-preserving clamp at the magic bias
// makes n + e <= -127 exactly +0 (exponent field 0).
static ATTNORM_INLINE float attnorm_exp2_biased_f32(float vn, float vbias) {
  return attnorm_exp2_bits_f32(attnorm_max_f32(0x1.8p23f, vn + vbias));
}
// v * 2^(n + e).
static ATTNORM_INLINE float attnorm_mul_exp2_f32(float v, float vn, float vbias) {
  return v * attnorm_exp2_biased_f32(vn, vbias);
}
// acc + p * 2^(n - m), for n - m <= 0.
static ATTNORM_INLINE float attnorm_fmadd_exp2_f32(float vp, float vn, float vbias, float vacc) {
  return vp * attnorm_exp2_biased_f32(vn, vbias) + vacc;
}

// ---- sigmoid ----
// (owner: sigstable) sigmoid(z) = 1 / (1 + exp(-z)) of an already computed z, "rr2_p5" (the
// algorithm of f32-avx2.h's core without FMA): e = exp(-|z|) in (0, 1], n = round(-|z| log2e)
// by a magic bias holding n + 127, t = -|z| - n*ln2_hi - n*ln2_lo (9-bit ln2_hi: n*ln2_hi is
// exact, and -|z| - n*ln2_hi too), p5, e = p * 2^n; r = 1 / (1 + e), sigmoid = r for z >= 0,
// e * r for z < 0. -|z| is clamped at fl(-127 ln2) (2^n = +0 there): -inf -> 0, +inf -> 1,
// NaN -> NaN (the clamp keeps a NaN z).
static ATTNORM_INLINE float attnorm_sigmoid_div_f32(float vz) {
  const float vmagic_bias = 0x1.8000FEp23f;    // 1.5 * 2^23 + 127
  const float vlog2e = 0x1.715476p+0f;
  const float vminus_ln2_hi = -0x1.63p-1f;     // -ln2 to 9 bits: -0.693359375
  const float vminus_ln2_lo = 0x1.BD0106p-13f; // ln2_hi - ln2 = 2.1219444e-4
  const float vcutoff = -0x1.601E68p+6f;       // fl(-127 ln2): n = -127, 2^n = +0
  const float vzn = attnorm_max_f32(vcutoff, -fabsf(vz));
  const float vb = vzn * vlog2e + vmagic_bias;
  const float vs = attnorm_exp2_bits_f32(vb);
  const float vn = vb - vmagic_bias;
  float vt = vn * vminus_ln2_hi + vzn;
  vt = vn * vminus_ln2_lo + vt;
  const float ve = attnorm_exp_p5_f32(vt) * vs;
  const float vr = 1.0f / (ve + 1.0f);
  return signbit(vz) ? ve * vr : vr;
}

// ---- stablemax ----
// (owner: sigstable) StableMax's s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x
// (scale > 0), from x itself: m = 1 + |z| = 1 + |x| * scale computed in double (the product of
// two floats is exact there) and rounded once to float; s = m for x >= 0, 1 / m for x < 0 (by
// the sign bit: x = -0 gives m = 1 either way). x = -inf: m = +inf, s = +0; +inf: +inf; NaN: NaN.
static ATTNORM_INLINE float attnorm_stablemax_m_f32(float vx, float vscale) {
  return (float) (1.0 + (double) fabsf(vx) * (double) vscale);
}
static ATTNORM_INLINE float attnorm_stablemax_div_f32(float vx, float vscale, float vminus_scale) {
  (void) vminus_scale;
  const float vm = attnorm_stablemax_m_f32(vx, vscale);
  return signbit(vx) ? 1.0f / vm : vm;
}

// ---- log ----
// (owner: sigstable) log(m) for positive normal m, +inf and NaN (the algorithm of f32-avx2.h's
// core, no FMA): m = 2^k * f, f in [sqrt(1/2), sqrt(2)), log(m) = k*ln2 + log1p(t), t = f - 1
// exact, log1p(t) = t + t^2 * q(t) (degree-7 q), k*ln2 = k*ln2_hi (9 bits: exact) +
// k*ln2_lo. Absolute error of log1p(t) <= 3e-8; log(+inf) = +inf, log(NaN) = NaN.
static ATTNORM_INLINE float attnorm_log_f32(float vm) {
  if (!(vm < INFINITY)) return vm;  // +inf, NaN
  const uint32_t vbits = attnorm_float_as_uint32(vm);
  const int32_t vk = ((int32_t) vbits - INT32_C(0x3F3504F3)) >> 23;
  const float vf = attnorm_uint32_as_float(vbits - ((uint32_t) vk << 23));
  const float vt = vf - 1.0f;
  float vq = 0x1.5CD10Ep-4f * vt - 0x1.25A242p-3f;
  vq = vq * vt + 0x1.338356p-3f;
  vq = vq * vt - 0x1.535DAAp-3f;
  vq = vq * vt + 0x1.989C08p-3f;
  vq = vq * vt - 0x1.000406p-2f;
  vq = vq * vt + 0x1.5557C6p-2f;
  vq = vq * vt - 0x1.FFFFFCp-2f;
  const float vlog1p = vq * (vt * vt) + vt;
  const float vkf = (float) vk;
  return vkf * 0x1.63p-1f + (vkf * -0x1.BD0106p-13f + vlog1p);
}

// ---- logstablemax ----
// (owner: sigstable) log s(z) of StableMax = +-log(m), m = 1 + |z| from attnorm_stablemax_m_f32,
// negative where x < 0: x = -inf -> -inf, +inf -> +inf, NaN -> NaN.
static ATTNORM_INLINE float attnorm_stablemax_log_f32(float vx, float vscale, float vminus_scale) {
  (void) vminus_scale;
  const float vlog = attnorm_log_f32(attnorm_stablemax_m_f32(vx, vscale));
  return signbit(vx) ? -vlog : vlog;
}

// ---- softplus ----

#include <math.h>
#include <stdbool.h>

// softplus(z) = max(z, 0) + log1p(exp(-|z|)) and the power relu(u)^p of the softplus-attention
// kernels (microkernels/f32-raddsoftplus/f32-raddsoftplus.h has the contract). Owner: the
// softplus kernels; the log here is specialised for them, not a general log. Without FMA the
// one exact-sum step (the range reduction, the affine u = sp * alpha - offset) runs in double.

// exp(w) for w <= 88.7: n = round(w * log2e) by a magic bias holding n + 127 (its bits shifted
// give 2^n), t = w - n*ln2 in double rounded once, degree-6 polynomial (relative error 1.1e-8),
// times 2^n. w < -87.34 (results below FLT_MIN) and -inf give +0; NaN -> NaN. Relative error
// <= 1.5e-7.
static ATTNORM_INLINE float attnorm_softplus_exp_f32(float vw) {
  if (vw < -0x1.5D589Ep+6f) return 0.0f;
  const float vmagic_bias = 0x1.8000FEp23f;  // 1.5*2^23 + 127
  const float vb = vw * 0x1.715476p+0f + vmagic_bias;
  const float vs = attnorm_exp2_bits_f32(vb);
  const float vn = vb - vmagic_bias;
  const float vt = (float) ((double) vw - (double) vn * 0x1.62E42FEFA39EFp-1);
  float vp = 0x1.6D4316p-10f * vt + 0x1.123D82p-7f;
  vp = vp * vt + 0x1.5554EAp-5f;
  vp = vp * vt + 0x1.55547Cp-3f;
  vp = vp * vt + 0x1.0p-1f;
  vp = vp * vt + 1.0f;
  vp = vp * vt + 1.0f;
  return vp * vs;
}

// log1p(f) / f for f in [-0.25, 0.5): degree-8 polynomial, relative error 3.9e-8.
static ATTNORM_INLINE float attnorm_softplus_log1p_q_f32(float vf) {
  float vq = 0x1.B1C66Ep-5f * vf - 0x1.E9C066p-4f;
  vq = vq * vf + 0x1.32A51Ap-3f;
  vq = vq * vf - 0x1.58CB88p-3f;
  vq = vq * vf + 0x1.992BACp-3f;
  vq = vq * vf - 0x1.FFDADCp-3f;
  vq = vq * vf + 0x1.5555C8p-2f;
  vq = vq * vf - 0x1.000018p-1f;
  return vq * vf + 1.0f;
}

// softplus(z) = max(z, 0) + log1p(e), e = exp(-|z|) (see f32-avx512f.h): relative error <= 2.5e-7;
// -inf -> +0, +inf -> +inf, NaN -> NaN; z < -87.34 gives +0.
static ATTNORM_INLINE float attnorm_softplus_f32(float vz) {
  const float ve = attnorm_softplus_exp_f32(-fabsf(vz));
  float vl;
  if (ve >= 0.5f) {
    const float vf = ve * 0.5f - 0.5f;  // exact
    vl = vf * attnorm_softplus_log1p_q_f32(vf) + 0x1.62E430p-1f;
  } else {
    vl = ve * attnorm_softplus_log1p_q_f32(ve);
  }
  // NaN z: the comparison is false and vl is NaN.
  return (vz > 0.0f ? vz : 0.0f) + vl;
}

static ATTNORM_INLINE float attnorm_softplus_unmasked_f32(float vx) { return vx != -INFINITY ? 1.0f : 0.0f; }

static ATTNORM_INLINE float attnorm_softplus_min_f32(float a, float b) { return a < b ? a : b; }

// log(v) for v >= 0: v = m * 2^k, m in [0.75, 1.5) (frexpf), log v = k*ln2 + log1p(m - 1) with
// k*ln2 in double. 0 -> -inf, NaN -> NaN. Absolute error <= 4e-8 * max(1, |log v|).
static ATTNORM_INLINE float attnorm_softplus_log_f32(float vv) {
  if (vv == 0.0f) return -INFINITY;
  if (vv != vv) return vv;
  int k;
  float vm = frexpf(vv, &k);  // [0.5, 1)
  if (vm < 0.75f) {
    vm *= 2.0f;
    k -= 1;
  }
  const float vf = vm - 1.0f;
  return (float) ((double) k * 0x1.62E42FEFA39EFp-1 + (double) (vf * attnorm_softplus_log1p_q_f32(vf)));
}

// The re-weighting's base v = max(0, u), u = sp * alpha - offset rounded once (in double; NaN stays).
static ATTNORM_INLINE float attnorm_softplus_reluaffine_f32(float vsp, float valpha, float vminus_offset) {
  const float vu = (float) ((double) vsp * (double) valpha + (double) vminus_offset);
  return vu < 0.0f ? 0.0f : vu;
}
// v^frac = exp(frac * log v) for v in [0, 2], 0 < frac < 1: 0 -> 0.
static ATTNORM_INLINE float attnorm_softplus_powfrac_f32(float vv, float vfrac) {
  return attnorm_softplus_exp_f32(vfrac * attnorm_softplus_log_f32(vv));
}

// ---- tanh ----
// tanh(u) as the odd/even rational function u * P(u^2) / Q(u^2) of degrees 9/8 (the
// coefficients of upstream XNNPACK's f32-vtanh rational_9_8, whose interpolation reaches
// 1.0f near |u| = 7.98); |u| is clamped to that bound (NaN stays NaN, +-inf give +-1).
// Baseline x86-64 has no FMA: separate multiplies and adds. Measured max error vs double
// tanh: see microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h (tanh row).
static ATTNORM_INLINE float attnorm_tanh_f32(float vu) {
  vu = vu > 7.9807181358e+00f ? 7.9807181358e+00f : vu;
  vu = vu < -7.9807181358e+00f ? -7.9807181358e+00f : vu;
  const float vu2 = vu * vu;
  float vp = vu2 * 1.4248920266e-08f + 2.1235626264e-05f;
  vp = vu2 * vp + 3.5330520477e-03f;
  vp = vu2 * vp + 1.3412411511e-01f;
  vp = vu2 * vp + 1.0f;
  vp = vu * vp;
  float vq = vu2 * 8.1365948290e-07f + 3.3472978976e-04f;
  vq = vu2 * vq + 2.6018999517e-02f;
  vq = vu2 * vq + 4.6745735407e-01f;
  vq = vu2 * vq + 1.0f;
  return vp / vq;
}

// Logit soft-capping: c * tanh(x * (s / c)) with vinv = fl(s / c), vcap = c; x = -inf stays
// -inf (a masked logit stays masked), NaN stays NaN.
static ATTNORM_INLINE float attnorm_softcap_f32(float vx, float vinv, float vcap) {
  return vx == -INFINITY ? vx : attnorm_tanh_f32(vx * vinv) * vcap;
}

// ---- stablemax2 ----
// (owner: stablemax2) The scalar forms of f32-avx2.h's stablemax2 section, for the generic
// templates: m = 1 + |z| (attnorm_stablemax_m_f32: in double, rounded once), s, +-log(m) by
// attnorm_log_f32, and -log(sum) as hi + lo in double.
static ATTNORM_INLINE float attnorm_stablemax2_m_f32(float vx, float vscale) {
  return attnorm_stablemax_m_f32(vx, vscale);
}
static ATTNORM_INLINE float attnorm_stablemax2_s_f32(float vm, float vx) {
  return signbit(vx) ? 1.0f / vm : vm;
}
static ATTNORM_INLINE float attnorm_stablemax2_logs_f32(float vm, float vx) {
  const float vlog = attnorm_log_f32(vm);
  return signbit(vx) ? -vlog : vlog;
}
static ATTNORM_INLINE void attnorm_stablemax2_minus_log_hilo_f32(float vsum, float* vhi, float* vlo) {
  const double minus_log = -log((double) vsum);
  *vhi = (float) minus_log;
  *vlo = (float) (minus_log - (double) *vhi);
}
