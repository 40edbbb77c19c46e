// Tester of the f32-vscaleextexp family (contract: microkernels/f32-vscaleextexp/f32-vscaleextexp.h).
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

#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"
#include "test/ukernel-test-utils.h"

class VScaleExtExpMicrokernelTester {
 public:
  // Largest relative error seen per input distribution (label), over outputs >= FLT_MIN, for
  // the summary the test binary prints at exit.
  static std::map<std::string, double>& MaxErrors() {
    static std::map<std::string, double> errors;
    return errors;
  }

  VScaleExtExpMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VScaleExtExpMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  VScaleExtExpMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Inputs are drawn from U[lo, hi]; the default U[90, 100] is XNNPACK's.
  VScaleExtExpMicrokernelTester& input_range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  // Output written over the input (output == input).
  VScaleExtExpMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits); at least one input stays finite.
  VScaleExtExpMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // Replaces one input (first, last or a middle one, by iteration) by NaN.
  VScaleExtExpMicrokernelTester& nan(bool nan) {
    nan_ = nan;
    return *this;
  }

  // The contract's bound on the relative error of an output with z = scale * x: 1e-6 while
  // n * ln2_hi is exact (|z| <= 2^14, with margin), beyond that 1e-6 + 1.1 * |z| * 2^-24 (the
  // rounding of n * ln2_hi; 1.1 covers exp's curvature).
  static double Tolerance(double abs_z) {
    return abs_z <= 0x1.0p+14 ? 1.0e-6 : 1.0e-6 + 1.1 * abs_z * 0x1.0p-24;
  }

  // The kernel is pass 2 of the softmax: multiplier_value * 2^multiplier_exp = 1 / sum, with
  // (value, exponent) taken from a double-precision reference of the sum (not from
  // f32-raddextexp), so each output is the softmax of scale * input.
  void Test(attnorm_f32_vscaleextexp_ukernel_fn* vscaleextexp, attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    std::mt19937 rng(UINT32_C(0x5EED0003) + elements());
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<size_t> position(0, elements() - 1);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    const std::string label = Label();
    double& max_error = MaxErrors()[label];
    std::vector<float> input(elements());
    for (size_t iteration = 0; iteration < iterations(); iteration++) {
      for (float& x : input) {
        x = coin(rng) < minus_inf_fraction_ ? minus_inf : value(rng);
      }
      if (std::all_of(input.begin(), input.end(), [&](float x) { return x == minus_inf; })) {
        input[position(rng)] = value(rng);
      }
      const size_t nan_index = iteration % 3 == 0 ? 0 : iteration % 3 == 1 ? elements() - 1 : position(rng);
      if (nan_) {
        input[nan_index] = std::numeric_limits<float>::quiet_NaN();
      }

      // Reference sum of exp(scale * x) over the non-NaN inputs, as log2(sum) in double
      // (log-sum-exp), then split into v * 2^e with e = floor(log2(sum)) and v in [1, 2).
      double m = -std::numeric_limits<double>::infinity();
      for (float x : input) {
        if (!std::isnan(x)) m = std::max(m, double(x) * double(scale()));
      }
      double s = 0.0;
      for (float x : input) {
        if (!std::isnan(x)) s += std::exp(double(x) * double(scale()) - m);
      }
      float multiplier_value = 1.0f;
      float multiplier_exp = 0.0f;
      if (m != -std::numeric_limits<double>::infinity()) {  // else the NaN replaced the only finite input
        const double log2_sum = m / M_LN2 + std::log2(s);
        const double e = std::floor(log2_sum);
        const double v = std::exp2(log2_sum - e);
        multiplier_value = float(1.0 / v);
        multiplier_exp = float(-e);
      }

      attnorm::GuardedBuffer output(elements());
      const float* kernel_input = input.data();
      if (inplace_) {
        std::copy(input.begin(), input.end(), output.data());
        kernel_input = output.data();
      }
      const std::vector<float> input_copy(input);
      vscaleextexp(elements() * sizeof(float), kernel_input, output.data(), multiplier_value, multiplier_exp, &params);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past the output, elements = " << elements();
      if (!inplace_) {
        ASSERT_EQ(0, std::memcmp(input.data(), input_copy.data(), input.size() * sizeof(float))) << "input modified";
      }

      for (size_t i = 0; i < elements(); i++) {
        const float x = input[i];
        if (std::isnan(x)) {
          ASSERT_TRUE(std::isnan(output[i])) << "NaN input at " << i << " of " << elements() << " gave " << output[i];
          continue;
        }
        if (x == minus_inf) {
          // Exactly +0.
          ASSERT_TRUE(output[i] == 0.0f && !std::signbit(output[i]))
              << "-inf input at " << i << " of " << elements() << " gave " << output[i];
          continue;
        }
        // exp(z) * multiplier_value * 2^multiplier_exp, with the exponents added before exp().
        const double z = double(x) * double(scale());
        const double reference = std::exp(z + double(multiplier_exp) * M_LN2) * double(multiplier_value);
        const double tolerance = Tolerance(std::abs(z));
        if (reference < double(FLT_MIN)) {
          // Below FLT_MIN the output may be flushed to zero (or be a denormal); a reference just
          // below FLT_MIN may also round up to it.
          ASSERT_TRUE((output[i] >= 0.0f && output[i] < FLT_MIN) || attnorm::RelativeError(output[i], reference) <= tolerance)
              << "x[" << i << "] = " << x << ": output " << output[i] << ", reference " << reference;
          continue;
        }
        const double error = attnorm::RelativeError(output[i], reference);
        max_error = std::max(max_error, error);
        ASSERT_LE(error, tolerance) << "x[" << i << "] = " << x << " of " << elements() << ", scale = " << scale()
                                 << ", inputs " << label << ": output " << output[i] << ", reference " << reference;
      }
    }
  }

 private:
  std::string Label() const {
    char buffer[96];
    std::snprintf(buffer, sizeof(buffer), "U[%g,%g] scale %g%s", lo_, hi_, scale_,
                  minus_inf_fraction_ > 0.0 ? " with -inf" : "");
    return buffer;
  }

  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  float lo_ = 90.0f;
  float hi_ = 100.0f;
  bool inplace_ = false;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
};
