// Tests of every f32-raddstoresoftplus kernel (one set of cases per row of its .inc).
#include <gtest/gtest.h>

#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "test/raddstoresoftplus-microkernel-tester.h"

using attnorm::softplus::RAddStoreSoftplusMicrokernelTester;

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RAddStoreSoftplusMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params, partial_sums)) \
  TEST(ukernel, scales_and_ranges) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                           \
      for (float scale : {0.125f, 1.0f, 4.16f, 40.0f}) {                                                         \
        RAddStoreSoftplusMicrokernelTester().elements(n).scale(scale).range(-1.0f, 1.0f).Test(ukernel, init_params, partial_sums);    \
        RAddStoreSoftplusMicrokernelTester().elements(n).scale(scale).range(-100.0f, 100.0f).Test(ukernel, init_params, partial_sums); \
        RAddStoreSoftplusMicrokernelTester().elements(n).scale(scale).range(-3.0f, 0.0f).Test(ukernel, init_params, partial_sums);   \
      }                                                                                                          \
    }                                                                                                            \
  }                                                                                                              \
  /* Terms around the FLT_MIN cutoff and beyond. */                                                              \
  TEST(ukernel, underflow) {                                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      RAddStoreSoftplusMicrokernelTester().elements(n).range(-110.0f, 0.0f).Test(ukernel, init_params, partial_sums); \
    }                                                                                                            \
  }                                                                                                              \
  TEST(ukernel, minus_inf) {                                                                                     \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      RAddStoreSoftplusMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params, partial_sums); \
      RAddStoreSoftplusMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params, partial_sums); \
    }                                                                                                            \
  }                                                                                                              \
  TEST(ukernel, nan_and_plus_inf) {                                                                              \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      RAddStoreSoftplusMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params, partial_sums);            \
      RAddStoreSoftplusMicrokernelTester().elements(n).plus_inf(true).Test(ukernel, init_params, partial_sums);       \
    }                                                                                                            \
  }
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.inc"
#undef ATTNORM_UKERNEL
