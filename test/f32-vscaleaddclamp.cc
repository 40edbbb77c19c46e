// Tests of every f32-vscaleaddclamp kernel, one set of cases per row of
// microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"
#include "test/vscaleaddclamp-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(VScaleAddClampMicrokernelTester, isa, ukernel, batch_tile, (ukernel)) \
  TEST(ukernel, inplace) {                                                                       \
    TEST_REQUIRES_ISA(isa);                                                                      \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                           \
      VScaleAddClampMicrokernelTester().elements(n).inplace(true).Test(ukernel);                 \
    }                                                                                            \
  }                                                                                              \
  TEST(ukernel, special_values) {                                                                \
    TEST_REQUIRES_ISA(isa);                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                     \
      VScaleAddClampMicrokernelTester().elements(n).special_values(true).Test(ukernel);          \
    }                                                                                            \
  }
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc"
#undef ATTNORM_UKERNEL
