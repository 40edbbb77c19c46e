// Tests of every f32-vscaleextexp kernel, one set of cases per row of
// microkernels/f32-vscaleextexp/f32-vscaleextexp.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"
#include "test/vscaleextexp-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(VScaleExtExpMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, inplace) {                                                                 \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                     \
      VScaleExtExpMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params);             \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, scale) {                                                                   \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                     \
      VScaleExtExpMicrokernelTester().elements(n).scale(0.125f).Test(ukernel, init_params);             \
      VScaleExtExpMicrokernelTester().elements(n).scale(1.7f).Test(ukernel, init_params);               \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, wide_range) {                                                              \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                     \
      VScaleExtExpMicrokernelTester().elements(n).input_range(-500.0f, 500.0f).Test(ukernel, init_params); \
      VScaleExtExpMicrokernelTester().elements(n).input_range(-500.0f, 500.0f).scale(1.7f).Test(ukernel, init_params); \
      /* |scale * x| up to 16320 < 2^14: n * ln2_hi is exact, the 1e-6 bound holds */           \
      VScaleExtExpMicrokernelTester().elements(n).input_range(-9600.0f, 9600.0f).scale(1.7f).Test(ukernel, init_params); \
      /* |scale * x| up to 5.1e5 (2^19): bound 1e-6 + 1.1 * |scale * x| * 2^-24 */              \
      VScaleExtExpMicrokernelTester().elements(n).input_range(-3.0e5f, 3.0e5f).scale(1.7f).Test(ukernel, init_params); \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, minus_inf) {                                                               \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {               \
      VScaleExtExpMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);   \
      VScaleExtExpMicrokernelTester().elements(n).minus_inf_fraction(0.5).input_range(-500.0f, 500.0f).Test(ukernel, init_params); \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, nan) {                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {               \
      VScaleExtExpMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params);                 \
      VScaleExtExpMicrokernelTester().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, init_params); \
    }                                                                                      \
  }
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.inc"
#undef ATTNORM_UKERNEL

namespace {

// Prints the largest relative error per input distribution after the tests.
class MaxErrorReport : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const auto& entry : VScaleExtExpMicrokernelTester::MaxErrors()) {
      std::printf("max relative error, inputs %s: %.3g\n", entry.first.c_str(), entry.second);
    }
  }
};

const ::testing::Environment* const kMaxErrorReport = ::testing::AddGlobalTestEnvironment(new MaxErrorReport);

}  // namespace
