// Tests of every f32-vsoftplusscale kernel (one set of cases per row of its .inc).
#include <gtest/gtest.h>

#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"
#include "test/softplus-microkernel-tester.h"

using attnorm::softplus::VSoftplusScaleMicrokernelTester;

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(VSoftplusScaleMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params))    \
  TEST(ukernel, inplace) {                                                                                       \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                           \
      VSoftplusScaleMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params);                    \
    }                                                                                                            \
  }                                                                                                              \
  TEST(ukernel, scales_and_ranges) {                                                                             \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                           \
      for (float scale : {0.125f, 1.0f, 4.16f, 40.0f}) {                                                         \
        VSoftplusScaleMicrokernelTester().elements(n).scale(scale).range(-1.0f, 1.0f).Test(ukernel, init_params);   \
        VSoftplusScaleMicrokernelTester().elements(n).scale(scale).range(-120.0f, 120.0f).Test(ukernel, init_params); \
      }                                                                                                          \
    }                                                                                                            \
  }                                                                                                              \
  TEST(ukernel, specials) {                                                                                      \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      VSoftplusScaleMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);          \
      VSoftplusScaleMicrokernelTester().elements(n).nan(true).plus_inf(true).Test(ukernel, init_params);         \
      VSoftplusScaleMicrokernelTester().elements(n).range(-110.0f, -80.0f).Test(ukernel, init_params);           \
    }                                                                                                            \
  }
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.inc"
#undef ATTNORM_UKERNEL
