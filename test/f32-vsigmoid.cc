// Tests of every f32-vsigmoid kernel, one set of cases per row of
// microkernels/f32-vsigmoid/f32-vsigmoid.inc.
#include <cstdio>

#include <gtest/gtest.h>

#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"
#include "test/vsigmoid-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(VSigmoidMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, every_remainder_to_2_tiles) {                                       \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 2 * batch_tile + 1; n++) {                              \
      VSigmoidMicrokernelTester().elements(n).iterations(2).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, inplace) {                                                          \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VSigmoidMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, minus_inf_plus_inf_and_nan) {                                       \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VSigmoidMicrokernelTester().elements(n).special_values(true).Test(ukernel, init_params); \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, accuracy_wide_range) {                                              \
    TEST_REQUIRES_ISA(isa);                                                         \
    /* z over [-120, 120]: the denormal and zero tails, saturation at 1. */         \
    VSigmoidMicrokernelTester tester;                                               \
    for (float range : {1.0f, 12.0f, 30.0f, 120.0f}) {                              \
      tester.elements(4099).range(range).iterations(20).Test(ukernel, init_params); \
    }                                                                               \
    std::printf("%s: max relative error %.3g (%.3g beyond z's rounding)\n", #ukernel, tester.max_error(), tester.max_core_error());      \
  }
#include "microkernels/f32-vsigmoid/f32-vsigmoid.inc"
#undef ATTNORM_UKERNEL
