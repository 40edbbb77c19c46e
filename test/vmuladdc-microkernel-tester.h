// Tester of the f32-vmuladdc family (contract: microkernels/f32-vmuladdc/f32-vmuladdc.h).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "test/ukernel-test-utils.h"

class VMulAddCMicrokernelTester {
 public:
  VMulAddCMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VMulAddCMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  VMulAddCMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }

  // Every 7th input becomes -inf and every 11th NaN.
  VMulAddCMicrokernelTester& special_values(bool special_values) {
    special_values_ = special_values;
    return *this;
  }

  // Outputs must be bit-identical to fmaf(x, multiplier, addend).
  void Test(attnorm_f32_vmuladdc_ukernel_fn* vmuladdc, attnorm_init_f32_expminus_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x5EED0005) + elements_);
    std::uniform_real_distribution<float> value(-100.0f, 100.0f);
    std::uniform_real_distribution<float> multiplier_dist(0.01f, 10.0f);
    std::vector<float> input(elements_);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      for (size_t i = 0; i < elements_; i++) {
        input[i] = value(rng);
        if (special_values_ && i % 7 == 3) input[i] = -std::numeric_limits<float>::infinity();
        if (special_values_ && i % 11 == 5) input[i] = std::numeric_limits<float>::quiet_NaN();
      }
      const float multiplier = multiplier_dist(rng);
      const float addend = value(rng);
      union attnorm_f32_expminus_params params;
      init_params(&params, multiplier);
      attnorm::GuardedBuffer output(elements_);
      if (inplace_) std::memcpy(output.data(), input.data(), elements_ * sizeof(float));
      vmuladdc(elements_ * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), addend, &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements_;
      for (size_t i = 0; i < elements_; i++) {
        const float expected = std::fma(input[i], multiplier, addend);
        if (std::isnan(expected)) {
          ASSERT_TRUE(std::isnan(output[i])) << "i = " << i << ", elements = " << elements_;
        } else {
          ASSERT_EQ(output[i], expected) << "x = " << input[i] << ", i = " << i << ", elements = " << elements_;
        }
      }
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  bool inplace_ = false;
  bool special_values_ = false;
};
