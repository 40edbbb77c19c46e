// Tester of the f32-raddstoreexpminusmax family (contract:
// microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h).
#pragma once

#include <cstddef>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"
#include "test/expminusmax-test-utils.h"
#include "test/ukernel-test-utils.h"

class RAddStoreExpMinusMaxMicrokernelTester {
 public:
  RAddStoreExpMinusMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  RAddStoreExpMinusMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Multiplier of the logits (1 / temperature).
  RAddStoreExpMinusMaxMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Output written over the input (output == input).
  RAddStoreExpMinusMaxMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits).
  RAddStoreExpMinusMaxMicrokernelTester& minus_inf_fraction(double fraction) {
    specials_.minus_inf_fraction = fraction;
    return *this;
  }

  // Every third z = scale * input - max in [-100, -80], around the +0 cutoff.
  RAddStoreExpMinusMaxMicrokernelTester& underflow(bool underflow) {
    specials_.underflow = underflow;
    return *this;
  }

  // Finite inputs drawn from U[lo, hi] (default U[90, 100]).
  RAddStoreExpMinusMaxMicrokernelTester& input_range(float lo, float hi) {
    specials_.lo = lo;
    specials_.hi = hi;
    return *this;
  }

  // One input replaced by NaN.
  RAddStoreExpMinusMaxMicrokernelTester& nan(bool nan) {
    specials_.nan = nan;
    return *this;
  }

  void Test(attnorm_f32_raddstoreexpminusmax_ukernel_fn* raddstoreexpminusmax,
            attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    using attnorm::expminusmax::CheckExpTerm;
    using attnorm::expminusmax::CheckSum;
    std::mt19937 rng(UINT32_C(0x5EED0002) + elements());
    std::vector<float> input(elements());
    std::vector<double> expected(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      const float max = attnorm::expminusmax::FillRow(rng, input, scale(), specials_, iteration);
      double expected_sum = 0.0;
      for (size_t i = 0; i < elements(); i++) {
        expected[i] = attnorm::expminusmax::ReferenceExp(input[i], scale(), max);
        expected_sum += expected[i];
      }

      attnorm::GuardedBuffer output(elements());
      if (inplace_) std::copy(input.begin(), input.end(), output.data());
      attnorm::GuardedBuffer sum(1);
      raddstoreexpminusmax(elements() * sizeof(float), inplace_ ? output.data() : input.data(), &max, output.data(),
                           sum.data(), &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements();
      ASSERT_TRUE(sum.CanariesIntact()) << "wrote past sum, elements = " << elements();
      for (size_t i = 0; i < elements(); i++) {
        ASSERT_TRUE(CheckExpTerm(output[i], input[i], scale(), max))
            << "at " << i << " of " << elements() << ", input " << input[i] << ", scale " << scale() << ", max "
            << max;
      }
      ASSERT_TRUE(CheckSum(sum[0], expected_sum)) << "elements = " << elements() << ", scale " << scale();
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  bool inplace_ = false;
  attnorm::expminusmax::Specials specials_;
};
