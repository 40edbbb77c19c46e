// Tester of the short-row StableMax kernel families f32-stablemax and f32-logstablemax
// (contracts in their headers), against a long-double reference fed the same float x and
// scale: s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x exact in long double.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-logstablemax/f32-logstablemax.h"
#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "test/ukernel-test-utils.h"

class ShortStableMaxMicrokernelTester {
 public:
  ShortStableMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  ShortStableMaxMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }
  ShortStableMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  // Inputs U[-range, range]; the scale varies per iteration.
  ShortStableMaxMicrokernelTester& range(float range) {
    range_ = range;
    return *this;
  }
  // Fraction of inputs replaced by -inf (masked).
  ShortStableMaxMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }
  // One input (at a random position) becomes this value (NaN or +inf): the kernel must return
  // false and write nothing.
  ShortStableMaxMicrokernelTester& poison(float value) {
    poison_ = true;
    poison_value_ = value;
    return *this;
  }

  static long double S(float x, float scale) {
    const long double z = static_cast<long double>(x) * scale;
    return z >= 0 ? z + 1.0L : 1.0L / (1.0L - z);
  }
  static long double LogS(float x, float scale) {
    const long double z = static_cast<long double>(x) * scale;
    return z >= 0 ? std::log1p(z) : -std::log1p(-z);
  }

  void Test(attnorm_f32_stablemax_ukernel_fn* ukernel, attnorm_init_f32_stablemax_params_fn* init_params,
            bool log) const {
    std::mt19937 rng(UINT32_C(0x57AB5000) + elements_ * 7 + (log ? 1 : 0));
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      const float scale = MakeInput(rng, iteration, input);
      union attnorm_f32_stablemax_params params;
      init_params(&params, scale);
      attnorm::GuardedBuffer output(elements_);
      const float kSentinel = 12345.0f;
      if (inplace_) {
        std::memcpy(output.data(), input.data(), elements_ * sizeof(float));
      } else {
        std::fill(output.data(), output.data() + elements_, kSentinel);
      }
      const bool written = ukernel(elements_ * sizeof(float), inplace_ ? output.data() : input.data(), output.data(),
                                   &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements_;

      bool special = false;
      long double sum = 0.0L;
      for (float x : input) {
        special |= std::isnan(x) || x == std::numeric_limits<float>::infinity();
        if (std::isfinite(x)) sum += S(x, scale);
      }
      if (special || sum == 0.0L) {
        ASSERT_FALSE(written) << "NaN, +inf or all -inf row accepted, elements = " << elements_;
      } else if (sum >= 0x1.0p-59L && sum <= 0x1.0p+126L) {
        ASSERT_TRUE(written) << "ordinary row refused, sum " << double(sum) << ", elements = " << elements_;
      }
      if (!written) {
        for (size_t i = 0; i < elements_; i++) {
          if (inplace_) {
            ASSERT_EQ(std::memcmp(&output[i], &input[i], sizeof(float)), 0) << "refused row written, i = " << i;
          } else {
            ASSERT_EQ(output[i], kSentinel) << "refused row written, i = " << i;
          }
        }
        continue;
      }
      const long double log_sum = std::log(sum);
      for (size_t i = 0; i < elements_; i++) {
        const float x = input[i];
        const float y = output[i];
        if (x == -std::numeric_limits<float>::infinity()) {
          if (log) {
            ASSERT_EQ(y, -std::numeric_limits<float>::infinity()) << "i = " << i;
          } else {
            ASSERT_EQ(y, 0.0f) << "i = " << i;
            ASSERT_FALSE(std::signbit(y)) << "i = " << i;
          }
          continue;
        }
        if (log) {
          const long double log_s = LogS(x, scale);
          const long double expected = log_s - log_sum;
          const double error = double(std::abs(static_cast<long double>(y) - expected));
          const double magnitude = std::max(1.0, std::abs(double(expected)));
          max_error_ = std::max(max_error_, error / magnitude);
          ASSERT_LE(error, 1.0e-6 * magnitude + 0x1.0p-24 * std::abs(double(log_s)))
              << "x = " << x << ", scale " << scale << ", expected " << double(expected) << ", got " << y
              << ", i = " << i << ", elements = " << elements_;
        } else {
          const long double expected = S(x, scale) / sum;
          if (expected < FLT_MIN) {
            ASSERT_GE(y, 0.0f);
            ASSERT_LE(std::abs(double(y) - double(expected)), double(FLT_MIN)) << "x = " << x;
            continue;
          }
          const double error = double(std::abs((static_cast<long double>(y) - expected) / expected));
          max_error_ = std::max(max_error_, error);
          ASSERT_LE(error, 1.0e-6) << "x = " << x << ", scale " << scale << ", expected " << double(expected)
                                   << ", got " << y << ", i = " << i << ", elements = " << elements_;
        }
      }
    }
  }

  double max_error() const { return max_error_; }

 private:
  // Fills the input; returns the scale of this iteration.
  float MakeInput(std::mt19937& rng, size_t iteration, std::vector<float>& input) const {
    static const float kScales[] = {1.0f, 0.125f, 3.7f, 0.0883883f, 1.0e-3f, 50.0f};
    const float scale = kScales[iteration % (sizeof(kScales) / sizeof(kScales[0]))];
    std::uniform_real_distribution<float> value(-range_, range_);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (size_t i = 0; i < input.size(); i++) {
      input[i] = value(rng);
      if (unit(rng) < minus_inf_fraction_) input[i] = -std::numeric_limits<float>::infinity();
    }
    if (poison_) input[rng() % input.size()] = poison_value_;
    return scale;
  }

  size_t elements_ = 1;
  size_t iterations_ = 6;
  bool inplace_ = false;
  float range_ = 10.0f;
  double minus_inf_fraction_ = 0.0;
  bool poison_ = false;
  float poison_value_ = 0.0f;
  mutable double max_error_ = 0.0;
};
