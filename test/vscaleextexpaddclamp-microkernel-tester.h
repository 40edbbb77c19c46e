// Tester of the f32-vscaleextexpaddclamp family
// (contract: microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h).
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"
#include "test/ukernel-test-utils.h"

class VScaleExtExpAddClampMicrokernelTester {
 public:
  // Largest error seen per input distribution, in units of the contract's bound
  // (1e-6 * e + 2^-24 * |e + gamma|), for the summary the test binary prints at exit.
  static std::map<std::string, double>& MaxErrors() {
    static std::map<std::string, double> errors;
    return errors;
  }

  VScaleExtExpAddClampMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VScaleExtExpAddClampMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Clipped softmax's parameters: zeta >= 1, gamma <= 0.
  VScaleExtExpAddClampMicrokernelTester& zeta_gamma(float zeta, float gamma) {
    zeta_ = zeta;
    gamma_ = gamma;
    return *this;
  }

  VScaleExtExpAddClampMicrokernelTester& input_range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  VScaleExtExpAddClampMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits); at least one input stays finite.
  VScaleExtExpAddClampMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // Replaces one input by NaN.
  VScaleExtExpAddClampMicrokernelTester& nan(bool nan) {
    nan_ = nan;
    return *this;
  }

  // The kernel is the Two-Pass output pass of clipped softmax: multiplier_value * 2^multiplier_exp
  // = (zeta - gamma) / sum from a long-double reference sum, addend = gamma, so each output is
  // clamp((zeta - gamma) * p + gamma, 0, 1), p = softmax(scale * input).
  void Test(attnorm_f32_vscaleextexpaddclamp_ukernel_fn* kernel, attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    std::mt19937 rng(UINT32_C(0x5EED0207) + elements());
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<size_t> position(0, elements() - 1);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    double& max_error = MaxErrors()[Label()];
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      for (float& x : input) x = coin(rng) < minus_inf_fraction_ ? minus_inf : value(rng);
      if (std::all_of(input.begin(), input.end(), [&](float x) { return x == minus_inf; })) {
        input[position(rng)] = value(rng);
      }
      if (nan_) input[iteration % 2 == 0 ? 0 : position(rng)] = std::numeric_limits<float>::quiet_NaN();

      long double m = -INFINITY;
      for (float x : input) {
        if (!std::isnan(x)) m = std::max(m, (long double) x * scale());
      }
      long double s = 0.0L;
      for (float x : input) {
        if (!std::isnan(x)) s += std::exp((long double) x * scale() - m);
      }
      float multiplier_value = 1.0f;
      float multiplier_exp = 0.0f;
      if (m != -INFINITY) {
        // (zeta - gamma) / (s * e^m) = v * 2^e, v in [0.5, 1).
        const long double log2_multiplier =
            std::log2((long double) zeta_ - (long double) gamma_) - m / std::log(2.0L) - std::log2(s);
        const long double e = std::floor(log2_multiplier) + 1.0L;
        multiplier_value = float(std::exp2(log2_multiplier - e));
        multiplier_exp = float(e);
      }

      attnorm::GuardedBuffer output(elements());
      const float* kernel_input = input.data();
      if (inplace_) {
        std::copy(input.begin(), input.end(), output.data());
        kernel_input = output.data();
      }
      kernel(elements() * sizeof(float), kernel_input, output.data(), multiplier_value, multiplier_exp, gamma_, &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past the output, elements = " << elements();

      for (size_t i = 0; i < elements(); i++) {
        const float x = input[i];
        if (std::isnan(x)) {
          ASSERT_TRUE(std::isnan(output[i])) << "NaN input at " << i << " gave " << output[i];
          continue;
        }
        if (x == minus_inf) {
          const float expected = std::min(std::max(gamma_, 0.0f), 1.0f);
          ASSERT_EQ(output[i], expected) << "-inf input at " << i << " of " << elements();
          continue;
        }
        ASSERT_TRUE(output[i] >= 0.0f && output[i] <= 1.0f) << "output " << output[i] << " outside [0, 1]";
        // e = exp(z) * multiplier, exponents added before exp(); the reference before the clamp.
        const long double z = (long double) x * scale();
        const long double e = std::exp(z + (long double) multiplier_exp * std::log(2.0L)) * multiplier_value;
        const long double pre = e + gamma_;
        const long double expected = std::min(std::max(pre, 0.0L), 1.0L);
        const long double bound = 1.0e-6L * e + 0x1.0p-24L * std::abs(pre) + (long double) FLT_MIN;
        const long double error = std::abs((long double) output[i] - expected);
        max_error = std::max(max_error, double(error / bound));
        ASSERT_LE(error, bound) << "x[" << i << "] = " << x << " of " << elements() << ", scale " << scale()
                                << ", zeta " << zeta_ << ", gamma " << gamma_ << ": output " << output[i]
                                << ", reference " << double(expected);
      }
    }
  }

 private:
  std::string Label() const {
    char buffer[128];
    std::snprintf(buffer, sizeof(buffer), "U[%g,%g] scale %g zeta %g gamma %g%s", lo_, hi_, scale_, zeta_, gamma_,
                  minus_inf_fraction_ > 0.0 ? " with -inf" : "");
    return buffer;
  }

  size_t elements_ = 1;
  size_t iterations_ = 10;
  float scale_ = 1.0f;
  float zeta_ = 1.0f;
  float gamma_ = -0.03f;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  bool inplace_ = false;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
};
