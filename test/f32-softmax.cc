// Tests of every f32-softmax kernel, one set of cases per row of
// microkernels/f32-softmax/f32-softmax.inc. A kernel takes rows of 1..BATCH_TILE elements (its
// batch_tile is its longest row, not a loop step), so the XNNPACK-style batch-size cases become:
// exactly BATCH_TILE, and every shorter length.
#include <gtest/gtest.h>

#include "microkernels/f32-softmax/f32-softmax.h"
#include "test/softmax-microkernel-tester.h"

// Row lengths of the special-value cases: short, around every vector boundary of the
// widest ISA, and the longest.
#define ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) \
  for (size_t n : {size_t(1), size_t(2), size_t(7), size_t(8), size_t(9), size_t(15), size_t(16), size_t(17), \
                   size_t(batch_tile / 2), size_t(batch_tile / 2 + 1), size_t(batch_tile - 1), size_t(batch_tile)}) \
    if (n >= 1 && n <= size_t(batch_tile))

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  TEST(ukernel, elements_eq_##batch_tile) {                                                                       \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    SoftmaxMicrokernelTester().elements(batch_tile).Test(ukernel, init_params);                                   \
  }                                                                                                               \
  TEST(ukernel, elements_lt_##batch_tile) {                                                                       \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n < batch_tile; n++) {                                                                     \
      SoftmaxMicrokernelTester().elements(n).Test(ukernel, init_params);                                          \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, spreads_and_scales) {                                                                             \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    /* 1e-6 per element at any spread of the logits (scale * x in the ranges below). */                          \
    for (float scale : {1.0f, 0.125f, 1.7f}) {                                                                    \
      for (size_t n = 1; n <= batch_tile; n++) {                                                                  \
        SoftmaxMicrokernelTester().elements(n).iterations(3).scale(scale).range(-60.0f, 60.0f).Test(ukernel, init_params); \
        SoftmaxMicrokernelTester().elements(n).iterations(3).scale(scale).range(90.0f, 100.0f).Test(ukernel, init_params); \
        SoftmaxMicrokernelTester().elements(n).iterations(3).scale(scale).range(-500.0f, 500.0f).Test(ukernel, init_params); \
      }                                                                                                           \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, range_valid_limit) {                                                                              \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    /* scale * x over the whole valid range [-2^14, 2^14], and near its ends. */                                  \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      SoftmaxMicrokernelTester().elements(n).range(-16384.0f, 16384.0f).Test(ukernel, init_params);               \
      SoftmaxMicrokernelTester().elements(n).range(16300.0f, 16384.0f).scale(1.7f).Test(ukernel, init_params);    \
      SoftmaxMicrokernelTester().elements(n).range(-16384.0f, -16300.0f).scale(0.125f).Test(ukernel, init_params); \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, denormal) {                                                                                       \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      SoftmaxMicrokernelTester().elements(n).range(-0x1.0p-127f, 0x1.0p-127f).Test(ukernel, init_params);         \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, minus_inf) {                                                                                      \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      SoftmaxMicrokernelTester().elements(n).minus_inf_fraction(0.5).Test(ukernel, init_params);                  \
      SoftmaxMicrokernelTester().elements(n).range(-60.0f, 60.0f).minus_inf_fraction(0.9).Test(ukernel, init_params); \
      SoftmaxMicrokernelTester().elements(n).range(-500.0f, 500.0f).minus_inf_fraction(0.3).scale(1.7f).Test(ukernel, init_params); \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, all_minus_inf) {                                                                                  \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      SoftmaxMicrokernelTester().elements(n).minus_inf_fraction(1.0).iterations(1).Test(ukernel, init_params);    \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, nan) {                                                                                            \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    /* A NaN at every lane position: the whole row is NaN (also among -inf only). */                              \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      for (size_t position = 0; position < n; position++) {                                                       \
        SoftmaxMicrokernelTester().elements(n).iterations(1).nan_at(position).Test(ukernel, init_params);         \
        SoftmaxMicrokernelTester().elements(n).iterations(1).nan_at(position).minus_inf_fraction(1.0).Test(ukernel, init_params); \
      }                                                                                                           \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, plus_inf) {                                                                                       \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      SoftmaxMicrokernelTester().elements(n).iterations(3).plus_inf_at(n / 2).Test(ukernel, init_params);         \
    }                                                                                                             \
  }                                                                                                               \
  TEST(ukernel, inplace) {                                                                                        \
    TEST_REQUIRES_ISA(arch);                                                                                      \
    for (size_t n = 1; n <= batch_tile; n++) {                                                                    \
      SoftmaxMicrokernelTester().elements(n).iterations(2).inplace(true).range(-60.0f, 60.0f).Test(ukernel, init_params); \
    }                                                                                                             \
    ATTNORM_SOFTMAX_FOR_SOME_LENGTHS(n, batch_tile) {                                                             \
      SoftmaxMicrokernelTester().elements(n).inplace(true).minus_inf_fraction(1.0).iterations(1).Test(ukernel, init_params); \
      SoftmaxMicrokernelTester().elements(n).inplace(true).nan_at(n - 1).minus_inf_fraction(1.0).iterations(1).Test(ukernel, init_params); \
    }                                                                                                             \
  }
#include "microkernels/f32-softmax/f32-softmax.inc"
#undef ATTNORM_UKERNEL
