// Tests of every f32-raddexpminusmax kernel, one set of cases per row of
// microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "test/raddexpminusmax-microkernel-tester.h"

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RAddExpMinusMaxMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params)) \
  TEST(ukernel, scale) {                                                                      \
    TEST_REQUIRES_ISA(isa);                                                                   \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                        \
      RAddExpMinusMaxMicrokernelTester().elements(n).scale(0.125f).Test(ukernel, init_params);        \
      RAddExpMinusMaxMicrokernelTester().elements(n).scale(1.7f).Test(ukernel, init_params);          \
    }                                                                                         \
  }                                                                                           \
  /* Logit spreads where rounding z = s*x - M to float before exp cost the old kernels */       \
  /* up to |z| * 2^-24 relative (> 1e-6 for |z| > 17): the contract holds at any spread. */  \
  TEST(ukernel, logit_spread) {                                                               \
    TEST_REQUIRES_ISA(isa);                                                                   \
    for (float scale : {1.0f, 0.125f, 1.7f}) {                                                \
      for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                      \
        RAddExpMinusMaxMicrokernelTester().elements(n).scale(scale).input_range(-60.0f, 60.0f).Test(ukernel, init_params);   \
        RAddExpMinusMaxMicrokernelTester().elements(n).scale(scale).input_range(90.0f, 100.0f).Test(ukernel, init_params);   \
        RAddExpMinusMaxMicrokernelTester().elements(n).scale(scale).input_range(-500.0f, 500.0f).Test(ukernel, init_params); \
      }                                                                                       \
    }                                                                                         \
  }                                                                                           \
  TEST(ukernel, minus_inf) {                                                                  \
    TEST_REQUIRES_ISA(isa);                                                                   \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                  \
      RAddExpMinusMaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params); \
      RAddExpMinusMaxMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params); \
    }                                                                                         \
  }                                                                                           \
  TEST(ukernel, underflow) {                                                                  \
    TEST_REQUIRES_ISA(isa);                                                                   \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                  \
      RAddExpMinusMaxMicrokernelTester().elements(n).underflow(true).Test(ukernel, init_params);      \
    }                                                                                         \
  }                                                                                           \
  TEST(ukernel, nan) {                                                                        \
    TEST_REQUIRES_ISA(isa);                                                                   \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                  \
      RAddExpMinusMaxMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params);            \
    }                                                                                         \
  }
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc"
#undef ATTNORM_UKERNEL
