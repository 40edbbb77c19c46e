// Helpers shared by the microkernel testers.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "src/hardware-config.h"

// Skips (never fails) a test when the CPU lacks the kernel's ISA.
#define TEST_REQUIRES_ISA(isa)                                          \
  do {                                                                  \
    if (!attnorm_isa_supported(isa)) {                                  \
      GTEST_SKIP() << "CPU lacks " << attnorm_isa_name(isa);            \
    }                                                                   \
  } while (0)

// The four batch-size cases every kernel gets, named after its batch tile as in
// XNNPACK: exactly one tile, multiples, fewer elements (the remainder path
// alone), and more (main loop plus remainder). test_args: the parenthesized
// arguments of Tester::Test, e.g. (ukernel, init_params).
#define ATTNORM_TEST_BATCH_SIZES(Tester, isa, ukernel, batch_tile, test_args)                      \
  TEST(ukernel, elements_eq_##batch_tile) {                                             \
    TEST_REQUIRES_ISA(isa);                                                             \
    Tester().elements(batch_tile).Test test_args;                                      \
  }                                                                                     \
  TEST(ukernel, elements_div_##batch_tile) {                                            \
    TEST_REQUIRES_ISA(isa);                                                             \
    for (size_t n = 2 * batch_tile; n < 10 * batch_tile; n += batch_tile) {             \
      Tester().elements(n).Test test_args;                                             \
    }                                                                                   \
  }                                                                                     \
  TEST(ukernel, elements_lt_##batch_tile) {                                             \
    TEST_REQUIRES_ISA(isa);                                                             \
    for (size_t n = 1; n < batch_tile; n++) {                                           \
      Tester().elements(n).Test test_args;                                             \
    }                                                                                   \
  }                                                                                     \
  TEST(ukernel, elements_gt_##batch_tile) {                                             \
    TEST_REQUIRES_ISA(isa);                                                             \
    for (size_t n = batch_tile + 1; n < (batch_tile == 1 ? 10 : 2 * batch_tile); n++) { \
      Tester().elements(n).Test test_args;                                             \
    }                                                                                   \
  }

namespace attnorm {

// Number of canary floats after every output buffer.
constexpr size_t kCanaryFloats = 16;

// A float buffer of n elements followed by kCanaryFloats canaries with a bit
// pattern no kernel produces (a signaling NaN with a payload).
class GuardedBuffer {
 public:
  explicit GuardedBuffer(size_t n) : n_(n), data_(n + kCanaryFloats) {
    for (size_t i = 0; i < kCanaryFloats; i++) {
      std::memcpy(&data_[n + i], &kCanaryBits, sizeof(float));
    }
  }
  float* data() { return data_.data(); }
  const float* data() const { return data_.data(); }
  float& operator[](size_t i) { return data_[i]; }
  float operator[](size_t i) const { return data_[i]; }
  size_t size() const { return n_; }
  // True when no canary was overwritten.
  bool CanariesIntact() const {
    for (size_t i = 0; i < kCanaryFloats; i++) {
      uint32_t bits;
      std::memcpy(&bits, &data_[n_ + i], sizeof(bits));
      if (bits != kCanaryBits) return false;
    }
    return true;
  }

 private:
  static constexpr uint32_t kCanaryBits = UINT32_C(0x7FA0CAFE);
  size_t n_;
  std::vector<float> data_;
};

// |actual - expected| / |expected|; 0 when both are equal (including both 0),
// +inf when expected is 0 and actual is not.
inline double RelativeError(double actual, double expected) {
  if (actual == expected) return 0.0;
  return std::abs(actual - expected) / std::abs(expected);
}

}  // namespace attnorm
