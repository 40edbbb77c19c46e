// Tests of every f32-vscaleextexpaddclamp kernel, one set of cases per row of
// microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"
#include "test/vscaleextexpaddclamp-microkernel-tester.h"

#define TESTER VScaleExtExpAddClampMicrokernelTester
#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(TESTER, isa, ukernel, batch_tile, (ukernel, init_params))                   \
  TEST(ukernel, inplace) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                 \
      TESTER().elements(n).inplace(true).Test(ukernel, init_params);                                   \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, zeta_gamma) {                                                                          \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                 \
      TESTER().elements(n).zeta_gamma(1.0f, 0.0f).Test(ukernel, init_params);                          \
      TESTER().elements(n).zeta_gamma(1.0f, -4.0f / 128.0f).Test(ukernel, init_params);                \
      TESTER().elements(n).zeta_gamma(1.003f, -0.5f).Test(ukernel, init_params);                       \
      TESTER().elements(n).zeta_gamma(1.0e4f, -1.0e3f).Test(ukernel, init_params);                     \
      TESTER().elements(n).zeta_gamma(1.0e30f, -1.0e30f).Test(ukernel, init_params);                   \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, scale_and_range) {                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                 \
      TESTER().elements(n).scale(0.125f).input_range(-60.0f, 60.0f).Test(ukernel, init_params);        \
      TESTER().elements(n).scale(1.7f).input_range(90.0f, 100.0f).Test(ukernel, init_params);          \
      TESTER().elements(n).input_range(-500.0f, 500.0f).Test(ukernel, init_params);                    \
      TESTER().elements(n).scale(1.7f).input_range(-9600.0f, 9600.0f).Test(ukernel, init_params);      \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, minus_inf) {                                                                           \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                           \
      TESTER().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);                         \
      TESTER().elements(n).minus_inf_fraction(0.5).zeta_gamma(1.0f, 0.0f).Test(ukernel, init_params);  \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, nan) {                                                                                 \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                           \
      TESTER().elements(n).nan(true).Test(ukernel, init_params);                                       \
      TESTER().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, init_params);               \
    }                                                                                                  \
  }
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc"
#undef ATTNORM_UKERNEL

namespace {

// Prints the largest error per input distribution, as a fraction of the contract's bound.
class MaxErrorReport : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const auto& entry : VScaleExtExpAddClampMicrokernelTester::MaxErrors()) {
      std::printf("max error / bound, inputs %s: %.3g\n", entry.first.c_str(), entry.second);
    }
  }
};

const ::testing::Environment* const kMaxErrorReport = ::testing::AddGlobalTestEnvironment(new MaxErrorReport);

}  // namespace
