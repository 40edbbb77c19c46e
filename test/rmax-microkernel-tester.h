// Tester of the f32-rmax family (contract: microkernels/f32-rmax/f32-rmax.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-rmax/f32-rmax.h"
#include "test/ukernel-test-utils.h"

class RMaxMicrokernelTester {
 public:
  RMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  RMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Fraction of inputs replaced by -inf (masked logits).
  RMaxMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // The maximum must be exact: it is a selection, not an arithmetic result.
  void Test(attnorm_f32_rmax_ukernel_fn* rmax, attnorm_init_f32_default_params_fn* init_params) const {
    union attnorm_f32_default_params params;
    init_params(&params);
    std::mt19937 rng(UINT32_C(0x5EED0001) + elements());
    std::uniform_real_distribution<float> value(-100.0f, 100.0f);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      for (float& x : input) {
        x = coin(rng) < minus_inf_fraction_ ? -std::numeric_limits<float>::infinity() : value(rng);
      }
      // The maximum anywhere, including the first and last element.
      if (iteration % 3 == 1) input.front() = 1000.0f;
      if (iteration % 3 == 2) input.back() = 1000.0f;
      const float expected = *std::max_element(input.begin(), input.end());

      attnorm::GuardedBuffer output(1);
      rmax(elements() * sizeof(float), input.data(), output.data(), &params);
      ASSERT_EQ(output[0], expected) << "elements = " << elements();
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements();
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  double minus_inf_fraction_ = 0.0;
};
