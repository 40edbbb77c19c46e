// Tests of every f32-rmax kernel, one set of cases per row of
// microkernels/f32-rmax/f32-rmax.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-rmax/f32-rmax.h"
#include "test/rmax-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile)                                   \
  TEST(ukernel, elements_eq_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    RMaxMicrokernelTester().elements(batch_tile).Test(ukernel);                     \
  }                                                                                 \
  TEST(ukernel, elements_div_##batch_tile) {                                        \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 2 * batch_tile; n < 10 * batch_tile; n += batch_tile) {         \
      RMaxMicrokernelTester().elements(n).Test(ukernel);                            \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, elements_lt_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n < batch_tile; n++) {                                       \
      RMaxMicrokernelTester().elements(n).Test(ukernel);                            \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, elements_gt_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = batch_tile + 1; n < (batch_tile == 1 ? 10 : 2 * batch_tile); n++) { \
      RMaxMicrokernelTester().elements(n).Test(ukernel);                            \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, minus_inf) {                                                        \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {        \
      RMaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel);    \
      RMaxMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel);    \
    }                                                                               \
  }
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_UKERNEL
