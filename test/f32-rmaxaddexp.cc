// Tests of every f32-rmaxaddexp kernel, one set of cases per row of
// microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc.
#include <gtest/gtest.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "test/rmaxaddexp-microkernel-tester.h"

using Order = RMaxAddExpMicrokernelTester::Order;

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  ATTNORM_TEST_BATCH_SIZES(RMaxAddExpMicrokernelTester, arch, ukernel, batch_tile, (ukernel, init_params))                             \
  TEST(ukernel, scale) {                                                                                           \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                             \
      RMaxAddExpMicrokernelTester().elements(n).scale(0.125f).Test(ukernel, init_params);                                       \
      RMaxAddExpMicrokernelTester().elements(n).scale(1.7f).Test(ukernel, init_params);                                         \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, range_minus60_60) {                                                                                \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                             \
      RMaxAddExpMicrokernelTester().elements(n).range(-60.0f, 60.0f).Test(ukernel, init_params);                                \
      RMaxAddExpMicrokernelTester().elements(n).range(-60.0f, 60.0f).scale(1.7f).Test(ukernel, init_params);                    \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, range_minus500_500) {                                                                              \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                             \
      RMaxAddExpMicrokernelTester().elements(n).range(-500.0f, 500.0f).Test(ukernel, init_params);                              \
      RMaxAddExpMicrokernelTester().elements(n).range(-500.0f, 500.0f).scale(0.125f).Test(ukernel, init_params);                \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, range_valid_limit) {                                                                               \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    /* scale * x spread over the whole valid range [-2^14, 2^14]. */                                               \
    for (size_t n = 1; n <= 5 * batch_tile; n += batch_tile * 2 - 1) {                                             \
      RMaxAddExpMicrokernelTester().elements(n).range(-16384.0f, 16384.0f).Test(ukernel, init_params);                          \
      RMaxAddExpMicrokernelTester().elements(n).range(16300.0f, 16384.0f).scale(1.7f).Test(ukernel, init_params);               \
      RMaxAddExpMicrokernelTester().elements(n).range(-16384.0f, -16300.0f).scale(0.125f).Test(ukernel, init_params);           \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, increasing) {                                                                                      \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    /* The maximum moves at every element: small steps (every block rescales by 2^-1 or 2^0) and */                \
    /* large ones (rescaling to +0 below 2^-126). */                                                               \
    for (size_t n = 2; n <= 5 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).range(-5.0f, 5.0f).order(Order::kIncreasing).Test(ukernel, init_params);        \
      RMaxAddExpMicrokernelTester().elements(n).range(-60.0f, 60.0f).order(Order::kIncreasing).Test(ukernel, init_params);      \
      RMaxAddExpMicrokernelTester().elements(n).range(-16000.0f, 16000.0f).order(Order::kIncreasing).Test(ukernel, init_params); \
      RMaxAddExpMicrokernelTester()                                                                                \
          .elements(n)                                                                                             \
          .range(-100.0f, 100.0f)                                                                                  \
          .scale(1.7f)                                                                                             \
          .order(Order::kIncreasing)                                                                               \
          .Test(ukernel, init_params);                                                                                          \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, max_at_end) {                                                                                      \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 2; n <= 5 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).order(Order::kMaxAtEnd).Test(ukernel, init_params);                             \
      RMaxAddExpMicrokernelTester().elements(n).range(-60.0f, 60.0f).order(Order::kMaxAtEnd).Test(ukernel, init_params);        \
      RMaxAddExpMicrokernelTester().elements(n).range(-2.0f, 2.0f).order(Order::kMaxAtEnd).Test(ukernel, init_params);          \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, minus_inf) {                                                                                       \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);                             \
      RMaxAddExpMicrokernelTester().elements(n).range(-60.0f, 60.0f).minus_inf_fraction(0.9).Test(ukernel, init_params);        \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, all_minus_inf) {                                                                                   \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).minus_inf_fraction(1.0).iterations(1).Test(ukernel, init_params);               \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, nan) {                                                                                             \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).nan(true).Test(ukernel, init_params);                                           \
      RMaxAddExpMicrokernelTester().elements(n).nan(true).minus_inf_fraction(0.5).Test(ukernel, init_params);                   \
      RMaxAddExpMicrokernelTester().elements(n).nan(true).minus_inf_fraction(1.0).Test(ukernel, init_params);                   \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, plus_inf) {                                                                                        \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).plus_inf(true).Test(ukernel, init_params);                                      \
    }                                                                                                              \
  }                                                                                                                \
  TEST(ukernel, denormal) {                                                                                        \
    TEST_REQUIRES_ISA(arch);                                                                                       \
    for (size_t n = 1; n <= 3 * batch_tile + 1; n += (batch_tile + 1) / 2) {                                       \
      RMaxAddExpMicrokernelTester().elements(n).range(-0x1.0p-127f, 0x1.0p-127f).Test(ukernel, init_params);                    \
    }                                                                                                              \
  }
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc"
#undef ATTNORM_UKERNEL
