// Tests of every f32-rmax kernel, one set of cases per row of
// microkernels/f32-rmax/f32-rmax.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-rmax/f32-rmax.h"
#include "test/rmax-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RMaxMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, minus_inf) {                                                        \
    TEST_REQUIRES_ISA(isa);                                                         \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {        \
      RMaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);    \
      RMaxMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params);    \
    }                                                                               \
  }
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_UKERNEL
