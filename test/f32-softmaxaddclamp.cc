// Tests of every f32-softmaxaddclamp kernel, one set of cases per row of
// microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.inc: every row length 1..BATCH_TILE.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "test/softmaxaddclamp-microkernel-tester.h"

#define TESTER SoftmaxAddClampMicrokernelTester
#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  TEST(ukernel, every_length) {                                                                        \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= batch_tile; n++) {                                                         \
      TESTER().elements(n).Test(ukernel, init_params);                                                 \
      TESTER().elements(n).zeta_gamma(1.0f, 0.0f).Test(ukernel, init_params);                          \
      TESTER().elements(n).zeta_gamma(1.003f, -0.5f).Test(ukernel, init_params);                       \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, scale_and_range) {                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= batch_tile; n += 7) {                                                      \
      TESTER().elements(n).scale(0.125f).input_range(-60.0f, 60.0f).Test(ukernel, init_params);        \
      TESTER().elements(n).scale(1.7f).input_range(90.0f, 100.0f).Test(ukernel, init_params);          \
      TESTER().elements(n).input_range(-500.0f, 500.0f).zeta_gamma(2.0f, -1.0e-4f).Test(ukernel, init_params); \
      TESTER().elements(n).zeta_gamma(1.0e3f, -1.0e3f).Test(ukernel, init_params);                     \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, inplace) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= batch_tile; n += 5) {                                                      \
      TESTER().elements(n).inplace(true).Test(ukernel, init_params);                                   \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, masked_nan_exact_path) {                                                               \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= batch_tile; n += 3) {                                                      \
      TESTER().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);                         \
      TESTER().elements(n).all_minus_inf(true).Test(ukernel, init_params);                             \
      TESTER().elements(n).nan(true).Test(ukernel, init_params);                                       \
      TESTER().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, init_params);               \
      TESTER().elements(n).huge_negative(true).Test(ukernel, init_params);                             \
    }                                                                                                  \
  }
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.inc"
#undef ATTNORM_UKERNEL

namespace {

class Report : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("max error / bound: %.3g\n", SoftmaxAddClampMicrokernelTester::MaxErrorOverBound());
  }
};
const ::testing::Environment* const kReport = ::testing::AddGlobalTestEnvironment(new Report);

}  // namespace
