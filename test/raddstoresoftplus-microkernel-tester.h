// Tester of f32-raddstoresoftplus (contract: microkernels/f32-raddstoresoftplus/
// f32-raddstoresoftplus.h): each stored term and the sum against a long-double
// reference fed the same float z = fl(c * x) the kernels compute; canaries after
// the stored row.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "test/softplus-microkernel-tester.h"
#include "test/ukernel-test-utils.h"

namespace attnorm {
namespace softplus {

class RAddStoreSoftplusMicrokernelTester : public Options<RAddStoreSoftplusMicrokernelTester> {
 public:
  void Test(attnorm_f32_raddstoresoftplus_ukernel_fn* raddstoresoftplus,
            attnorm_init_f32_softplus_params_fn* init_params, size_t partial_sums) const {
    union attnorm_f32_softplus_params params;
    init_params(&params, scale_, 0.0f, 0.0f, 0.0f);
    std::mt19937 rng(UINT32_C(0x5EED0C05) + elements());
    std::vector<float> x(elements());
    const size_t terms = (elements() + partial_sums - 1) / partial_sums;
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      long double sum = 0;
      bool nan = false;
      for (float v : x) {
        if (std::isnan(v)) nan = true;
        sum += Softplus(ScaledLogit(v, scale_));
      }
      const std::vector<float> copy(x);
      GuardedBuffer y(elements());
      GuardedBuffer out(1);
      raddstoresoftplus(elements() * sizeof(float), x.data(), y.data(), out.data(), &params);
      ASSERT_TRUE(y.CanariesIntact()) << "wrote past the stored row, elements = " << elements();
      ASSERT_TRUE(out.CanariesIntact()) << "wrote past the sum";
      ASSERT_EQ(0, std::memcmp(copy.data(), x.data(), x.size() * sizeof(float))) << "modified the input";
      // Every stored term: the f32-vsoftplusscale element contract with multiplier 1.
      for (size_t i = 0; i < elements(); i++) {
        const long double expected = Softplus(ScaledLogit(x[i], scale_));
        if (std::isnan(x[i])) {
          ASSERT_TRUE(std::isnan(y[i])) << "i = " << i;
        } else if (x[i] == -std::numeric_limits<float>::infinity()) {
          ASSERT_EQ(0.0f, y[i]) << "-inf must give +0, i = " << i;
          ASSERT_FALSE(std::signbit(y[i]));
        } else if (std::isinf(expected)) {
          ASSERT_EQ(std::numeric_limits<float>::infinity(), y[i]);
        } else if (expected < FLT_MIN) {
          ASSERT_TRUE(y[i] >= 0.0f && y[i] <= FLT_MIN * (1 + 1e-6)) << y[i];
        } else {
          ASSERT_LE(std::fabs((double) y[i] - (double) expected), (double) expected * kSoftplusTermError)
              << "x = " << x[i] << ", z = " << ScaledLogit(x[i], scale_) << ", y = " << y[i] << ", reference "
              << (double) expected;
        }
      }
      if (nan) {
        ASSERT_TRUE(std::isnan(out[0])) << "a NaN input must give a NaN sum";
        continue;
      }
      if (std::isinf(sum)) {
        ASSERT_EQ(std::numeric_limits<float>::infinity(), out[0]);
        continue;
      }
      const double tolerance = (double) sum * (kSoftplusTermError + (double) terms * kUlp);
      ASSERT_LE(std::fabs((double) out[0] - (double) sum), std::max(tolerance, (double) FLT_MIN))
          << "sum " << out[0] << ", reference " << (double) sum << ", elements = " << elements() << ", scale "
          << scale_;
    }
  }
};

}  // namespace softplus
}  // namespace attnorm
