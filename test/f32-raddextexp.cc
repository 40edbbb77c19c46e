// Tests of every f32-raddextexp kernel, one set of cases per row of
// microkernels/f32-raddextexp/f32-raddextexp.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-raddextexp/f32-raddextexp.h"
#include "test/raddextexp-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RAddExtExpMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, scale) {                                                                   \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                     \
      RAddExtExpMicrokernelTester().elements(n).scale(0.125f).Test(ukernel, init_params);               \
      RAddExtExpMicrokernelTester().elements(n).scale(1.7f).Test(ukernel, init_params);                 \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, wide_range) {                                                              \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                     \
      RAddExtExpMicrokernelTester().elements(n).input_range(-500.0f, 500.0f).Test(ukernel, init_params); \
      RAddExtExpMicrokernelTester().elements(n).input_range(-500.0f, 500.0f).scale(1.7f).Test(ukernel, init_params); \
      /* |scale * x| up to 16320 < 2^14: n * ln2_hi is exact, the 1e-6 bound holds */           \
      RAddExtExpMicrokernelTester().elements(n).input_range(-9600.0f, 9600.0f).scale(1.7f).Test(ukernel, init_params); \
      /* |scale * x| up to 5.1e5 (2^19): bound 1e-6 + 1.1 * |scale * x| * 2^-24 */              \
      RAddExtExpMicrokernelTester().elements(n).input_range(-3.0e5f, 3.0e5f).scale(1.7f).Test(ukernel, init_params); \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, minus_inf) {                                                               \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {               \
      RAddExtExpMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);     \
      RAddExtExpMicrokernelTester().elements(n).minus_inf_fraction(0.5).input_range(-500.0f, 500.0f).Test(ukernel, init_params); \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, all_minus_inf) {                                                           \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {               \
      RAddExtExpMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params);     \
    }                                                                                      \
  }                                                                                        \
  TEST(ukernel, nan) {                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {               \
      RAddExtExpMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params);                   \
      RAddExtExpMicrokernelTester().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, init_params); \
    }                                                                                      \
  }
#include "microkernels/f32-raddextexp/f32-raddextexp.inc"
#undef ATTNORM_UKERNEL

namespace {

// Prints the largest relative error per input distribution after the tests.
class MaxErrorReport : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const auto& entry : RAddExtExpMicrokernelTester::MaxErrors()) {
      std::printf("max relative error, inputs %s: %.3g\n", entry.first.c_str(), entry.second);
    }
  }
};

const ::testing::Environment* const kMaxErrorReport = ::testing::AddGlobalTestEnvironment(new MaxErrorReport);

}  // namespace
