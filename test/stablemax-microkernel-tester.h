// Tester of the StableMax kernel families f32-rsumstablemax, f32-vstablemax and
// f32-vlogstablemax (contracts in their headers), against a long-double
// reference fed the same float x and scale: s(z) = z + 1 for z >= 0,
// 1 / (1 - z) for z < 0, z = scale * x exact in long double.
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

#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"
#include "microkernels/f32-vstablemax/f32-vstablemax.h"
#include "test/ukernel-test-utils.h"

class StableMaxMicrokernelTester {
 public:
  StableMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  StableMaxMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }
  StableMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  // Every 7th input becomes -inf, every 11th NaN, every 13th +inf.
  StableMaxMicrokernelTester& special_values(bool special_values) {
    special_values_ = special_values;
    return *this;
  }
  // Every input -inf.
  StableMaxMicrokernelTester& all_masked(bool all_masked) {
    all_masked_ = all_masked;
    return *this;
  }
  // Inputs U[-range, range]; the scale varies per iteration.
  StableMaxMicrokernelTester& range(float range) {
    range_ = range;
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

  // f32-rsumstablemax: relative 1e-6 on a block of at most ATTNORM_SUM_BLOCK elements.
  void Test(attnorm_f32_rsumstablemax_ukernel_fn* rsum, attnorm_init_f32_stablemax_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x57AB0000) + elements_);
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      const float scale = MakeInput(rng, iteration, input);
      union attnorm_f32_stablemax_params params;
      init_params(&params, scale);
      float sum = -1.0f;
      rsum(elements_ * sizeof(float), input.data(), &sum, &params);
      bool has_nan = false, has_inf = false;
      long double expected = 0.0L;
      for (float x : input) {
        has_nan |= std::isnan(x);
        has_inf |= x == std::numeric_limits<float>::infinity();
        if (!std::isnan(x) && !std::isinf(x)) expected += S(x, scale);
      }
      if (has_nan) {
        ASSERT_TRUE(std::isnan(sum)) << "a NaN input, elements = " << elements_;
      } else if (has_inf) {
        ASSERT_EQ(sum, std::numeric_limits<float>::infinity()) << "a +inf input, elements = " << elements_;
      } else if (expected == 0.0L) {
        ASSERT_EQ(sum, 0.0f) << "every input -inf, elements = " << elements_;
      } else {
        const double error = double(std::abs((static_cast<long double>(sum) - expected) / expected));
        max_error_ = std::max(max_error_, error);
        ASSERT_LE(error, 1.0e-6) << "scale " << scale << ", expected " << double(expected) << ", got " << sum
                                 << ", elements = " << elements_;
      }
    }
  }

  // f32-vstablemax: relative 4 * 2^-24 for outputs >= FLT_MIN.
  void Test(attnorm_f32_vstablemax_ukernel_fn* vstablemax, attnorm_init_f32_stablemax_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x57AB1000) + elements_);
    std::uniform_real_distribution<float> multiplier_dist(1.0e-4f, 1.0f);
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      const float scale = MakeInput(rng, iteration, input);
      const float multiplier = iteration == 0 ? 1.0f : multiplier_dist(rng);
      union attnorm_f32_stablemax_params params;
      init_params(&params, scale);
      attnorm::GuardedBuffer output(elements_);
      if (inplace_) std::memcpy(output.data(), input.data(), elements_ * sizeof(float));
      vstablemax(elements_ * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), multiplier,
                 &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements_;
      for (size_t i = 0; i < elements_; i++) {
        const float x = input[i];
        const float y = output[i];
        if (std::isnan(x)) {
          ASSERT_TRUE(std::isnan(y)) << "i = " << i;
        } else if (std::isinf(x)) {
          ASSERT_EQ(y, x < 0 ? 0.0f : std::numeric_limits<float>::infinity()) << "x = " << x << ", i = " << i;
          ASSERT_FALSE(std::signbit(y));
        } else {
          const long double expected = S(x, scale) * multiplier;
          if (expected < FLT_MIN) {
            ASSERT_GE(y, 0.0f);
            ASSERT_LE(std::abs(double(y) - double(expected)), double(FLT_MIN)) << "x = " << x;
            continue;
          }
          const double error = double(std::abs((static_cast<long double>(y) - expected) / expected));
          max_error_ = std::max(max_error_, error);
          ASSERT_LE(error, 4.0 * 0x1.0p-24) << "x = " << x << ", scale " << scale << ", multiplier " << multiplier
                                            << ", expected " << double(expected) << ", got " << y << ", i = " << i
                                            << ", elements = " << elements_;
        }
      }
    }
  }

  // f32-vlogstablemax: |error| <= 1e-6 * max(1, |y|) + 2^-24 * |log s|.
  void Test(attnorm_f32_vlogstablemax_ukernel_fn* vlog, attnorm_init_f32_stablemax_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x57AB2000) + elements_);
    std::uniform_real_distribution<double> log_sum_dist(-5.0, 40.0);
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      const float scale = MakeInput(rng, iteration, input);
      // addend = -log(sum), split into hi + lo as the operator does.
      const double addend = iteration == 0 ? 0.0 : -log_sum_dist(rng);
      const float addend_hi = static_cast<float>(addend);
      const float addend_lo = static_cast<float>(addend - double(addend_hi));
      union attnorm_f32_stablemax_params params;
      init_params(&params, scale);
      attnorm::GuardedBuffer output(elements_);
      if (inplace_) std::memcpy(output.data(), input.data(), elements_ * sizeof(float));
      vlog(elements_ * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), addend_hi, addend_lo,
           &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements_;
      for (size_t i = 0; i < elements_; i++) {
        const float x = input[i];
        const float y = output[i];
        if (std::isnan(x)) {
          ASSERT_TRUE(std::isnan(y)) << "i = " << i;
        } else if (std::isinf(x)) {
          ASSERT_EQ(y, x) << "x = " << x << ", i = " << i;
        } else {
          const long double log_s = LogS(x, scale);
          const long double expected = log_s + static_cast<long double>(addend_hi) + addend_lo;
          const double error = double(std::abs(static_cast<long double>(y) - expected));
          const double bound = 1.0e-6 * std::max(1.0, std::abs(double(expected)));
          max_error_ = std::max(max_error_, error / std::max(1.0, std::abs(double(expected))));
          ASSERT_LE(error, bound + 0x1.0p-24 * std::abs(double(log_s)))
              << "x = " << x << ", scale " << scale << ", addend " << addend << ", expected " << double(expected)
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
    for (size_t i = 0; i < input.size(); i++) {
      input[i] = value(rng);
      if (special_values_ && i % 7 == 3) input[i] = -std::numeric_limits<float>::infinity();
      if (special_values_ && i % 11 == 5) input[i] = std::numeric_limits<float>::quiet_NaN();
      if (special_values_ && i % 13 == 6) input[i] = std::numeric_limits<float>::infinity();
      if (all_masked_) input[i] = -std::numeric_limits<float>::infinity();
    }
    return scale;
  }

  size_t elements_ = 1;
  size_t iterations_ = 6;
  bool inplace_ = false;
  bool special_values_ = false;
  bool all_masked_ = false;
  float range_ = 10.0f;
  mutable double max_error_ = 0.0;
};
