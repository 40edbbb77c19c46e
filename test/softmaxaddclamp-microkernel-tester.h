// Tester of the f32-softmaxaddclamp family
// (contract: microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h).
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "test/ukernel-test-utils.h"

class SoftmaxAddClampMicrokernelTester {
 public:
  static double& MaxErrorOverBound() {
    static double e = 0.0;
    return e;
  }

  SoftmaxAddClampMicrokernelTester& elements(size_t v) { elements_ = v; return *this; }
  size_t elements() const { return elements_; }
  SoftmaxAddClampMicrokernelTester& scale(float v) { scale_ = v; return *this; }
  SoftmaxAddClampMicrokernelTester& zeta_gamma(float zeta, float gamma) { zeta_ = zeta; gamma_ = gamma; return *this; }
  SoftmaxAddClampMicrokernelTester& input_range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  SoftmaxAddClampMicrokernelTester& inplace(bool v) { inplace_ = v; return *this; }
  SoftmaxAddClampMicrokernelTester& minus_inf_fraction(double v) { minus_inf_fraction_ = v; return *this; }
  SoftmaxAddClampMicrokernelTester& nan(bool v) { nan_ = v; return *this; }
  // Every logit -inf; or logits of -1e9 (the exact path) with one finite.
  SoftmaxAddClampMicrokernelTester& all_minus_inf(bool v) { all_minus_inf_ = v; return *this; }
  SoftmaxAddClampMicrokernelTester& huge_negative(bool v) { huge_negative_ = v; return *this; }

  void Test(attnorm_f32_softmaxaddclamp_ukernel_fn* kernel, attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale_);
    std::mt19937 rng(UINT32_C(0x5EED0409) + elements());
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<size_t> position(0, elements() - 1);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    const float amplitude = float((double) zeta_ - (double) gamma_);
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < 10; iteration++) {
      for (float& x : input) x = coin(rng) < minus_inf_fraction_ ? minus_inf : value(rng);
      if (huge_negative_) {
        for (float& x : input) x = -1.0e9f;
        input[position(rng)] = value(rng);
      }
      if (all_minus_inf_) std::fill(input.begin(), input.end(), minus_inf);
      if (!all_minus_inf_ && std::all_of(input.begin(), input.end(), [&](float x) { return x == minus_inf; })) {
        input[position(rng)] = value(rng);
      }
      if (nan_) input[iteration % 2 == 0 ? 0 : position(rng)] = std::numeric_limits<float>::quiet_NaN();

      attnorm::GuardedBuffer output(elements());
      const float* kernel_input = input.data();
      if (inplace_) {
        std::copy(input.begin(), input.end(), output.data());
        kernel_input = output.data();
      }
      kernel(elements() * sizeof(float), kernel_input, output.data(), amplitude, gamma_, &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past the output, elements = " << elements();

      bool has_nan = false;
      long double m = -INFINITY;
      for (float x : input) {
        has_nan |= std::isnan(x);
        if (!std::isnan(x)) m = std::max(m, (long double) x * scale_);
      }
      if (has_nan) {
        for (size_t i = 0; i < elements(); i++) ASSERT_TRUE(std::isnan(output[i])) << "NaN row, element " << i;
        continue;
      }
      if (m == -INFINITY) {
        for (size_t i = 0; i < elements(); i++) ASSERT_EQ(output[i], 0.0f) << "fully masked row, element " << i;
        continue;
      }
      long double s = 0.0L;
      for (float x : input) s += std::exp((long double) x * scale_ - m);
      for (size_t i = 0; i < elements(); i++) {
        if (input[i] == minus_inf) {
          ASSERT_EQ(output[i], 0.0f) << "-inf at " << i;
          continue;
        }
        const long double p = std::exp((long double) input[i] * scale_ - m) / s;
        const long double pre = ((long double) zeta_ - gamma_) * p + gamma_;
        const long double expected = std::min(std::max(pre, 0.0L), 1.0L);
        long double bound = 1.0e-6L * ((long double) zeta_ - gamma_) * p + 0x1.0p-24L * std::abs((long double) gamma_);
        if (p < FLT_MIN) bound += ((long double) zeta_ - gamma_) * FLT_MIN;
        const long double error = std::abs((long double) output[i] - expected);
        MaxErrorOverBound() = std::max(MaxErrorOverBound(), double(error / bound));
        ASSERT_LE(error, bound) << "x[" << i << "] = " << input[i] << " of " << elements() << ", p = " << double(p)
                                << ", zeta " << zeta_ << ", gamma " << gamma_ << ": got " << output[i]
                                << ", expected " << double(expected);
      }
    }
  }

 private:
  size_t elements_ = 1;
  float scale_ = 1.0f;
  float zeta_ = 1.0f;
  float gamma_ = -0.03f;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  bool inplace_ = false;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
  bool all_minus_inf_ = false;
  bool huge_negative_ = false;
};
