// Tester of the f32-vscaleexpminusmax family (contract:
// microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h).
#pragma once

#include <cstddef>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "test/expminusmax-test-utils.h"
#include "test/ukernel-test-utils.h"

class VScaleExpMinusMaxMicrokernelTester {
 public:
  VScaleExpMinusMaxMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VScaleExpMinusMaxMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Multiplier of the logits (1 / temperature).
  VScaleExpMinusMaxMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Multiplier of the exp terms (1 / sum in softmax).
  VScaleExpMinusMaxMicrokernelTester& multiplier(float multiplier) {
    multiplier_ = multiplier;
    return *this;
  }
  float multiplier() const { return multiplier_; }

  // Output written over the input (output == input).
  VScaleExpMinusMaxMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits).
  VScaleExpMinusMaxMicrokernelTester& minus_inf_fraction(double fraction) {
    specials_.minus_inf_fraction = fraction;
    return *this;
  }

  // Every third z = scale * input - max in [-100, -80], around the +0 cutoff.
  VScaleExpMinusMaxMicrokernelTester& underflow(bool underflow) {
    specials_.underflow = underflow;
    return *this;
  }

  // Finite inputs drawn from U[lo, hi] (default U[90, 100]).
  VScaleExpMinusMaxMicrokernelTester& input_range(float lo, float hi) {
    specials_.lo = lo;
    specials_.hi = hi;
    return *this;
  }

  // One input replaced by NaN.
  VScaleExpMinusMaxMicrokernelTester& nan(bool nan) {
    specials_.nan = nan;
    return *this;
  }

  void Test(attnorm_f32_vscaleexpminusmax_ukernel_fn* vscaleexpminusmax,
            attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    using attnorm::expminusmax::CheckExpTerm;
    std::mt19937 rng(UINT32_C(0x5EED0002) + elements());
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      const float max = attnorm::expminusmax::FillRow(rng, input, scale(), specials_, iteration);
      attnorm::GuardedBuffer output(elements());
      if (inplace_) std::copy(input.begin(), input.end(), output.data());
      vscaleexpminusmax(elements() * sizeof(float), inplace_ ? output.data() : input.data(), output.data(),
                        max, multiplier(), &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements();
      for (size_t i = 0; i < elements(); i++) {
        ASSERT_TRUE(CheckExpTerm(output[i], input[i], scale(), max, multiplier()))
            << "at " << i << " of " << elements() << ", input " << input[i] << ", scale " << scale() << ", max "
            << max << ", multiplier " << multiplier();
      }
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  float multiplier_ = 0x1.5F8C2Ap-7f;  // ~0.0107, an arbitrary 1 / sum
  bool inplace_ = false;
  attnorm::expminusmax::Specials specials_;
};
