// The operator table of the reliability tests (guard pages, hostile inputs,
// allocation failure, concurrency) and of the fuzzer: one row per NC row
// operator of include/attnorm.h (softmax per algorithm, log-softmax), each
// with its create / reshape / setup calls, its long-double reference and its
// accuracy contract. No gtest here: the fuzzer (test/fuzz/) includes it too.
//
// To add an operator: write its reference and accepts functions below and add
// one Row to Operators(). Every reliability test and the fuzzer pick it up.
//   - params: up to 3 floats with the operator's meaning (softmax: p[0] = scale);
//     `defaults` are valid ones, `params_valid` says whether create must accept.
//   - reference(): the exact output of one row in long double, with the
//     operator's -inf / NaN / +inf rules (NaN where the contract says NaN).
//   - accepts(): whether an output is within the contract of the reference;
//     `strict` is false for rows outside the documented accuracy range
//     (then only the bounds and special-value rules are checked).
//   - operators with another reshape signature (attention softmax: heads,
//     queries, keys) wrap it in a lambda that maps (channels, batch) onto it.
#pragma once

#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <attnorm.h>
#include <pthreadpool.h>

#include "src/hardware-config.h"

namespace attnorm_reliability {

struct Params {
  float p[3];
};

struct Row {
  const char* name;
  Params defaults;
  bool (*params_valid)(const Params& params);
  enum xnn_status (*create)(const Params& params, uint32_t flags, attnorm_operator_t* op);
  enum xnn_status (*reshape)(attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride,
                             size_t batch_size, pthreadpool_t threadpool);
  enum xnn_status (*setup)(attnorm_operator_t op, const float* input, float* output);
  // The exact output of one row of n elements (long double; NaN where the
  // contract says NaN). Returns true when the row is inside the documented
  // accuracy range (strict checking), false when only the rules apply.
  bool (*reference)(const Params& params, size_t n, const float* x, long double* y);
  // Whether output y for input x is within the contract of reference r.
  bool (*accepts)(const Params& params, float x, long double r, float y, bool strict);
  // Flags create accepts besides the ATTNORM_FLAG_FORCE_* ones.
  uint32_t allowed_flags;
  // The output of every element of a row of only -inf.
  float masked_fill;
  // True: a NaN anywhere makes the whole row NaN; false: only that element.
  bool nan_fills_row;
};

// ---- softmax and log-softmax --------------------------------------------------------

inline bool SoftmaxParamsValid(const Params& params) {
  return params.p[0] > 0.0f && params.p[0] <= 0x1.0p+127f;
}

// The accuracy range of the softmax kernels (README "Accuracy"): every finite
// |scale * x| <= 2^14, or the rare exact path for rows whose largest scaled
// logit is beyond it (with a margin for the Two-Pass exponent rounding).
constexpr long double kSoftmaxRange = 16384.0L;

inline bool SoftmaxReferenceImpl(const Params& params, size_t n, const float* x, long double* y, bool log) {
  const long double scale = params.p[0];
  bool poisoned = false;
  long double max = -INFINITY;
  bool all_in_range = true;
  for (size_t i = 0; i < n; i++) {
    const long double z = scale * (long double) x[i];
    if (std::isnan(x[i]) || x[i] == INFINITY) poisoned = true;
    if (z > max) max = z;
    if (std::isfinite(x[i]) && fabsl(z) > kSoftmaxRange) all_in_range = false;
  }
  if (poisoned || max == -INFINITY) {
    const long double fill = poisoned ? NAN : (log ? -INFINITY : 0.0L);
    for (size_t i = 0; i < n; i++) y[i] = fill;
    return true;
  }
  long double sum = 0.0L;
  for (size_t i = 0; i < n; i++) sum += expl(scale * (long double) x[i] - max);
  const long double log_sum = logl(sum);
  for (size_t i = 0; i < n; i++) {
    const long double z = scale * (long double) x[i] - max;
    y[i] = log ? z - log_sum : expl(z) / sum;
  }
  return all_in_range || fabsl(max) > kSoftmaxRange + 4.0L;
}

inline bool SoftmaxReference(const Params& params, size_t n, const float* x, long double* y) {
  return SoftmaxReferenceImpl(params, n, x, y, false);
}

inline bool LogSoftmaxReference(const Params& params, size_t n, const float* x, long double* y) {
  return SoftmaxReferenceImpl(params, n, x, y, true);
}

// Softmax: relative 1e-6 per element; below FLT_MIN anything in [0, FLT_MIN);
// -inf -> exactly +0. Outside the range: a value in [0, 1].
inline bool SoftmaxAccepts(const Params&, float x, long double r, float y, bool strict) {
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == 0.0f && !std::signbit(y);
  if (!(y >= 0.0f && y <= 1.0f + 1.0e-6f)) return false;  // 1 within the contract's 1e-6
  if (!strict) return true;
  if (r < (long double) FLT_MIN) return y < FLT_MIN;
  return fabsl((long double) y - r) <= 1.0e-6L * r;
}

// Log-softmax: absolute 1e-6 * max(1, |y|, |scale * x|); -inf -> -inf.
inline bool LogSoftmaxAccepts(const Params& params, float x, long double r, float y, bool strict) {
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY || r == -INFINITY) return y == -INFINITY;
  // Below -FLT_MAX (x = -FLT_MAX next to FLT_MAX: -6.8e38) the float result is -inf.
  if (r < -(long double) FLT_MAX) return y == -INFINITY || (strict && fabsl((long double) y - r) <= 1.0e-6L * fabsl(r));
  if (std::isnan(y) || y == INFINITY) return false;
  const long double z = fabsl((long double) params.p[0] * (long double) x);
  long double bound = fabsl(r) > 1.0L ? fabsl(r) : 1.0L;
  if (z > bound) bound = z;
  if (!strict) return y <= 1.0e-6L * bound;
  return fabsl((long double) y - r) <= 1.0e-6L * bound;
}

template <attnorm_softmax_algorithm algorithm>
enum xnn_status CreateSoftmax(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_softmax_nc_f32(algorithm, params.p[0], flags, op);
}

inline enum xnn_status CreateLogSoftmax(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_log_softmax_nc_f32(params.p[0], flags, op);
}

#define ATTNORM_SOFTMAX_ROW(name, algorithm)                                                              \
  Row {                                                                                                  \
    name, {{1.0f, 0.0f, 0.0f}}, SoftmaxParamsValid, CreateSoftmax<algorithm>,                            \
        attnorm_reshape_softmax_nc_f32, attnorm_setup_softmax_nc_f32, SoftmaxReference, SoftmaxAccepts, \
        0, 0.0f, true                                                                                    \
  }

// ---- Operators whose bound depends on the whole row -----------------------------------
// accepts() sees one element; the bounds of clipped softmax, softplus attention
// and attention softmax (their operator tests) depend on the row. Their
// reference() records each element's absolute bound here, and accepts() takes
// them in order (FirstMismatch calls reference once, then accepts element by
// element). A call out of that order (another x) is a mismatch, never a pass.
struct RowBounds {
  std::vector<float> x;
  std::vector<long double> bound;
  size_t next = 0;
};

inline RowBounds& Bounds() {
  static thread_local RowBounds bounds;
  return bounds;
}

inline void StartBounds(size_t n, const float* x) {
  RowBounds& b = Bounds();
  b.x.assign(x, x + n);
  b.bound.assign(n, 0.0L);
  b.next = 0;
}

// The recorded bound of element x (the next in order), or -1 when out of order.
inline long double NextBound(float x) {
  RowBounds& b = Bounds();
  const size_t i = b.next++;
  if (i >= b.x.size() || memcmp(&b.x[i], &x, sizeof(float)) != 0) return -1.0L;
  return b.bound[i];
}

// ---- sigmoid attention ----------------------------------------------------------------
// y = 1 / (1 + exp(-(scale * x + bias))) per element (include/attnorm.h); the
// contract of test/sigstable-operator-tester.h: relative 1e-6 + |z| 2^-24,
// z = fma(x, scale, bias) (the rounding of the named intermediate); reference
// below FLT_MIN: within FLT_MIN, never negative. -inf -> 0, +inf -> 1, NaN ->
// NaN in that element only.

inline bool SigmoidParamsValid(const Params& params) {
  return params.p[0] > 0.0f && std::isfinite(params.p[0]) && std::isfinite(params.p[1]);
}

inline bool SigmoidReference(const Params& params, size_t n, const float* x, long double* y) {
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(x[i])) {
      y[i] = NAN;
    } else if (std::isinf(x[i])) {
      y[i] = x[i] < 0 ? 0.0L : 1.0L;
    } else {
      const long double z = (long double) x[i] * params.p[0] + params.p[1];
      y[i] = 1.0L / (1.0L + expl(-z));
    }
  }
  return true;
}

inline bool SigmoidAccepts(const Params& params, float x, long double r, float y, bool) {
  if (std::isnan(x)) return std::isnan(y);
  if (std::isinf(x)) return y == (x < 0 ? 0.0f : 1.0f) && !std::signbit(y);
  if (std::isnan(y)) return false;
  if (r < (long double) FLT_MIN) return y >= 0.0f && fabsl((long double) y - r) <= (long double) FLT_MIN;
  const float zf = std::fma(x, params.p[0], params.p[1]);
  return fabsl(((long double) y - r) / r) <= 1.0e-6L + fabsl((long double) zf) * 0x1.0p-24L;
}

inline enum xnn_status CreateSigmoid(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_sigmoid_attention_nc_f32(params.p[0], params.p[1], flags, op);
}

// ---- StableMax and LogStableMax -------------------------------------------------------
// s(z) = z + 1 (z >= 0), 1 / (1 - z) (z < 0), z = scale * x; y = s / sum s,
// log: log s - log sum s. test/sigstable-operator-tester.h: StableMax relative
// 1e-6 (reference below FLT_MIN: within FLT_MIN, >= 0); LogStableMax
// |error| <= 1e-6 max(1, |ref|) + 2^-24 |log s|. For every finite row (no
// range limit). -inf -> 0 (log: -inf); all -inf -> all 0 (-inf); NaN or +inf
// -> NaN row.

inline bool StableMaxParamsValid(const Params& params) { return params.p[0] > 0.0f && std::isfinite(params.p[0]); }

inline bool StableMaxReferenceImpl(const Params& params, size_t n, const float* x, long double* y, bool log) {
  bool poisoned = false, all_masked = true;
  for (size_t i = 0; i < n; i++) {
    poisoned |= std::isnan(x[i]) || x[i] == INFINITY;
    all_masked &= x[i] == -INFINITY;
  }
  if (poisoned || all_masked) {
    const long double fill = poisoned ? NAN : (log ? -INFINITY : 0.0L);
    for (size_t i = 0; i < n; i++) y[i] = fill;
    return true;
  }
  long double sum = 0.0L;
  for (size_t i = 0; i < n; i++) {
    const long double z = (long double) x[i] * params.p[0];
    sum += z >= 0 ? z + 1.0L : 1.0L / (1.0L - z);  // -inf: 1 / inf = 0
  }
  const long double log_sum = logl(sum);
  for (size_t i = 0; i < n; i++) {
    const long double z = (long double) x[i] * params.p[0];
    if (x[i] == -INFINITY) {
      y[i] = log ? -INFINITY : 0.0L;
    } else if (log) {
      y[i] = (z >= 0 ? log1pl(z) : -log1pl(-z)) - log_sum;
    } else {
      y[i] = (z >= 0 ? z + 1.0L : 1.0L / (1.0L - z)) / sum;
    }
  }
  return true;
}

inline bool StableMaxReference(const Params& params, size_t n, const float* x, long double* y) {
  return StableMaxReferenceImpl(params, n, x, y, false);
}
inline bool LogStableMaxReference(const Params& params, size_t n, const float* x, long double* y) {
  return StableMaxReferenceImpl(params, n, x, y, true);
}

inline bool StableMaxAccepts(const Params&, float x, long double r, float y, bool) {
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == 0.0f && !std::signbit(y);
  if (std::isnan(y)) return false;
  if (r < (long double) FLT_MIN) return y >= 0.0f && fabsl((long double) y - r) <= (long double) FLT_MIN;
  return fabsl(((long double) y - r) / r) <= 1.0e-6L;
}

inline bool LogStableMaxAccepts(const Params& params, float x, long double r, float y, bool) {
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == -INFINITY;
  if (std::isnan(y) || std::isinf(y)) return false;
  const long double z = (long double) x * params.p[0];
  const long double log_s = z >= 0 ? log1pl(z) : -log1pl(-z);
  const long double scale_of_y = fabsl(r) > 1.0L ? fabsl(r) : 1.0L;
  return fabsl((long double) y - r) <= 1.0e-6L * scale_of_y + 0x1.0p-24L * fabsl(log_s);
}

inline enum xnn_status CreateStableMax(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_stablemax_nc_f32(params.p[0], flags, op);
}
inline enum xnn_status CreateLogStableMax(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_log_stablemax_nc_f32(params.p[0], flags, op);
}

// ---- clipped softmax ------------------------------------------------------------------
// y = clamp((zeta - gamma) p + gamma, 0, 1), p = softmax(scale x); p[1] = zeta
// (>= 1, finite), p[2] = gamma (<= 0, finite), zeta - gamma <= 2^120.
// test/clipped-softmax-nc.cc: |y - ref| <= 1e-6 (zeta - gamma) p + 2^-24 |gamma|
// (+ (zeta - gamma) FLT_MIN where p < FLT_MIN), y in [0, 1]. -inf -> exactly 0;
// fully masked row -> all 0; NaN -> NaN row; +inf -> NaN row (softmax's rule:
// exp(inf - inf), the operator is softmax's description plus a fused output).

inline bool ClippedParamsValid(const Params& params) {
  return SoftmaxParamsValid(params) && params.p[1] >= 1.0f && std::isfinite(params.p[1]) && params.p[2] <= 0.0f &&
         std::isfinite(params.p[2]) && (double) params.p[1] - (double) params.p[2] <= 0x1.0p+120;
}

inline bool ClippedReference(const Params& params, size_t n, const float* x, long double* y) {
  StartBounds(n, x);
  std::vector<long double> p(n);
  SoftmaxReferenceImpl(params, n, x, p.data(), false);  // NaN row / all 0 / softmax
  const long double zeta = params.p[1], gamma = params.p[2], amplitude = zeta - gamma;
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(p[i])) {
      y[i] = NAN;
      continue;
    }
    const long double pre = amplitude * p[i] + gamma;
    y[i] = pre < 0.0L ? 0.0L : (pre > 1.0L ? 1.0L : pre);
    long double bound = 1.0e-6L * amplitude * p[i] + 0x1.0p-24L * fabsl(gamma);
    if (p[i] < (long double) FLT_MIN) bound += amplitude * (long double) FLT_MIN;
    Bounds().bound[i] = bound;
  }
  return true;
}

inline bool ClippedAccepts(const Params&, float x, long double r, float y, bool) {
  const long double bound = NextBound(x);
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == 0.0f && !std::signbit(y);
  if (!(y >= 0.0f && y <= 1.0f)) return false;
  return bound >= 0.0L && fabsl((long double) y - r) <= bound;
}

inline enum xnn_status CreateClipped(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_clipped_softmax_nc_f32(params.p[0], params.p[1], params.p[2], flags, op);
}

// ---- softplus attention (LSSA / LSSAR) ------------------------------------------------
// p[0] = scale (> 0, finite), p[1] = reweight_power (in [0, 64]); flag
// ATTNORM_FLAG_SCALE_BY_LOG_LENGTH (the fuzzer sets it). The reference and the
// per-element bound are test/softplus-attention-nc.cc's Reference() (its
// derivation there): |y - ref| <= max(tol_i, FLT_MIN). Masked -> 0; fully
// masked -> all 0; NaN or +inf -> NaN row. Two rows: LSSA without the flag
// (p = 0 by default), and LSSAR (p = 2) with the flag always set.

inline bool SoftplusParamsValid(const Params& params) {
  return params.p[0] > 0.0f && std::isfinite(params.p[0]) && params.p[1] >= 0.0f && params.p[1] <= 64.0f;
}

inline long double SoftplusL(long double z) { return (z > 0 ? z : 0) + log1pl(expl(-fabsl(z))); }

inline bool SoftplusReferenceImpl(const Params& params, size_t n, const float* x, long double* y, bool log_length) {
  StartBounds(n, x);
  const long double E_sp = 2.5e-7L, kUniformThreshold = 0x1.0p-20L;
  size_t count = 0;
  bool nan = false;
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(x[i]) || x[i] == INFINITY) nan = true;
    if (x[i] != -INFINITY) count++;
  }
  for (size_t i = 0; i < n; i++) y[i] = nan ? NAN : 0.0L;
  if (nan || count == 0) return true;
  const long double N = (long double) count;
  const long double c = log_length ? (long double) params.p[0] * logl(N) : (long double) params.p[0];
  const long double k = log_length ? 2.0L : 1.0L;
  if (log_length && count == 1) {
    for (size_t i = 0; i < n; i++) {
      y[i] = x[i] != -INFINITY ? 1.0L : 0.0L;
      Bounds().bound[i] = 1e-6L * y[i];
    }
    return true;
  }
  long double zmax = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != -INFINITY) zmax = std::max(zmax, c * (long double) x[i]);
  }
  const bool tiny = zmax < -30;
  std::vector<long double> sp(n, 0.0L), err(n, 0.0L), a(n, 0.0L);
  long double S = 0;
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -INFINITY) continue;
    const long double z = c * (long double) x[i];
    sp[i] = tiny ? expl(z - zmax) : SoftplusL(z);
    S += sp[i];
    const long double sig = 1 / (1 + expl(-z));
    const long double zeta = tiny ? fabsl(z) : (sp[i] > 0 ? fabsl(z) * sig / sp[i] : 0);
    err[i] = E_sp + k * (long double) (double) zeta * 0x1.0p-24L;
  }
  long double eS = 2e-7L;
  for (size_t i = 0; i < n; i++) eS += sp[i] / S * err[i];
  for (size_t i = 0; i < n; i++) a[i] = sp[i] / S;
  const long double o = count > 3 ? 1 : 0;
  long double tmax = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != -INFINITY) tmax = std::max(tmax, a[i] * N - o);
  }
  const long double power = params.p[1];
  if (power == 0 || tmax <= kUniformThreshold) {
    for (size_t i = 0; i < n; i++) {
      y[i] = a[i];
      Bounds().bound[i] = a[i] * (1e-6L + err[i] + eS);
    }
    return true;
  }
  std::vector<long double> r(n, 0.0L), er(n, 0.0L);
  long double R = 0;
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -INFINITY) continue;
    const long double t = a[i] * N - o;
    if (t > 0) {
      r[i] = powl(t / tmax, power);
      const long double kappa = a[i] * N / t;
      er[i] = power * (kappa * (err[i] + eS + 0x1.0p-23L) + 0x1.0p-24L) + (floorl(power) + 2) * 0x1.0p-24L;
    }
    R += r[i];
  }
  long double avg = 0;
  for (size_t i = 0; i < n; i++) avg += r[i] / R * er[i];
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -INFINITY) continue;
    y[i] = r[i] / R;
    if (r[i] > 0) {
      Bounds().bound[i] = y[i] * (1e-6L + er[i] + avg);
    } else {
      const long double base = (a[i] * N * (err[i] + eS + 0x1.0p-22L) + o * 0x1.0p-23L) / tmax;
      Bounds().bound[i] = 2 * powl(base, power) / R;
    }
  }
  return true;
}

inline bool SoftplusReference(const Params& params, size_t n, const float* x, long double* y) {
  return SoftplusReferenceImpl(params, n, x, y, false);
}
inline bool SoftplusLogLengthReference(const Params& params, size_t n, const float* x, long double* y) {
  return SoftplusReferenceImpl(params, n, x, y, true);
}

inline bool SoftplusAccepts(const Params&, float x, long double r, float y, bool) {
  const long double bound = NextBound(x);
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == 0.0f && !std::signbit(y);
  if (std::isnan(y)) return false;
  const long double limit = bound > (long double) FLT_MIN ? bound : (long double) FLT_MIN;
  return bound >= 0.0L && fabsl((long double) y - r) <= limit;
}

// The plain row's reference is without the flag: its create turns the flag
// away like any flag outside allowed_flags (the fuzzer's hostile flags).
inline enum xnn_status CreateSoftplus(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  if (flags & ATTNORM_FLAG_SCALE_BY_LOG_LENGTH) {
    if (op != nullptr) *op = nullptr;
    return xnn_status_invalid_parameter;
  }
  return attnorm_create_softplus_attention_nc_f32(params.p[0], params.p[1], flags, op);
}
inline enum xnn_status CreateSoftplusLogLength(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  return attnorm_create_softplus_attention_nc_f32(params.p[0], params.p[1], flags | ATTNORM_FLAG_SCALE_BY_LOG_LENGTH,
                                                  op);
}

// ---- attention softmax ----------------------------------------------------------------
// The table's NC shape: heads = 1, queries = batch, keys = channels; no mask,
// sinks or query scales (NULL), so ALiBi (p[2]) has nothing to scale.
// p[0] = scale (0, 2^127], p[1] = softcap (0 = off, else finite > 0),
// p[2] = alibi_max_bias (>= 0, finite). The bound of test/attention-softmax-nc.cc
// (include/attnorm.h): |y - ref| <= (1e-6 + d_k + max_j d_j) ref for ref >=
// FLT_MIN (FLT_MIN absolute below), d_j the rounding of z_j's intermediates
// (softcap: and the tanh core, 8e-7 on the scalar path, taken for every path).
// -inf -> 0; no finite z -> all 0; NaN or +inf z -> NaN row.
// Allowed flags: ATTNORM_ATTENTION_FLAG_TWO_PASS and _RELOAD (the pass
// structures, src/attention-softmax-config.h). Both at once is invalid by the
// operator's API (tested in test/attention-softmax-nc.cc); the fuzzer ORs all
// allowed flags at once, so the table's create keeps TWO_PASS then.
constexpr uint32_t kAttentionFlagTwoPass = UINT32_C(0x00010000);
constexpr uint32_t kAttentionFlagReload = UINT32_C(0x00020000);

inline bool AttentionParamsValid(const Params& params) {
  return SoftmaxParamsValid(params) && params.p[1] >= 0.0f && params.p[1] <= FLT_MAX && params.p[2] >= 0.0f &&
         params.p[2] <= FLT_MAX;
}

inline bool AttentionReference(const Params& params, size_t n, const float* x, long double* y) {
  StartBounds(n, x);
  const long double s = params.p[0];
  const float softcap = params.p[1];
  const long double eps = 0x1.0p-24L, tanh_error = 8.0e-7L;
  std::vector<long double> z(n), d(n);
  bool nan_row = false;
  long double max = -INFINITY;
  for (size_t k = 0; k < n; k++) {
    const long double sx = s * (long double) x[k];
    long double v = sx;
    long double dk = 0.0L;
    if (softcap > 0.0f) {
      const long double u = sx / softcap;
      const long double t = tanhl(u);
      v = x[k] == -INFINITY ? -INFINITY : softcap * t;
      if (std::isfinite((double) u)) dk = softcap * ((1 - t * t) * fabsl(u) * 3 * eps + tanh_error) + fabsl(v) * eps;
    }
    z[k] = v;
    d[k] = std::isfinite((double) v) ? dk : 0.0L;
    if (std::isnan(v) || v == INFINITY) nan_row = true;
    if (v > max) max = v;
  }
  if (nan_row || max == -INFINITY) {
    for (size_t k = 0; k < n; k++) y[k] = nan_row ? NAN : 0.0L;
    return true;
  }
  long double sum = 0.0L, max_d = 0.0L;
  for (size_t k = 0; k < n; k++) {
    const long double e = expl(z[k] - max);
    sum += e;
    if (e > 0 && d[k] > max_d) max_d = d[k];
  }
  for (size_t k = 0; k < n; k++) {
    y[k] = expl(z[k] - max) / sum;
    Bounds().bound[k] = y[k] >= (long double) FLT_MIN ? (1.0e-6L + d[k] + max_d) * y[k] : (long double) FLT_MIN;
  }
  return true;
}

inline bool AttentionAccepts(const Params&, float x, long double r, float y, bool) {
  const long double bound = NextBound(x);
  if (std::isnan(r)) return std::isnan(y);
  if (x == -INFINITY) return y == 0.0f && !std::signbit(y);
  if (std::isnan(y)) return false;
  return bound >= 0.0L && fabsl((long double) y - r) <= bound;
}

inline enum xnn_status CreateAttention(const Params& params, uint32_t flags, attnorm_operator_t* op) {
  if ((flags & kAttentionFlagTwoPass) && (flags & kAttentionFlagReload)) flags &= ~kAttentionFlagReload;
  return attnorm_create_attention_softmax_nc_f32(params.p[0], params.p[1], params.p[2], flags, op);
}
inline enum xnn_status ReshapeAttention(attnorm_operator_t op, size_t channels, size_t input_stride,
                                        size_t output_stride, size_t batch_size, pthreadpool_t threadpool) {
  return attnorm_reshape_attention_softmax_nc_f32(op, 1, batch_size, channels, input_stride, output_stride, channels,
                                                  threadpool);
}
inline enum xnn_status SetupAttention(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_attention_softmax_nc_f32(op, input, nullptr, nullptr, nullptr, output);
}

// ---- The table ------------------------------------------------------------------------

inline const std::vector<Row>& Operators() {
  static const std::vector<Row> rows = {
      ATTNORM_SOFTMAX_ROW("softmax_auto", attnorm_softmax_algorithm_auto),
      ATTNORM_SOFTMAX_ROW("softmax_two_pass", attnorm_softmax_algorithm_two_pass),
      ATTNORM_SOFTMAX_ROW("softmax_three_pass_reload", attnorm_softmax_algorithm_three_pass_reload),
      ATTNORM_SOFTMAX_ROW("softmax_three_pass_recompute", attnorm_softmax_algorithm_three_pass_recompute),
      ATTNORM_SOFTMAX_ROW("softmax_online", attnorm_softmax_algorithm_online),
      Row{"log_softmax", {{1.0f, 0.0f, 0.0f}}, SoftmaxParamsValid, CreateLogSoftmax,
          attnorm_reshape_log_softmax_nc_f32, attnorm_setup_log_softmax_nc_f32, LogSoftmaxReference,
          LogSoftmaxAccepts, 0, -INFINITY, true},
      // New operators: one Row each here (see the top of this file).
      Row{"sigmoid_attention", {{1.0f, -7.62f, 0.0f}}, SigmoidParamsValid, CreateSigmoid,
          attnorm_reshape_sigmoid_attention_nc_f32, attnorm_setup_sigmoid_attention_nc_f32, SigmoidReference,
          SigmoidAccepts, 0, 0.0f, false},
      Row{"stablemax", {{1.0f, 0.0f, 0.0f}}, StableMaxParamsValid, CreateStableMax, attnorm_reshape_stablemax_nc_f32,
          attnorm_setup_stablemax_nc_f32, StableMaxReference, StableMaxAccepts, 0, 0.0f, true},
      Row{"log_stablemax", {{1.0f, 0.0f, 0.0f}}, StableMaxParamsValid, CreateLogStableMax,
          attnorm_reshape_log_stablemax_nc_f32, attnorm_setup_log_stablemax_nc_f32, LogStableMaxReference,
          LogStableMaxAccepts, 0, -INFINITY, true},
      Row{"clipped_softmax", {{1.0f, 1.0f, -0.03f}}, ClippedParamsValid, CreateClipped,
          attnorm_reshape_clipped_softmax_nc_f32, attnorm_setup_clipped_softmax_nc_f32, ClippedReference,
          ClippedAccepts, 0, 0.0f, true},
      Row{"softplus_attention", {{1.0f, 0.0f, 0.0f}}, SoftplusParamsValid, CreateSoftplus,
          attnorm_reshape_softplus_attention_nc_f32, attnorm_setup_softplus_attention_nc_f32, SoftplusReference,
          SoftplusAccepts, 0, 0.0f, true},
      Row{"softplus_attention_lssar_log_length", {{0.5f, 2.0f, 0.0f}}, SoftplusParamsValid, CreateSoftplusLogLength,
          attnorm_reshape_softplus_attention_nc_f32, attnorm_setup_softplus_attention_nc_f32,
          SoftplusLogLengthReference, SoftplusAccepts, ATTNORM_FLAG_SCALE_BY_LOG_LENGTH, 0.0f, true},
      Row{"attention_softmax", {{1.0f, 0.0f, 0.0f}}, AttentionParamsValid, CreateAttention, ReshapeAttention,
          SetupAttention, AttentionReference, AttentionAccepts, kAttentionFlagTwoPass | kAttentionFlagReload, 0.0f, true},
      // Not in the table: softmax_log2_nc_f32_qu8 (uint8_t output; the table's
      // setup, reference and accepts are float-only).
  };
  return rows;
}

#undef ATTNORM_SOFTMAX_ROW

// The ISA paths of this CPU: 0 (the library's choice) and the force flag of
// every ISA the CPU has and the build holds.
inline std::vector<uint32_t> IsaFlags() {
  std::vector<uint32_t> flags = {0};
  for (size_t i = 0; i < (size_t) attnorm_isa_count; i++) {
    const enum attnorm_isa isa = (enum attnorm_isa) i;
    if (attnorm_isa_supported(isa)) flags.push_back(attnorm_isa_force_flag(isa));
  }
  return flags;
}

inline const char* IsaFlagName(uint32_t flags) {
  enum attnorm_isa isa;
  return attnorm_isa_from_force_flags(flags, &isa) ? attnorm_isa_name(isa) : "default";
}

// One operator of the table on one ISA path: the parameter of the
// table-driven tests.
struct OperatorCase {
  size_t row;      // index into Operators()
  uint32_t flags;  // ISA path: 0 or one ATTNORM_FLAG_FORCE_*
};

inline std::vector<OperatorCase> OperatorCases() {
  std::vector<OperatorCase> cases;
  for (size_t r = 0; r < Operators().size(); r++) {
    for (uint32_t flags : IsaFlags()) cases.push_back({r, flags});
  }
  return cases;
}

inline void PrintTo(const OperatorCase& c, std::ostream* os) {
  *os << Operators()[c.row].name << " " << IsaFlagName(c.flags);
}

inline std::string OperatorCaseName(size_t row, uint32_t flags) {
  return std::string(Operators()[row].name) + "_" + IsaFlagName(flags);
}

// Checks one output row against the table's reference: returns the index of
// the first element outside the contract, or n when all are inside.
inline size_t FirstMismatch(const Row& row, const Params& params, size_t n, const float* x, const float* y,
                            std::vector<long double>& scratch) {
  scratch.resize(n);
  const bool strict = row.reference(params, n, x, scratch.data());
  for (size_t i = 0; i < n; i++) {
    if (!row.accepts(params, x[i], scratch[i], y[i], strict)) return i;
  }
  return n;
}

}  // namespace attnorm_reliability
