// Tests of every f32-raddpowrelu kernel (one set of cases per row of its .inc).
#include <gtest/gtest.h>

#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"
#include "test/softplus-microkernel-tester.h"

using attnorm::softplus::RAddPowReluMicrokernelTester;

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RAddPowReluMicrokernelTester, isa, ukernel, batch_tile, (ukernel, init_params, partial_sums)) \
  TEST(ukernel, powers_and_offsets) {                                                                            \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                           \
      for (float power : {1.0f, 2.0f, 3.0f, 15.0f, 64.0f, 0.5f, 2.5f, 0.01f}) {                                  \
        for (float offset : {0.0f, 1.0f, 8.0f}) {                                                                \
          RAddPowReluMicrokernelTester().elements(n).power(power).offset(offset).range(-5.0f, 5.0f).Test(ukernel, init_params, partial_sums); \
        }                                                                                                        \
      }                                                                                                          \
    }                                                                                                            \
  }                                                                                                              \
  TEST(ukernel, specials) {                                                                                      \
    TEST_REQUIRES_ISA(isa);                                                                                      \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                     \
      RAddPowReluMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params, partial_sums); \
      RAddPowReluMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params, partial_sums);             \
    }                                                                                                            \
  }
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.inc"
#undef ATTNORM_UKERNEL
