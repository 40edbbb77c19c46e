// Tester of the f32-softmax family (contract: microkernels/f32-softmax/f32-softmax.h): the
// whole softmax of a row of at most BATCH_TILE elements, against a double reference.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/microparams.h"
#include "test/ukernel-test-utils.h"

namespace attnorm {
namespace softmax {

// Maximum relative error per element the contract allows (outputs whose exact value is at
// least FLT_MIN; below, any value in [0, FLT_MIN)).
constexpr double kTolerance = 1.0e-6;

// Largest relative error this process observed, printed at exit.
class ErrorReport {
 public:
  static ErrorReport& Get() {
    static ErrorReport report;
    return report;
  }
  void Element(double error) { max_ = std::max(max_, error); }
  ~ErrorReport() {
    if (max_ >= 0.0) {
      std::printf("[ softmax ] max relative error per element observed: %.3g; tolerance %.0e\n", max_, kTolerance);
    }
  }

 private:
  double max_ = -1.0;
};

}  // namespace softmax
}  // namespace attnorm

class SoftmaxMicrokernelTester {
 public:
  SoftmaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  SoftmaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Multiplier of the logits (1 / temperature).
  SoftmaxMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // scale * input is drawn from U[lo, hi] (default U[90, 100]: exp(x) itself overflows).
  SoftmaxMicrokernelTester& range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits); 1.0 masks the whole row.
  SoftmaxMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // The input at this position is NaN (every output must be NaN); -1: none.
  SoftmaxMicrokernelTester& nan_at(ptrdiff_t position) {
    nan_at_ = position;
    return *this;
  }

  // The input at this position is +inf (every output must be NaN); -1: none.
  SoftmaxMicrokernelTester& plus_inf_at(ptrdiff_t position) {
    plus_inf_at_ = position;
    return *this;
  }

  // output == input.
  SoftmaxMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  void Test(attnorm_f32_softmax_ukernel_fn* softmax, attnorm_init_f32_expminus_params_fn* init_params) const {
    using attnorm::softmax::kTolerance;
    const float minus_inf = -std::numeric_limits<float>::infinity();
    const size_t n = elements();
    ASSERT_GE(n, 1u);
    std::mt19937 rng(UINT32_C(0x50F7AA00) + static_cast<uint32_t>(n));
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    std::vector<float> input(n);
    std::vector<double> reference(n);
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      for (float& x : input) x = value(rng) / scale();
      if (minus_inf_fraction_ > 0.0) {
        for (float& x : input) {
          if (coin(rng) < minus_inf_fraction_) x = minus_inf;
        }
        if (minus_inf_fraction_ < 1.0 && n > 1) {
          // -inf at the ends too (the partial vector), and one finite element.
          if (iteration % 2 == 0) input.front() = minus_inf;
          input.back() = minus_inf;
          input[(iteration * 13) % n] = value(rng) / scale();
        }
      }
      if (nan_at_ >= 0) input[static_cast<size_t>(nan_at_) % n] = std::numeric_limits<float>::quiet_NaN();
      if (plus_inf_at_ >= 0) input[static_cast<size_t>(plus_inf_at_) % n] = std::numeric_limits<float>::infinity();

      bool has_nan = false, has_plus_inf = false;
      double max = -std::numeric_limits<double>::infinity();
      for (float x : input) {
        has_nan |= std::isnan(x);
        has_plus_inf |= x == std::numeric_limits<float>::infinity();
        // s * x is exact in double.
        if (!std::isnan(x)) max = std::max(max, static_cast<double>(x) * static_cast<double>(scale()));
      }
      double sum = 0.0;
      for (size_t i = 0; i < n; i++) {
        reference[i] = max == -std::numeric_limits<double>::infinity()
                           ? 0.0
                           : std::exp(static_cast<double>(input[i]) * static_cast<double>(scale()) - max);
        sum += reference[i];
      }

      attnorm::GuardedBuffer buffer(n);
      const std::vector<float> input_copy(input);
      const float* x = input.data();
      if (inplace_) {
        std::copy(input.begin(), input.end(), buffer.data());
        x = buffer.data();
      } else {
        std::fill(buffer.data(), buffer.data() + n, 12345.0f);
      }
      softmax(n * sizeof(float), x, buffer.data(), &params);
      ASSERT_TRUE(buffer.CanariesIntact()) << "wrote past the row, elements = " << n;
      if (!inplace_) {
        ASSERT_EQ(0, std::memcmp(input.data(), input_copy.data(), n * sizeof(float)))
            << "modified the input, elements = " << n;
      }
      for (size_t i = 0; i < n; i++) {
        const float y = buffer[i];
        if (has_nan || has_plus_inf) {
          ASSERT_TRUE(std::isnan(y)) << "a NaN or +inf in the row must make every output NaN; output " << i
                                     << " = " << y << ", elements = " << n;
          continue;
        }
        if (input[i] == minus_inf) {
          ASSERT_TRUE(y == 0.0f && !std::signbit(y))
              << "-inf must give exactly +0, got " << y << " at " << i << ", elements = " << n;
          continue;
        }
        const double expected = reference[i] / sum;
        if (expected < FLT_MIN) {
          ASSERT_TRUE(y >= 0.0f && y < FLT_MIN && !std::signbit(y))
              << "output " << i << " = " << y << ", expected " << expected << " (below FLT_MIN), elements = " << n;
          continue;
        }
        const double error = attnorm::RelativeError(y, expected);
        attnorm::softmax::ErrorReport::Get().Element(error);
        ASSERT_LE(error, kTolerance) << "output " << i << " = " << y << ", expected " << expected
                                     << ", elements = " << n << ", scale " << scale() << ", scale * input in ["
                                     << lo_ << ", " << hi_ << "]";
      }
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  float lo_ = 90.0f;
  float hi_ = 100.0f;
  double minus_inf_fraction_ = 0.0;
  ptrdiff_t nan_at_ = -1;
  ptrdiff_t plus_inf_at_ = -1;
  bool inplace_ = false;
};
