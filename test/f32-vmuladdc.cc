// Tests of every f32-vmuladdc kernel, one set of cases per row of
// microkernels/f32-vmuladdc/f32-vmuladdc.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "test/vmuladdc-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(VMulAddCMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, inplace) {                                                          \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VMulAddCMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params);          \
    }                                                                               \
  }                                                                                 \
  TEST(ukernel, minus_inf_and_nan) {                                                \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 5 * batch_tile; n += 3) {                               \
      VMulAddCMicrokernelTester().elements(n).special_values(true).Test(ukernel, init_params);   \
    }                                                                               \
  }
#include "microkernels/f32-vmuladdc/f32-vmuladdc.inc"
#undef ATTNORM_UKERNEL
