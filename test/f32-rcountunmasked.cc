// Tests of every f32-rcountunmasked kernel (one set of cases per row of its .inc).
#include <gtest/gtest.h>

#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "test/softplus-microkernel-tester.h"

using attnorm::softplus::RCountUnmaskedMicrokernelTester;

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RCountUnmaskedMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params))    \
  TEST(ukernel, minus_inf_nan_inf) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      RCountUnmaskedMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);          \
      RCountUnmaskedMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params);          \
      RCountUnmaskedMicrokernelTester().elements(n).minus_inf_fraction(0.3).nan(true).plus_inf(true).Test(ukernel, init_params); \
    }                                                                                                            \
  }
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.inc"
#undef ATTNORM_UKERNEL
