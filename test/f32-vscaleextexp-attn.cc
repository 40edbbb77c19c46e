// Tests of every f32-vscaleextexp-attn kernel, one set of cases per row of
// microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.inc (tester: test/attn-microkernel-tester.h).
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "test/attn-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(AttnMicrokernelTester, isa, ukernel, batch_tile, (ukernel, #ukernel))          \
  TEST(ukernel, scales_slopes_softcaps) {                                                                 \
    TEST_REQUIRES_ISA(isa);                                                                               \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                    \
      AttnMicrokernelTester().elements(n).scale(0.125f).Test(ukernel, #ukernel);                          \
      AttnMicrokernelTester().elements(n).scale(1.7f).slope(0.0625f).Test(ukernel, #ukernel);             \
      AttnMicrokernelTester().elements(n).softcap(30.0f).slope(0.7f).label("c=30").Test(ukernel, #ukernel); \
      AttnMicrokernelTester().elements(n).softcap(1.0f).input_range(-10.0f, 10.0f).label("c=1 (tanh)")    \
          .Test(ukernel, #ukernel);                                                                       \
    }                                                                                                     \
  }                                                                                                       \
  TEST(ukernel, wide_range) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                               \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                    \
      AttnMicrokernelTester().elements(n).input_range(-500.0f, 500.0f).label("U[-500,500]").Test(ukernel, #ukernel); \
      AttnMicrokernelTester().elements(n).input_range(90.0f, 100.0f).label("U[90,100]").Test(ukernel, #ukernel); \
      AttnMicrokernelTester().elements(n).input_range(-9000.0f, 9000.0f).softcap(50.0f).label("c=50 wide")  \
          .Test(ukernel, #ukernel);                                                                       \
    }                                                                                                     \
  }                                                                                                       \
  TEST(ukernel, minus_inf) {                                                                              \
    TEST_REQUIRES_ISA(isa);                                                                               \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                              \
      AttnMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, #ukernel);                \
      AttnMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, #ukernel);                \
    }                                                                                                     \
  }                                                                                                       \
  TEST(ukernel, nan) {                                                                                    \
    TEST_REQUIRES_ISA(isa);                                                                               \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                              \
      AttnMicrokernelTester().elements(n).nan(true).Test(ukernel, #ukernel);                              \
      AttnMicrokernelTester().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, #ukernel);      \
    }                                                                                                     \
  }
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.inc"
#undef ATTNORM_UKERNEL

namespace {

class MaxErrorReport : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const auto& entry : AttnMicrokernelTester::MaxErrors()) {
      std::printf("max relative error, %s: %.3g\n", entry.first.c_str(), entry.second);
    }
  }
};
const auto* const kReport = ::testing::AddGlobalTestEnvironment(new MaxErrorReport);

}  // namespace
