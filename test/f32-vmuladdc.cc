// Tests of every f32-vmuladdc kernel, one set of cases per row of
// microkernels/f32-vmuladdc/f32-vmuladdc.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "test/vmuladdc-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile)                                   \
  TEST(ukernel, elements_eq_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    VMulAddCMicrokernelTester().elements(batch_tile).Test(ukernel);                 \
  }                                                                                 \
  TEST(ukernel, elements_div_##batch_tile) {                                        \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 2 * batch_tile; n < 10 * batch_tile; n += batch_tile) {         \
      VMulAddCMicrokernelTester().elements(n).Test(ukernel);                        \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, elements_lt_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n < batch_tile; n++) {                                       \
      VMulAddCMicrokernelTester().elements(n).Test(ukernel);                        \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, elements_gt_##batch_tile) {                                         \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = batch_tile + 1; n < (batch_tile == 1 ? 10 : 2 * batch_tile); n++) { \
      VMulAddCMicrokernelTester().elements(n).Test(ukernel);                        \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, inplace) {                                                          \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VMulAddCMicrokernelTester().elements(n).inplace(true).Test(ukernel);          \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, minus_inf_and_nan) {                                                \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VMulAddCMicrokernelTester().elements(n).special_values(true).Test(ukernel);   \
    }                                                                               \
  }
#include "microkernels/f32-vmuladdc/f32-vmuladdc.inc"
#undef ATTNORM_UKERNEL
