// Tester of the f32-raddextexp family (contract: microkernels/f32-raddextexp/f32-raddextexp.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"
#include "test/ukernel-test-utils.h"

class RAddExtExpMicrokernelTester {
 public:
  // Largest relative error seen per input distribution (label), for the summary the test
  // binary prints at exit: it shows how much headroom the tolerance has.
  static std::map<std::string, double>& MaxErrors() {
    static std::map<std::string, double> errors;
    return errors;
  }

  RAddExtExpMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  RAddExtExpMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  RAddExtExpMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }
  float scale() const { return scale_; }

  // Inputs are drawn from U[lo, hi]. The default U[90, 100] is XNNPACK's: exp(x) overflows
  // float, so only an extended-exponent sum can hold the result.
  RAddExtExpMicrokernelTester& input_range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  // Fraction of inputs replaced by -inf (masked logits). Below 1, at least one input stays
  // finite; 1 makes the whole row -inf.
  RAddExtExpMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  // Replaces one input (first, last or a middle one, by iteration) by NaN.
  RAddExtExpMicrokernelTester& nan(bool nan) {
    nan_ = nan;
    return *this;
  }

  // The contract's bound on the relative error of a term exp(z) (and so of a sum of terms with
  // |z| <= max_abs_z): 1e-6 while n * ln2_hi is exact (|z| <= 2^14, with margin), beyond that
  // 1e-6 + 1.1 * |z| * 2^-24 (the rounding of n * ln2_hi; 1.1 covers exp's curvature).
  static double Tolerance(double max_abs_z) {
    return max_abs_z <= 0x1.0p+14 ? 1.0e-6 : 1.0e-6 + 1.1 * max_abs_z * 0x1.0p-24;
  }

  // The contract's bound on sum[0]: every term's t is within T = ln(2)/2 + max(2^-11,
  // 1.4e-7 * max_abs_z) of 0, so p(t) is in [exp(-T), exp(T)] (with 2e-4 for p's error beyond
  // ln(2)/2); the largest term keeps its p, the others are scaled down.
  static double MantissaMin(double max_abs_z) {
    return 0.9998 * std::exp(-MaxAbsT(max_abs_z));
  }
  static double MantissaMax(double max_abs_z) {
    return 1.0002 * std::exp(MaxAbsT(max_abs_z));
  }

  void Test(attnorm_f32_raddextexp_ukernel_fn* raddextexp, attnorm_init_f32_expminus_params_fn* init_params) const {
    union attnorm_f32_expminus_params params;
    init_params(&params, scale());
    std::mt19937 rng(UINT32_C(0x5EED0002) + elements());
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
      if (minus_inf_fraction_ < 1.0 && std::all_of(input.begin(), input.end(), [&](float x) { return x == minus_inf; })) {
        input[position(rng)] = value(rng);
      }
      const size_t nan_index = iteration % 3 == 0 ? 0 : iteration % 3 == 1 ? elements() - 1 : position(rng);
      if (nan_) {
        input[nan_index] = std::numeric_limits<float>::quiet_NaN();
      }

      attnorm::GuardedBuffer sum(2);
      raddextexp(elements() * sizeof(float), input.data(), sum.data(), &params);
      ASSERT_TRUE(sum.CanariesIntact()) << "wrote past sum[2], elements = " << elements();

      if (nan_) {
        ASSERT_TRUE(std::isnan(sum[0])) << "NaN input at " << nan_index << " of " << elements()
                                        << " gave sum = " << sum[0] << " * 2^" << sum[1];
        continue;
      }
      ASSERT_EQ(sum[1], std::nearbyint(sum[1])) << "exponent not integer-valued, elements = " << elements();
      size_t finite = 0;
      for (float x : input) finite += x != minus_inf;
      if (finite == 0) {
        // Fully masked row: the exponent is exactly the minimum one.
        ASSERT_EQ(sum[1], ATTNORM_EXTEXP_MIN_EXPONENT) << "all -inf, elements = " << elements();
        // ... and the value exactly 1 (the header's contract for a fully masked row).
        ASSERT_EQ(sum[0], 1.0f) << "all -inf gave sum[0] = " << sum[0] << ", elements = " << elements();
        continue;
      }

      double max_abs_z = 0.0;
      for (float x : input) {
        if (x != minus_inf) max_abs_z = std::max(max_abs_z, std::abs(double(x) * double(scale())));
      }

      // Reference in double by the log-sum-exp trick: sum = exp(m) * s with m the largest
      // scaled input, so nothing overflows; -inf inputs contribute exp(-inf) = 0.
      double m = -std::numeric_limits<double>::infinity();
      for (float x : input) m = std::max(m, double(x) * double(scale()));
      double s = 0.0;
      for (float x : input) s += std::exp(double(x) * double(scale()) - m);
      const double log_reference = m + std::log(s);
      // The kernel's sum[0] * 2^sum[1], compared in the log domain: the relative error is
      // exp(log_output - log_reference) - 1.
      ASSERT_GT(sum[0], 0.0f);
      const double log_output = std::log(double(sum[0])) + double(sum[1]) * M_LN2;
      const double error = std::abs(std::expm1(log_output - log_reference));
      max_error = std::max(max_error, error);
      ASSERT_LE(error, Tolerance(max_abs_z)) << "elements = " << elements() << ", scale = " << scale() << ", inputs " << label
                               << ", max |scale * x| = " << max_abs_z
                               << ": sum = " << sum[0] << " * 2^" << sum[1] << ", reference = exp("
                               << log_reference << ") = " << std::exp(log_reference - sum[1] * M_LN2) << " * 2^" << sum[1];
      // sum[0] is the mantissa of the sum at the largest exponent: the largest term contributes
      // at least exp(-ln(2)/2) = 0.707 and every term at most exp(ln(2)/2) = 1.415, give or take
      // t's overshoot, which grows with |scale * x| (see the contract).
      ASSERT_GE(double(sum[0]), MantissaMin(max_abs_z)) << "elements = " << elements() << ", max |scale * x| = " << max_abs_z;
      ASSERT_LE(double(sum[0]), MantissaMax(max_abs_z) * double(finite))
          << "elements = " << elements() << ", max |scale * x| = " << max_abs_z;
    }
  }

 private:
  static double MaxAbsT(double max_abs_z) {
    return 0.5 * M_LN2 + std::max(0x1.0p-11, 1.4e-7 * max_abs_z);
  }

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
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
};
