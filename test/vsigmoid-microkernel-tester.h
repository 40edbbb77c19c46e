// Tester of the f32-vsigmoid family (contract: microkernels/f32-vsigmoid/f32-vsigmoid.h),
// against a long-double reference fed the same float x, scale and bias.
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

#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"
#include "test/ukernel-test-utils.h"

class VSigmoidMicrokernelTester {
 public:
  VSigmoidMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  VSigmoidMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }
  VSigmoidMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  // Every 7th input becomes -inf, every 11th NaN, every 13th +inf.
  VSigmoidMicrokernelTester& special_values(bool special_values) {
    special_values_ = special_values;
    return *this;
  }
  // Inputs U[-range, range] (scale and bias vary per iteration).
  VSigmoidMicrokernelTester& range(float range) {
    range_ = range;
    return *this;
  }

  // The contract's bound: relative 1e-6 + |z| * 2^-24 where the reference is
  // >= FLT_MIN; below, within FLT_MIN and never negative.
  static double Tolerance(float z) { return 1.0e-6 + std::abs(double(z)) * 0x1.0p-24; }

  void Test(attnorm_f32_vsigmoid_ukernel_fn* vsigmoid, attnorm_init_f32_sigmoid_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x516D0000) + elements_);
    std::uniform_real_distribution<float> value(-range_, range_);
    std::uniform_real_distribution<float> scale_dist(0.05f, 4.0f);
    std::uniform_real_distribution<float> bias_dist(-10.0f, 10.0f);
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      for (size_t i = 0; i < elements_; i++) {
        input[i] = value(rng);
        if (special_values_ && i % 7 == 3) input[i] = -std::numeric_limits<float>::infinity();
        if (special_values_ && i % 11 == 5) input[i] = std::numeric_limits<float>::quiet_NaN();
        if (special_values_ && i % 13 == 6) input[i] = std::numeric_limits<float>::infinity();
      }
      const float scale = iteration == 0 ? 1.0f : scale_dist(rng);
      const float bias = iteration == 0 ? 0.0f : (iteration == 1 ? -7.6246189f : bias_dist(rng));
      union attnorm_f32_sigmoid_params params;
      init_params(&params, scale, bias);
      attnorm::GuardedBuffer output(elements_);
      if (inplace_) std::memcpy(output.data(), input.data(), elements_ * sizeof(float));
      vsigmoid(elements_ * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements_;
      for (size_t i = 0; i < elements_; i++) {
        const float x = input[i];
        if (std::isnan(x)) {
          ASSERT_TRUE(std::isnan(output[i])) << "i = " << i << ", elements = " << elements_;
          continue;
        }
        if (std::isinf(x)) {
          ASSERT_EQ(output[i], x < 0 ? 0.0f : 1.0f) << "x = " << x << ", i = " << i;
          ASSERT_FALSE(std::signbit(output[i]));
          continue;
        }
        const long double z = static_cast<long double>(x) * scale + bias;
        const long double expected = 1.0L / (1.0L + std::exp(-z));
        const float zf = std::fma(x, scale, bias);
        CheckOne(output[i], expected, zf, x, scale, bias);
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }

  void CheckOne(float y, long double expected, float zf, float x, float scale, float bias) const {
    if (expected < FLT_MIN) {
      ASSERT_GE(y, 0.0f) << "x = " << x << ", scale " << scale << ", bias " << bias;
      ASSERT_LE(std::abs(double(y) - double(expected)), double(FLT_MIN))
          << "x = " << x << ", scale " << scale << ", bias " << bias << ", expected " << double(expected) << ", got "
          << y;
      return;
    }
    const double error = double(std::abs((static_cast<long double>(y) - expected) / expected));
    max_error_ = std::max(max_error_, error);
    // Beyond the rounding of z: against the sigmoid of the float z itself, 1e-6.
    const long double expected_of_zf = 1.0L / (1.0L + std::exp(-static_cast<long double>(zf)));
    if (expected_of_zf >= FLT_MIN) {
      const double core_error = double(std::abs((static_cast<long double>(y) - expected_of_zf) / expected_of_zf));
      max_core_error_ = std::max(max_core_error_, core_error);
      ASSERT_LE(core_error, 1.0e-6) << "x = " << x << ", z " << zf << ", sigmoid(z) " << double(expected_of_zf)
                                    << ", got " << y;
    }
    ASSERT_LE(error, Tolerance(zf)) << "x = " << x << ", scale " << scale << ", bias " << bias << ", z " << zf
                                    << ", expected " << double(expected) << ", got " << y
                                    << ", elements = " << elements_;
  }

  double max_error() const { return max_error_; }
  double max_core_error() const { return max_core_error_; }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 6;
  bool inplace_ = false;
  bool special_values_ = false;
  float range_ = 12.0f;
  mutable double max_error_ = 0.0;
  mutable double max_core_error_ = 0.0;
};
