// Tester of the f32-vscale family (contract: microkernels/f32-vscale/f32-vscale.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-vscale/f32-vscale.h"
#include "test/ukernel-test-utils.h"

class VScaleMicrokernelTester {
 public:
  VScaleMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VScaleMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Output written over the input (output == input).
  VScaleMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Plant IEEE special values: +-inf, NaN, +-0, denormals, and values whose
  // product with the multiplier overflows or underflows.
  VScaleMicrokernelTester& special_values(bool special_values) {
    special_values_ = special_values;
    return *this;
  }

  // The product must be bit-exact: one correctly rounded float multiply.
  void Test(attnorm_f32_vscale_ukernel_fn* vscale) const {
    std::mt19937 rng(UINT32_C(0x5EED0004) + elements());
    std::uniform_real_distribution<float> value(0.0f, 1.0f);
    std::uniform_real_distribution<float> multiplier_dist(1.0e-3f, 10.0f);
    const float specials[] = {
        std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
        std::numeric_limits<float>::quiet_NaN(), 0.0f, -0.0f, std::numeric_limits<float>::denorm_min(),
        0x1.FFFFFCp-127f, std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(),
        std::numeric_limits<float>::min()};
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      for (float& x : input) x = value(rng);
      if (special_values_) {
        for (size_t i = 0; i < elements(); i += 2) {
          input[i] = specials[(i / 2 + iteration) % (sizeof(specials) / sizeof(specials[0]))];
        }
      }
      const float multiplier = multiplier_dist(rng);
      std::vector<float> expected(elements());
      for (size_t i = 0; i < elements(); i++) expected[i] = input[i] * multiplier;

      attnorm::GuardedBuffer output(elements());
      if (inplace_) std::copy(input.begin(), input.end(), output.data());
      vscale(elements() * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), multiplier);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements();
      for (size_t i = 0; i < elements(); i++) {
        if (std::isnan(expected[i])) {
          ASSERT_TRUE(std::isnan(output[i])) << "at " << i << " of " << elements() << ": expected NaN, got "
                                             << output[i];
          continue;
        }
        uint32_t actual_bits, expected_bits;
        std::memcpy(&actual_bits, &output[i], sizeof(actual_bits));
        std::memcpy(&expected_bits, &expected[i], sizeof(expected_bits));
        ASSERT_EQ(actual_bits, expected_bits)
            << "at " << i << " of " << elements() << ": input " << input[i] << " * " << multiplier << " = "
            << expected[i] << ", got " << output[i];
      }
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  bool inplace_ = false;
  bool special_values_ = false;
};
