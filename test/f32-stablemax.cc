// Tests of every f32-stablemax kernel, one set of cases per row of
// microkernels/f32-stablemax/f32-stablemax.inc. A kernel takes rows of 1..BATCH_TILE elements (its
// batch_tile is its longest row, not a loop step): every length up to it is tested.
#include <cstdio>
#include <limits>

#include <gtest/gtest.h>

#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "test/stablemax-short-microkernel-tester.h"

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  TEST(ukernel, every_length) {                                                                                   \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    ShortStableMaxMicrokernelTester tester;                                                                       \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      tester.elements(n).iterations(6).Test(ukernel, init_params, false);                                          \
    }                                                                                                             \
    std::printf("%s: max error %.3g\n", #ukernel, tester.max_error());                                           \
  }                                                                                                               \
  TEST(ukernel, inplace) {                                                                                        \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      ShortStableMaxMicrokernelTester().elements(n).inplace(true).Test(ukernel, init_params, false);               \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, accuracy_wide_range) {                                                                            \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    ShortStableMaxMicrokernelTester tester;                                                                       \
    for (float range : {1.0e-3f, 1.0f, 10.0f, 1.0e4f, 1.0e20f}) {                                                 \
      for (size_t n = 1; n <= batch_tile; n += (n < 40 ? 1 : 7)) {                                                \
        tester.elements(n).range(range).iterations(12).Test(ukernel, init_params, false);                          \
      }                                                                                                           \
    }                                                                                                             \
    std::printf("%s: max error (wide range) %.3g\n", #ukernel, tester.max_error());                              \
  }                                                                                                               \
  TEST(ukernel, minus_inf) {                                                                                      \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      ShortStableMaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params, false);     \
      ShortStableMaxMicrokernelTester().elements(n).minus_inf_fraction(0.9).inplace(true).Test(ukernel, init_params, false); \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, all_minus_inf) {                                                                                  \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      ShortStableMaxMicrokernelTester().elements(n).minus_inf_fraction(1.0).Test(ukernel, init_params, false);     \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, nan_and_plus_inf) {                                                                               \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      ShortStableMaxMicrokernelTester().elements(n).poison(std::numeric_limits<float>::quiet_NaN()).Test(ukernel, init_params, false); \
      ShortStableMaxMicrokernelTester().elements(n).poison(std::numeric_limits<float>::infinity()).Test(ukernel, init_params, false); \
      ShortStableMaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).poison(std::numeric_limits<float>::quiet_NaN()).inplace(true).Test(ukernel, init_params, false); \
    }                                                                                                             \
  }
#include "microkernels/f32-stablemax/f32-stablemax.inc"
#undef ATTNORM_UKERNEL
