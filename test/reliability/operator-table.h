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
