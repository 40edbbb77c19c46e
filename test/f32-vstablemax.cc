// Tests of every f32-vstablemax kernel, one set of cases per row of
// microkernels/f32-vstablemax/f32-vstablemax.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vstablemax/f32-vstablemax.h"
#include "test/stablemax-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(StableMaxMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, every_remainder_to_2_tiles) {                                       \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 2 * batch_tile + 1; n++) {                              \
      StableMaxMicrokernelTester().elements(n).iterations(6).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, inplace) {                                                          \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      StableMaxMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, minus_inf_plus_inf_and_nan) {                                       \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      StableMaxMicrokernelTester().elements(n).special_values(true).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, all_minus_inf) {                                                    \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 3 * batch_tile; n += 5) {                               \
      StableMaxMicrokernelTester().elements(n).all_masked(true).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, accuracy_wide_range) {                                              \
    TEST_REQUIRES_ISA(isa);                                                         \
    StableMaxMicrokernelTester tester;                                              \
    const size_t n = partial_sums == 0 ? 4099 : 128 * partial_sums;                 \
    for (float range : {1.0e-3f, 1.0f, 10.0f, 1.0e4f, 1.0e20f}) {                   \
      tester.elements(n).range(range).iterations(12).Test(ukernel, init_params);    \
    }                                                                               \
    std::printf("%s: max error %.3g\n", #ukernel, tester.max_error());              \
  }
#include "microkernels/f32-vstablemax/f32-vstablemax.inc"
#undef ATTNORM_UKERNEL
