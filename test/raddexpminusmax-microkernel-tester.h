// Tester of the f32-raddexpminusmax family (contract:
// microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h).
#pragma once

#include <cstddef>
#include <cstring>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "test/expminusmax-test-utils.h"
#include "test/ukernel-test-utils.h"

class RAddExpMinusMaxMicrokernelTester {
 public:
  RAddExpMinusMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  RAddExpMinusMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Multiplier of the logits (1 / temperature).
  RAddExpMinusMaxMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Fraction of inputs replaced by -inf (masked logits).
  RAddExpMinusMaxMicrokernelTester& minus_inf_fraction(double fraction) {
    specials_.minus_inf_fraction = fraction;
    return *this;
  }

  // Every third z = scale * input - max in [-100, -80], around the +0 cutoff.
  RAddExpMinusMaxMicrokernelTester& underflow(bool underflow) {
    specials_.underflow = underflow;
    return *this;
  }

  // Finite inputs drawn from U[lo, hi] (default U[90, 100]).
  RAddExpMinusMaxMicrokernelTester& input_range(float lo, float hi) {
    specials_.lo = lo;
    specials_.hi = hi;
    return *this;
  }

  // One input replaced by NaN.
  RAddExpMinusMaxMicrokernelTester& nan(bool nan) {
    specials_.nan = nan;
    return *this;
  }

  void Test(attnorm_f32_raddexpminusmax_ukernel_fn* raddexpminusmax,
            attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    using attnorm::expminusmax::CheckSum;
    std::mt19937 rng(UINT32_C(0x5EED0002) + elements());
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      const float max = attnorm::expminusmax::FillRow(rng, input, scale(), specials_, iteration);
      double expected_sum = 0.0;
      for (size_t i = 0; i < elements(); i++) {
        expected_sum += attnorm::expminusmax::ReferenceExp(input[i], scale(), max);
      }

      // The input is const: the kernel must not write to it.
      const std::vector<float> input_copy(input);
      attnorm::GuardedBuffer sum(1);
      raddexpminusmax(elements() * sizeof(float), input.data(), sum.data(), max, &params);
      ASSERT_TRUE(sum.CanariesIntact()) << "wrote past sum, elements = " << elements();
      ASSERT_EQ(0, std::memcmp(input.data(), input_copy.data(), elements() * sizeof(float)))
          << "modified the input, elements = " << elements();
      ASSERT_TRUE(CheckSum(sum[0], expected_sum)) << "elements = " << elements() << ", scale " << scale();
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  attnorm::expminusmax::Specials specials_;
};
