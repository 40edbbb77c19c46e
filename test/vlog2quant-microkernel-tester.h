// Tester of the f32-vlog2quant family (contract: microkernels/f32-vlog2quant/f32-vlog2quant.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "test/ukernel-test-utils.h"

class VLog2QuantMicrokernelTester {
 public:
  // Elements checked, and elements whose reference value lay within the contract's distance of a
  // rounding boundary (either neighbouring code accepted), over the whole test binary.
  static size_t& Checked() {
    static size_t n = 0;
    return n;
  }
  static size_t& Ambiguous() {
    static size_t n = 0;
    return n;
  }

  VLog2QuantMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VLog2QuantMicrokernelTester& scale(float scale) {
    scale_ = scale;
    return *this;
  }

  VLog2QuantMicrokernelTester& bits(uint32_t bits) {
    bits_ = bits;
    return *this;
  }

  // 2 codes per octave (the sqrt(2) quantizer).
  VLog2QuantMicrokernelTester& sqrt2(bool sqrt2) {
    sqrt2_ = sqrt2;
    return *this;
  }

  VLog2QuantMicrokernelTester& input_range(float lo, float hi) {
    lo_ = lo;
    hi_ = hi;
    return *this;
  }

  VLog2QuantMicrokernelTester& minus_inf_fraction(double fraction) {
    minus_inf_fraction_ = fraction;
    return *this;
  }

  VLog2QuantMicrokernelTester& nan(bool nan) {
    nan_ = nan;
    return *this;
  }

  // Output pass of softmax to log2 codes on random rows: the bias c * log2(sum exp(s x)) from a
  // long-double reference, split into a float pair; every code is compared with the correctly
  // rounded code of the long-double v = c * (log2(sum) - s * x * log2(e)).
  void Test(attnorm_f32_vlog2quant_ukernel_fn* kernel, attnorm_init_f32_log2quant_params_fn* init_params) const {
    const float c = sqrt2_ ? 2.0f : 1.0f;
    const float code_max = float((1u << bits_) - 1);
    union attnorm_f32_log2quant_params params;
    init_params(&params, scale_, c, code_max);
    std::mt19937 rng(UINT32_C(0x5EED0308) + elements() * 16 + bits_);
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<size_t> position(0, elements() - 1);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    const long double log2e = 1.0L / std::log(2.0L);
    std::vector<float> input(elements());
    std::vector<uint8_t> output(elements() + 16);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      for (float& x : input) x = coin(rng) < minus_inf_fraction_ ? minus_inf : value(rng);
      if (std::all_of(input.begin(), input.end(), [&](float x) { return x == minus_inf; })) {
        input[position(rng)] = value(rng);
      }
      if (nan_) input[iteration % 2 == 0 ? 0 : position(rng)] = std::numeric_limits<float>::quiet_NaN();

      long double m = -INFINITY;
      for (float x : input) {
        if (!std::isnan(x)) m = std::max(m, (long double) x * scale_);
      }
      long double s = 0.0L;
      for (float x : input) {
        if (!std::isnan(x)) s += std::exp((long double) x * scale_ - m);
      }
      const long double bias = c * (m * log2e + std::log2(s));
      const float bias_hi = float(bias);
      const float bias_lo = float(bias - bias_hi);
      std::fill(output.begin(), output.end(), uint8_t(0xA5));
      kernel(elements() * sizeof(float), input.data(), output.data(), bias_hi, bias_lo, &params);
      for (size_t i = elements(); i < output.size(); i++) {
        ASSERT_EQ(output[i], 0xA5) << "wrote past the output, elements = " << elements();
      }
      for (size_t i = 0; i < elements(); i++) {
        const float x = input[i];
        if (std::isnan(x) || x == minus_inf) {
          ASSERT_EQ(output[i], uint8_t(code_max)) << "x[" << i << "] = " << x << " of " << elements();
          continue;
        }
        const long double sx = (long double) x * scale_;
        const long double v = c * (m - sx) * log2e + c * std::log2(s);
        const long double eps = 0x1.0p-23L * std::abs(v) + 0x1.0p-40L * (c * std::abs(sx) * log2e + 1.0L);
        const long double nearest = std::nearbyint(v);  // ties to even (default rounding mode)
        const uint8_t expected = v >= code_max ? uint8_t(code_max) : v <= 0.0L ? 0 : uint8_t(std::min<long double>(nearest, code_max));
        Checked()++;
        const long double to_boundary = std::abs(std::abs(v - std::floor(v)) - 0.5L);
        if (to_boundary <= eps && v > -0.5L && v < code_max + 0.5L) {
          Ambiguous()++;
          const long double lo = std::max(0.0L, std::floor(v));
          const long double hi = std::min<long double>(code_max, std::floor(v) + 1.0L);
          ASSERT_TRUE(output[i] == uint8_t(lo) || output[i] == uint8_t(hi))
              << "x[" << i << "] = " << x << ": v = " << double(v) << " (within " << double(eps)
              << " of a boundary), code " << int(output[i]);
          continue;
        }
        ASSERT_EQ(int(output[i]), int(expected))
            << "x[" << i << "] = " << x << " of " << elements() << ", scale " << scale_ << ", bits " << bits_
            << (sqrt2_ ? " sqrt2" : "") << ": v = " << double(v);
      }
    }
  }

  // Round half to even and the saturation at 0 and code_max, exactly: slope -1, bias 0, so v = -x.
  static void TestTies(attnorm_f32_vlog2quant_ukernel_fn* kernel, size_t elements) {
    union attnorm_f32_log2quant_params params;
    params.scalar.slope_hi = -1.0f;
    params.scalar.slope_lo = 0.0f;
    params.scalar.code_max = 255.0f;
    std::vector<float> input(elements);
    const float values[] = {-0.5f, -1.5f, -2.5f, -3.5f, -254.5f, -253.5f, -0.49999997f, 0.25f, -1000.0f, 0.0f, -255.0f, -127.5f};
    const uint8_t codes[] = {0, 2, 2, 4, 254, 254, 0, 0, 255, 0, 255, 128};
    for (size_t i = 0; i < elements; i++) input[i] = values[i % 12];
    std::vector<uint8_t> output(elements);
    kernel(elements * sizeof(float), input.data(), output.data(), 0.0f, 0.0f, &params);
    for (size_t i = 0; i < elements; i++) {
      ASSERT_EQ(int(output[i]), int(codes[i % 12])) << "v = " << -input[i];
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 10;
  float scale_ = 1.0f;
  uint32_t bits_ = 8;
  bool sqrt2_ = false;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
};
