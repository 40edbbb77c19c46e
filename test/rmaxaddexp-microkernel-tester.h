// Tester of the f32-rmaxaddexp family (contract:
// microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/microparams.h"
#include "test/ukernel-test-utils.h"

namespace attnorm {
namespace rmaxaddexp {

// Maximum relative error of output[1] the contract allows.
constexpr double kTolerance = 1.0e-6;

// Largest relative error of output[1] this process observed, printed at exit.
class ErrorReport {
 public:
  static ErrorReport& Get() {
    static ErrorReport report;
    return report;
  }
  void Sum(double error) { max_sum_ = std::max(max_sum_, error); }
  ~ErrorReport() {
    if (max_sum_ >= 0.0) {
      std::printf("[ rmaxaddexp ] max relative error of the sum observed: %.3g; tolerance %.0e\n", max_sum_,
                  kTolerance);
    }
  }

 private:
  double max_sum_ = -1.0;
};

// The contract's K = round-to-nearest-even(fl(fl(scale * max) * log2(e))), in float steps
// (volatile: no fused multiply-add), as an exact integer in a double.
inline double ContractK(float max, float scale) {
  volatile float scaled_max = scale * max;
  volatile float scaled_log2e = scaled_max * 0x1.715476p+0f;
  return std::nearbyint(static_cast<double>(scaled_log2e));
}

}  // namespace rmaxaddexp
}  // namespace attnorm

class RMaxAddExpMicrokernelTester {
 public:
  enum class Order {
    kRandom,      // i.i.d. from U[lo, hi]
    kIncreasing,  // lo .. hi in increasing order: the maximum moves at every element
    kMaxAtEnd,    // U[lo, hi], then the last element is hi + (hi - lo) (a jump of the maximum)
  };

  RMaxAddExpMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  RMaxAddExpMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Multiplier of the logits (1 / temperature).
  RMaxAddExpMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Inputs are drawn from U[lo, hi] / scale (default U[90, 100]: exp(x) itself overflows).
  RMaxAddExpMicrokernelTester& range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  RMaxAddExpMicrokernelTester& order(Order order) {
    order_ = order;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits); 1.0 masks the whole row.
  RMaxAddExpMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // One input replaced by NaN.
  RMaxAddExpMicrokernelTester& nan(bool nan) {
    nan_ = nan;
    return *this;
  }

  // One input replaced by +inf (outside the valid range: output[0] = +inf, output[1] NaN).
  RMaxAddExpMicrokernelTester& plus_inf(bool plus_inf) {
    plus_inf_ = plus_inf;
    return *this;
  }

  void Test(attnorm_f32_rmaxaddexp_ukernel_fn* rmaxaddexp, attnorm_init_f32_expminus_params_fn* init_params) const {
    using attnorm::rmaxaddexp::kTolerance;
    const float minus_inf = -std::numeric_limits<float>::infinity();
    std::mt19937 rng(UINT32_C(0x5EED000A) + elements());
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::vector<float> input(elements());
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    const size_t n = elements();
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      for (size_t i = 0; i < n; i++) {
        float z;
        switch (order_) {
          case Order::kIncreasing:
            z = n == 1 ? hi_ : lo_ + (hi_ - lo_) * static_cast<float>(i) / static_cast<float>(n - 1);
            break;
          case Order::kMaxAtEnd:
            z = i + 1 == n ? hi_ + (hi_ - lo_) : value(rng);
            break;
          default:
            z = value(rng);
        }
        input[i] = z / scale();
      }
      if (minus_inf_fraction_ > 0.0) {
        for (float& x : input) {
          if (coin(rng) < minus_inf_fraction_) x = minus_inf;
        }
        if (minus_inf_fraction_ < 1.0 && n > 1) {
          // -inf at the ends too (the remainder paths), and one finite element.
          if (iteration % 2 == 0) input.front() = minus_inf;
          input.back() = minus_inf;
          input[n / 2] = value(rng) / scale();
        }
      }
      if (nan_) {
        input[(iteration * 7) % n] = std::numeric_limits<float>::quiet_NaN();
      }
      if (plus_inf_) {
        input[(iteration * 5) % n] = std::numeric_limits<float>::infinity();
      }

      bool has_nan = false;
      float expected_max = minus_inf;
      for (float x : input) {
        has_nan |= std::isnan(x);
        if (x > expected_max) expected_max = x;
      }
      double expected_sum = 0.0;
      if (expected_max != minus_inf) {
        const double k_ln2 = attnorm::rmaxaddexp::ContractK(expected_max, scale()) * M_LN2;
        for (float x : input) {
          // s * x is exact in double; -inf gives exp(-inf) = 0.
          expected_sum += std::exp(static_cast<double>(x) * static_cast<double>(scale()) - k_ln2);
        }
      }

      // The input is const: the kernel must not write to it.
      const std::vector<float> input_copy(input);
      attnorm::GuardedBuffer output(2);
      output[0] = output[1] = 12345.0f;
      rmaxaddexp(n * sizeof(float), input.data(), output.data(), &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output[1], elements = " << n;
      ASSERT_EQ(0, std::memcmp(input.data(), input_copy.data(), n * sizeof(float)))
          << "modified the input, elements = " << n;
      if (plus_inf_ && !has_nan) {
        ASSERT_EQ(output[0], std::numeric_limits<float>::infinity()) << "elements = " << n;
        ASSERT_TRUE(std::isnan(output[1])) << "+inf input must give a NaN sum, got " << output[1]
                                           << ", elements = " << n;
        continue;
      }
      if (has_nan) {
        ASSERT_TRUE(std::isnan(output[1])) << "NaN input must give a NaN sum, got " << output[1]
                                           << ", elements = " << n;
        continue;
      }
      ASSERT_EQ(output[0], expected_max) << "elements = " << n << ", scale " << scale();
      if (expected_max == minus_inf) {
        ASSERT_TRUE(output[1] == 0.0f && !std::signbit(output[1]))
            << "a row of only -inf must give a +0 sum, got " << output[1] << ", elements = " << n;
        continue;
      }
      const double error = attnorm::RelativeError(output[1], expected_sum);
      attnorm::rmaxaddexp::ErrorReport::Get().Sum(error);
      ASSERT_LE(error, kTolerance) << "sum " << output[1] << ", expected " << expected_sum
                                   << ", elements = " << n << ", scale " << scale() << ", inputs in ["
                                   << lo_ / scale() << ", " << hi_ / scale() << "]";
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  float lo_ = 90.0f;
  float hi_ = 100.0f;
  Order order_ = Order::kRandom;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
  bool plus_inf_ = false;
};
