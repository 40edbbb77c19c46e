// Tester of the f32-vscaleaddclamp family (contract: microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h).
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

#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"
#include "test/ukernel-test-utils.h"

class VScaleAddClampMicrokernelTester {
 public:
  VScaleAddClampMicrokernelTester& elements(size_t elements) {
    elements_ = elements;
    return *this;
  }
  size_t elements() const { return elements_; }

  VScaleAddClampMicrokernelTester& iterations(size_t iterations) {
    iterations_ = iterations;
    return *this;
  }
  size_t iterations() const { return iterations_; }

  // Output written over the input (output == input).
  VScaleAddClampMicrokernelTester& inplace(bool inplace) {
    inplace_ = inplace;
    return *this;
  }

  // Plant IEEE special values: +-inf, NaN, +-0, denormals, huge values.
  VScaleAddClampMicrokernelTester& special_values(bool special_values) {
    special_values_ = special_values;
    return *this;
  }

  // The reference of the contract: clamp(fma(x, m, a), 0, 1) in float, NaN kept. Bit-exact.
  static float Reference(float x, float multiplier, float addend) {
    const float v = std::fma(x, multiplier, addend);
    if (std::isnan(v)) return v;
    return std::min(std::max(v, 0.0f), 1.0f);
  }

  void Test(attnorm_f32_vscaleaddclamp_ukernel_fn* vscaleaddclamp) const {
    std::mt19937 rng(UINT32_C(0x5EED0107) + elements());
    // Exp terms of a reload pass (0, 1.5), the multiplier (zeta - gamma) / sum, the addend gamma <= 0.
    std::uniform_real_distribution<float> value(0.0f, 1.5f);
    std::uniform_real_distribution<float> multiplier_dist(1.0e-3f, 4.0f);
    std::uniform_real_distribution<float> addend_dist(-0.5f, 0.0f);
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
      // Every third iteration gamma = 0 (no clipping below: clamp only at 1 matters).
      const float addend = iteration % 3 == 0 ? 0.0f : addend_dist(rng);

      attnorm::GuardedBuffer output(elements());
      if (inplace_) std::copy(input.begin(), input.end(), output.data());
      vscaleaddclamp(elements() * sizeof(float), inplace_ ? output.data() : input.data(), output.data(), multiplier,
                     addend);
      ASSERT_TRUE(output.CanariesIntact()) << "wrote past output, elements = " << elements();
      for (size_t i = 0; i < elements(); i++) {
        const float expected = Reference(input[i], multiplier, addend);
        if (std::isnan(expected)) {
          ASSERT_TRUE(std::isnan(output[i])) << "at " << i << " of " << elements() << ": expected NaN, got "
                                             << output[i];
          continue;
        }
        uint32_t actual_bits, expected_bits;
        std::memcpy(&actual_bits, &output[i], sizeof(actual_bits));
        std::memcpy(&expected_bits, &expected, sizeof(expected_bits));
        ASSERT_EQ(actual_bits, expected_bits)
            << "at " << i << " of " << elements() << ": clamp(" << input[i] << " * " << multiplier << " + " << addend
            << ") = " << expected << ", got " << output[i];
      }
    }
  }

 private:
  size_t elements_ = 1;
  size_t iterations_ = 15;
  bool inplace_ = false;
  bool special_values_ = false;
};
