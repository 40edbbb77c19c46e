// Helpers shared by the testers of the "expminusmax" families
// (f32-raddstoreexpminusmax, f32-raddexpminusmax, f32-vscaleexpminusmax; the
// contract is in microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/microparams.h"
#include "test/ukernel-test-utils.h"

namespace attnorm {
namespace expminusmax {

// Maximum relative error the contract allows, per exp term and for the sum.
constexpr double kTolerance = 1.0e-6;

// Largest relative error any check of this process observed; printed at exit
// so a run shows how much of the tolerance the kernels use.
class ErrorReport {
 public:
  static ErrorReport& Get() {
    static ErrorReport report;
    return report;
  }
  void Element(double error) { max_element_ = std::max(max_element_, error); }
  void Sum(double error) { max_sum_ = std::max(max_sum_, error); }
  ~ErrorReport() {
    if (max_element_ >= 0.0 || max_sum_ >= 0.0) {
      std::printf(
          "[ expminusmax ] max relative error observed: per element %s (vs exp(s*x - k*ln2) in double "
          "from the exact s*x), sum %s; tolerance %.0e\n",
          Format(max_element_).c_str(), Format(max_sum_).c_str(), kTolerance);
    }
  }

 private:
  static std::string Format(double error) {
    if (error < 0.0) return "n/a";
    char text[32];
    std::snprintf(text, sizeof(text), "%.3g", error);
    return text;
  }

  double max_element_ = -1.0;
  double max_sum_ = -1.0;
};

// Which special values a test plants in the row.
struct Specials {
  double minus_inf_fraction = 0.0;  // fraction of -inf inputs (masked logits)
  bool nan = false;                 // one NaN input
  bool underflow = false;           // every third s*x - M in [-100, -80], around 2^-126
  float lo = 90.0f;                 // finite inputs are drawn from U[lo, hi]
  float hi = 100.0f;
};

// A row of logits, by default like XNNPACK's tests: U[90, 100], so exp(x) itself
// overflows and only exp(scale*x - max) is finite. Some special values are
// planted; at least one element stays finite. Returns the max to pass to the
// kernel: M = scale * max(finite inputs), rounded to float.
inline float FillRow(std::mt19937& rng, std::vector<float>& row, float scale, const Specials& specials,
                     size_t iteration) {
  std::uniform_real_distribution<float> value(specials.lo, specials.hi);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (float& x : row) {
    x = coin(rng) < specials.minus_inf_fraction ? -std::numeric_limits<float>::infinity() : value(rng);
  }
  const size_t n = row.size();
  if (specials.minus_inf_fraction > 0.0 && n > 1) {
    // -inf at the ends too (the remainder paths), and one finite element.
    if (iteration % 2 == 0) row.front() = -std::numeric_limits<float>::infinity();
    row.back() = -std::numeric_limits<float>::infinity();
    row[n / 2] = value(rng);
  }
  float max_x = -std::numeric_limits<float>::infinity();
  for (float x : row) max_x = std::max(max_x, x);
  if (specials.underflow) {
    // s*x - M around the underflow of exp: a small normal float above it, +0 or a
    // value below 2^-126 under it.
    std::uniform_real_distribution<float> depth(80.0f, 100.0f);
    for (size_t i = iteration % 3; i < n; i += 3) {
      if (row[i] != max_x) row[i] = (max_x * scale - depth(rng)) / scale;
    }
  }
  if (specials.nan) {
    row[(iteration * 7) % n] = std::numeric_limits<float>::quiet_NaN();
  }
  return max_x == -std::numeric_limits<float>::infinity() ? 0.0f : scale * max_x;
}

// The contract's reference: exp(s*x - k*ln2) in double from the exact s*x (a product of
// two floats is exact in double), with the kernels' k = round(fl(M * log2(e))).
// Exactly 0 for x = -inf, NaN for NaN.
inline double ReferenceExp(float x, float scale, float max) {
  if (std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x == -std::numeric_limits<float>::infinity()) return 0.0;
  const double k = static_cast<double>(attnorm_f32_expminus_k(max));
  return std::exp(static_cast<double>(x) * static_cast<double>(scale) - k * M_LN2);
}

// Checks one term (times multiplier, for f32-vscaleexpminusmax): NaN for NaN, exactly +0
// for -inf, relative error <= kTolerance against ReferenceExp; a term whose exact value is
// below 2^-126 may be anything in [0, 2^-126] (times multiplier).
inline ::testing::AssertionResult CheckExpTerm(float actual, float x, float scale, float max,
                                               double multiplier = 1.0) {
  const double term = ReferenceExp(x, scale, max);
  const double expected = term * multiplier;
  if (std::isnan(expected)) {
    if (std::isnan(actual)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected NaN, got " << actual;
  }
  if (expected == 0.0) {
    if (actual == 0.0f && !std::signbit(actual)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected exactly +0, got " << actual;
  }
  if (term < std::numeric_limits<float>::min()) {
    const double bound = std::numeric_limits<float>::min() * multiplier + std::numeric_limits<float>::denorm_min();
    if (!std::signbit(actual) && actual <= bound) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got " << actual << " for a term below 2^-126 (expected +0 .. " << bound
                                         << ")";
  }
  if (expected < std::numeric_limits<float>::min()) {
    // A denormal product with a small multiplier: absolute rounding error, or +0.
    if (actual == 0.0f && !std::signbit(actual)) return ::testing::AssertionSuccess();
    const double tolerance = kTolerance * expected + std::numeric_limits<float>::denorm_min();
    if (std::abs(actual - expected) <= tolerance) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got " << actual << ", expected " << expected << " (below FLT_MIN) or +0";
  }
  const double error = RelativeError(actual, expected);
  ErrorReport::Get().Element(error);
  if (error > kTolerance) {
    return ::testing::AssertionFailure() << "got " << actual << ", expected " << expected << ", relative error "
                                         << error << " > " << kTolerance;
  }
  return ::testing::AssertionSuccess();
}

// Checks a kernel's sum against the double sum of the reference terms.
inline ::testing::AssertionResult CheckSum(float actual, double expected) {
  if (std::isnan(expected)) {
    if (std::isnan(actual)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected a NaN sum, got " << actual;
  }
  const double error = RelativeError(actual, expected);
  ErrorReport::Get().Sum(error);
  if (error <= kTolerance) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "sum " << actual << ", expected " << expected << ", relative error "
                                       << error << " > " << kTolerance;
}

}  // namespace expminusmax
}  // namespace attnorm
