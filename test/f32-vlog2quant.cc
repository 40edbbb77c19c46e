// Tests of every f32-vlog2quant kernel, one set of cases per row of
// microkernels/f32-vlog2quant/f32-vlog2quant.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "test/vlog2quant-microkernel-tester.h"

#define TESTER VLog2QuantMicrokernelTester
#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(TESTER, isa, ukernel, batch_tile, (ukernel, init_params))                   \
  TEST(ukernel, bits_and_sqrt2) {                                                                      \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (uint32_t bits = 1; bits <= 8; bits++) {                                                       \
      for (size_t n = 1; n <= 3 * batch_tile; n += 2 * batch_tile - 1) {                               \
        TESTER().elements(n).bits(bits).Test(ukernel, init_params);                                    \
        TESTER().elements(n).bits(bits).sqrt2(true).Test(ukernel, init_params);                        \
      }                                                                                                \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, scale_and_range) {                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 5 * batch_tile; n += 2 * batch_tile - 1) {                                 \
      TESTER().elements(n).scale(0.125f).input_range(-60.0f, 60.0f).Test(ukernel, init_params);        \
      TESTER().elements(n).scale(1.7f).input_range(90.0f, 100.0f).sqrt2(true).Test(ukernel, init_params); \
      TESTER().elements(n).input_range(-500.0f, 500.0f).Test(ukernel, init_params);                    \
      TESTER().elements(n).scale(1.7f).input_range(9000.0f, 9600.0f).Test(ukernel, init_params);       \
      TESTER().elements(n).scale(0.01f).input_range(-10.0f, 10.0f).bits(4).Test(ukernel, init_params); \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, ties_to_even) {                                                                        \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n++) {                                                 \
      TESTER::TestTies(ukernel, n);                                                                    \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, minus_inf) {                                                                           \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                           \
      TESTER().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);                         \
      TESTER().elements(n).minus_inf_fraction(0.5).bits(3).sqrt2(true).Test(ukernel, init_params);     \
    }                                                                                                  \
  }                                                                                                    \
  TEST(ukernel, nan) {                                                                                 \
    TEST_REQUIRES_ISA(isa);                                                                            \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                           \
      TESTER().elements(n).nan(true).Test(ukernel, init_params);                                       \
    }                                                                                                  \
  }
#include "microkernels/f32-vlog2quant/f32-vlog2quant.inc"
#undef ATTNORM_UKERNEL

namespace {

class AmbiguousReport : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("codes checked: %zu, within the contract's distance of a rounding boundary: %zu\n",
                VLog2QuantMicrokernelTester::Checked(), VLog2QuantMicrokernelTester::Ambiguous());
  }
};

const ::testing::Environment* const kAmbiguousReport = ::testing::AddGlobalTestEnvironment(new AmbiguousReport);

}  // namespace
