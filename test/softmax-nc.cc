// Operator tests: softmax (every algorithm) and log-softmax, through every ISA
// path the CPU has (forced with ATTNORM_FLAG_FORCE_*), against a double
// reference (test/softmax-operator-tester.h).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <attnorm.h>

#include "src/hardware-config.h"
#include "test/softmax-operator-tester.h"

namespace {

struct IsaPath {
  const char* name;
  enum attnorm_isa isa;
  uint32_t flags;
};

// "auto" (no force flag), then every ISA of the target architecture, forced,
// from the ISA table (microkernels/isas.inc).
std::vector<IsaPath> TargetIsaPaths() {
  std::vector<IsaPath> paths = {{"auto", attnorm_isa_scalar, 0}};
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
  if (arch) {                                                      \
    paths.push_back({#name, isa, force_flag});                     \
  }
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
  return paths;
}

const std::vector<IsaPath> kIsaPaths = TargetIsaPaths();

// "Algorithm" of a test: one of the three softmax algorithms, auto, or log-softmax.
struct Algorithm {
  const char* name;
  attnorm_softmax_algorithm algorithm;
  bool log_softmax;
};

const Algorithm kAlgorithms[] = {
  {"two_pass", attnorm_softmax_algorithm_two_pass, false},
  {"three_pass_reload", attnorm_softmax_algorithm_three_pass_reload, false},
  {"three_pass_recompute", attnorm_softmax_algorithm_three_pass_recompute, false},
  {"online", attnorm_softmax_algorithm_online, false},
  {"auto", attnorm_softmax_algorithm_auto, false},
  {"log_softmax", attnorm_softmax_algorithm_two_pass, true},
};

class SoftmaxNC : public ::testing::TestWithParam<std::tuple<IsaPath, Algorithm>> {
 protected:
  void SetUp() override {
    if (!attnorm_isa_supported(path().isa)) {
      GTEST_SKIP() << "CPU lacks " << path().name;
    }
  }
  const IsaPath& path() const { return std::get<0>(GetParam()); }
  const Algorithm& algo() const { return std::get<1>(GetParam()); }
  SoftmaxOperatorTester Tester() const {
    return SoftmaxOperatorTester().flags(path().flags).algorithm(algo().algorithm).log_softmax(algo().log_softmax);
  }
};

TEST_P(SoftmaxNC, channels_1_to_100) {
  for (size_t channels = 1; channels <= 100; channels++) {
    Tester().channels(channels).batch_size(3).Test();
  }
}

TEST_P(SoftmaxNC, channels_primes_to_5000) {
  for (size_t channels : {101, 127, 251, 509, 1021, 2039, 3001, 4093, 4999, 5000}) {
    Tester().channels(channels).batch_size(3).Test();
  }
}

TEST_P(SoftmaxNC, attention_rows) {
  for (size_t channels : {128, 256, 512, 1024, 2048, 4096}) {
    Tester().channels(channels).batch_size(16).Test();
  }
}

TEST_P(SoftmaxNC, xnnpack_range_90_100) {
  // exp(x) alone overflows: only exp(x - max) (or the extended exponent) is finite.
  for (size_t channels : {1, 17, 1000, 4096}) {
    Tester().channels(channels).batch_size(4).range(90.0f, 100.0f).Test();
  }
}

TEST_P(SoftmaxNC, wide_range) {
  for (size_t channels : {7, 1000, 5000}) {
    Tester().channels(channels).batch_size(3).range(-500.0f, 500.0f).Test();
  }
}

TEST_P(SoftmaxNC, accuracy_at_any_spread) {
  // Every algorithm meets 1e-6 per element however far the logits spread (the
  // three-pass kernels once rounded z = scale * x - max to float and lost
  // |z| * 2^-24 here: ~5e-6 on U[-60, 60]).
  SoftmaxOperatorTester report;
  for (float scale : {1.0f, 0.125f, 1.7f}) {
    for (const auto& range : {std::make_pair(-60.0f, 60.0f), std::make_pair(90.0f, 100.0f),
                              std::make_pair(-500.0f, 500.0f)}) {
      for (size_t channels : {129, 4096, 70001}) {
        SoftmaxOperatorTester tester = Tester().channels(channels).batch_size(2).scale(scale).range(range.first,
                                                                                                 range.second);
        tester.Test();
        report.note_error(tester.max_error_seen());
      }
    }
  }
  RecordProperty("max_error", std::to_string(report.max_error_seen()));
  std::printf("max error over the spreads: %.3g\n", report.max_error_seen());
}

TEST_P(SoftmaxNC, scale) {
  for (float scale : {0.125f, 0.0883883f, 1.7f, 10.0f}) {
    Tester().channels(1000).batch_size(5).scale(scale).Test();
    Tester().channels(1000).batch_size(2).scale(scale).range(90.0f, 100.0f).Test();
  }
}

TEST_P(SoftmaxNC, strides) {
  Tester().channels(100).input_stride(117).batch_size(9).Test();
  Tester().channels(100).output_stride(131).batch_size(9).Test();
  Tester().channels(100).input_stride(103).output_stride(211).batch_size(9).Test();
}

TEST_P(SoftmaxNC, inplace) {
  for (size_t channels : {1, 13, 100, 4096}) {
    Tester().channels(channels).batch_size(5).inplace(true).Test();
  }
  Tester().channels(100).input_stride(123).batch_size(5).inplace(true).Test();
  Tester().channels(100000).batch_size(2).inplace(true).Test();
}

TEST_P(SoftmaxNC, masked) {
  for (size_t channels : {1, 7, 64, 1000, 4097}) {
    Tester().channels(channels).batch_size(6).rows(SoftmaxOperatorTester::Rows::kSomeMasked).Test();
  }
  Tester().channels(100000).batch_size(2).rows(SoftmaxOperatorTester::Rows::kSomeMasked).Test();
}

TEST_P(SoftmaxNC, huge_negative_logits) {
  for (size_t channels : {1, 2, 7, 64, 129, 1000, 4097}) {
    Tester().channels(channels).batch_size(4).rows(SoftmaxOperatorTester::Rows::kHugeNegative).Test();
  }
  Tester().channels(100000).batch_size(2).rows(SoftmaxOperatorTester::Rows::kHugeNegative).Test();
}

TEST_P(SoftmaxNC, fully_masked) {
  for (size_t channels : {1, 7, 64, 1000}) {
    Tester().channels(channels).batch_size(3).rows(SoftmaxOperatorTester::Rows::kFullyMasked).Test();
  }
  Tester().channels(100000).batch_size(2).rows(SoftmaxOperatorTester::Rows::kFullyMasked).Test();
}

TEST_P(SoftmaxNC, nan) {
  for (size_t channels : {1, 7, 64, 1000}) {
    Tester().channels(channels).batch_size(6).rows(SoftmaxOperatorTester::Rows::kNaN).Test();
  }
  Tester().channels(100000).batch_size(4).rows(SoftmaxOperatorTester::Rows::kNaN).Test();
}

TEST_P(SoftmaxNC, long_rows_split_across_tiles) {
  // Rows longer than the operator's tile (32K) are split into tiles merged in order.
  for (size_t channels : {32768, 32769, 100003, 1000000}) {
    Tester().channels(channels).batch_size(2).threads(2).Test();
  }
}

TEST_P(SoftmaxNC, threads_give_identical_results) {
  for (size_t channels : {1000, 100003}) {
    SoftmaxOperatorTester tester = Tester().channels(channels).batch_size(7);
    std::mt19937 rng(7);
    const std::vector<float> input = tester.MakeInput(rng);
    const std::vector<float> one = tester.threads(1).Run(input);
    tester.Check(input, one);
    for (size_t threads : {0, 2, 4}) {
      const std::vector<float> other = tester.threads(threads).Run(input);
      ASSERT_EQ(0, std::memcmp(one.data(), other.data(), one.size() * sizeof(float)))
          << threads << " threads differ from 1 thread, channels " << channels;
    }
  }
}

TEST_P(SoftmaxNC, one_16M_row) {
  // Plain float accumulation over 16M elements loses ~1e-3; blocked sums must not.
  SoftmaxOperatorTester tester = Tester().channels(16 << 20).batch_size(1).threads(2).range(-60.0f, 60.0f);
  tester.Test();
  std::printf("max error on a 16M row of U[-60, 60]: %.3g\n", tester.max_error_seen());
}

INSTANTIATE_TEST_SUITE_P(
    , SoftmaxNC, ::testing::Combine(::testing::ValuesIn(kIsaPaths), ::testing::ValuesIn(kAlgorithms)),
    [](const ::testing::TestParamInfo<SoftmaxNC::ParamType>& info) {
      return std::string(std::get<0>(info.param).name) + "_" + std::get<1>(info.param).name;
    });

// ---- Invalid parameters and states ------------------------------------------------

class SoftmaxNCErrors : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
};

TEST_F(SoftmaxNCErrors, create_rejects_bad_arguments) {
  attnorm_operator_t op = nullptr;
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, nullptr));
  for (float scale : {0.0f, -1.0f, std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN(),
                      -0.0f, 3.0e38f}) {
    EXPECT_EQ(xnn_status_invalid_parameter,
              attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, scale, 0, &op)) << scale;
    EXPECT_EQ(op, nullptr);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_log_softmax_nc_f32(scale, 0, &op)) << scale;
  }
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_nc_f32(static_cast<attnorm_softmax_algorithm>(17), 1.0f, 0, &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, UINT32_C(0x80000000), &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f,
                                          ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
}

TEST_F(SoftmaxNCErrors, forcing_a_missing_isa_is_unsupported_hardware) {
  attnorm_operator_t op = nullptr;
#if defined(__x86_64__)
  EXPECT_EQ(xnn_status_unsupported_hardware,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, ATTNORM_FLAG_FORCE_NEON, &op));
#else
  EXPECT_EQ(xnn_status_unsupported_hardware,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, ATTNORM_FLAG_FORCE_AVX2, &op));
#endif
  EXPECT_EQ(op, nullptr);
}

TEST_F(SoftmaxNCErrors, reshape_rejects_bad_shapes) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 0, 1, 1, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 10, 9, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 10, 10, 9, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 10, SIZE_MAX / 2, 10, 1000, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(nullptr, 10, 10, 10, 1, nullptr));
  // A failed reshape leaves the operator needing one.
  float buffer[10] = {0};
  EXPECT_EQ(xnn_status_invalid_state, attnorm_setup_softmax_nc_f32(op, buffer, buffer));
  // An operator of the other type is rejected.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_log_softmax_nc_f32(op, 10, 10, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_F(SoftmaxNCErrors, setup_and_run_order) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_log_softmax_nc_f32(1.0f, 0, &op));
  std::vector<float> input(40, 1.0f), output(40, 0.0f);
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_log_softmax_nc_f32(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_log_softmax_nc_f32(op, nullptr, output.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_log_softmax_nc_f32(op, input.data(), nullptr));
  // Overlapping but not identical buffers.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_log_softmax_nc_f32(op, input.data(), input.data() + 5));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softmax_nc_f32(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_setup_log_softmax_nc_f32(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_FLOAT_EQ(output[0], -std::log(10.0f));
  // Reshaping again requires a new setup.
  ASSERT_EQ(xnn_status_success, attnorm_reshape_log_softmax_nc_f32(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_delete_operator(nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_run_operator(nullptr, nullptr));
}

TEST_F(SoftmaxNCErrors, in_place_needs_equal_strides) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_two_pass, 1.0f, 0, &op));
  std::vector<float> buffer(100, 0.0f);
  ASSERT_EQ(xnn_status_success, attnorm_reshape_softmax_nc_f32(op, 10, 10, 20, 3, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softmax_nc_f32(op, buffer.data(), buffer.data()));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_F(SoftmaxNCErrors, batch_size_zero_is_a_no_op) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_softmax_nc_f32(op, 10, 10, 10, 0, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_setup_softmax_nc_f32(op, nullptr, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

}  // namespace
