// The operator test cases shared by test/sigmoid-attention-nc.cc and
// test/stablemax-nc.cc: every case runs for each (ISA path, operator) of the
// including file's INSTANTIATE_TEST_SUITE_P. Included once per test binary.
#pragma once

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
#include "test/sigstable-operator-tester.h"

namespace sigstable_test {

struct IsaPath {
  const char* name;
  enum attnorm_isa isa;
  uint32_t flags;
};

// "auto" (no force flag), then every ISA of the target architecture, forced.
inline std::vector<IsaPath> TargetIsaPaths() {
  std::vector<IsaPath> paths = {{"auto", attnorm_isa_scalar, 0}};
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
  if (arch) {                                                      \
    paths.push_back({#name, isa, force_flag});                     \
  }
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
  return paths;
}

struct OpParam {
  const char* name;
  SigStableOp op;
};

class SigStableNC : public ::testing::TestWithParam<std::tuple<IsaPath, OpParam>> {
 protected:
  void SetUp() override {
    if (!attnorm_isa_supported(path().isa)) {
      GTEST_SKIP() << "CPU lacks " << path().name;
    }
  }
  const IsaPath& path() const { return std::get<0>(GetParam()); }
  SigStableOp op() const { return std::get<1>(GetParam()).op; }
  SigStableOperatorTester Tester() const {
    SigStableOperatorTester tester = SigStableOperatorTester().flags(path().flags).op(op());
    // Sigmoid attention: the paper's bias for n = 2048 and 1/sqrt(64).
    if (op() == SigStableOp::kSigmoid) tester.scale(0.125f).bias(-7.6246189f);
    return tester;
  }
};

TEST_P(SigStableNC, channels_1_to_100) {
  for (size_t channels = 1; channels <= 100; channels++) {
    Tester().channels(channels).batch_size(3).Test();
  }
}

TEST_P(SigStableNC, channels_primes_to_64K) {
  for (size_t channels : {101, 127, 251, 509, 1021, 2039, 3001, 4093, 4999, 5000, 8191, 16381, 32749, 65521,
                          65536}) {
    Tester().channels(channels).batch_size(2).Test();
  }
}

TEST_P(SigStableNC, attention_rows) {
  for (size_t channels : {128, 256, 512, 1024, 2048, 4096}) {
    Tester().channels(channels).batch_size(16).Test();
  }
}

TEST_P(SigStableNC, accuracy_over_ranges_and_scales) {
  SigStableOperatorTester report;
  for (float scale : {1.0f, 0.125f, 1.7f, 1.0e-3f, 40.0f}) {
    for (const auto& range : {std::make_pair(-10.0f, 10.0f), std::make_pair(-100.0f, 100.0f),
                              std::make_pair(-1.0e-3f, 1.0e-3f), std::make_pair(90.0f, 100.0f),
                              std::make_pair(-1.0e6f, 1.0e6f)}) {
      for (float bias : {0.0f, -7.6246189f, 3.0f}) {
        SigStableOperatorTester tester =
            Tester().channels(1031).batch_size(2).scale(scale).bias(bias).range(range.first, range.second);
        tester.Test();
        report.note_error(tester.max_error_seen());
        if (op() != SigStableOp::kSigmoid) break;  // bias is sigmoid's alone
      }
    }
  }
  RecordProperty("max_error", std::to_string(report.max_error_seen()));
  std::printf("max error over the ranges and scales: %.3g\n", report.max_error_seen());
}

TEST_P(SigStableNC, strides) {
  Tester().channels(100).input_stride(117).batch_size(9).Test();
  Tester().channels(100).output_stride(131).batch_size(9).Test();
  Tester().channels(100).input_stride(103).output_stride(211).batch_size(9).Test();
  Tester().channels(33000).input_stride(33011).output_stride(33013).batch_size(3).threads(2).Test();
}

TEST_P(SigStableNC, inplace) {
  for (size_t channels : {1, 13, 100, 4096}) {
    Tester().channels(channels).batch_size(5).inplace(true).Test();
  }
  Tester().channels(100).input_stride(123).batch_size(5).inplace(true).Test();
  Tester().channels(100000).batch_size(2).inplace(true).Test();
}

TEST_P(SigStableNC, masked) {
  for (size_t channels : {1, 7, 64, 1000, 4097}) {
    Tester().channels(channels).batch_size(6).rows(SigStableOperatorTester::Rows::kSomeMasked).Test();
  }
  Tester().channels(100000).batch_size(2).rows(SigStableOperatorTester::Rows::kSomeMasked).Test();
}

TEST_P(SigStableNC, fully_masked) {
  for (size_t channels : {1, 7, 64, 1000}) {
    Tester().channels(channels).batch_size(3).rows(SigStableOperatorTester::Rows::kFullyMasked).Test();
  }
  Tester().channels(100000).batch_size(2).rows(SigStableOperatorTester::Rows::kFullyMasked).Test();
}

TEST_P(SigStableNC, nan) {
  for (size_t channels : {1, 7, 64, 1000}) {
    Tester().channels(channels).batch_size(6).rows(SigStableOperatorTester::Rows::kNaN).Test();
  }
  Tester().channels(100000).batch_size(4).rows(SigStableOperatorTester::Rows::kNaN).Test();
}

TEST_P(SigStableNC, plus_inf) {
  for (size_t channels : {1, 7, 64, 1000}) {
    Tester().channels(channels).batch_size(6).rows(SigStableOperatorTester::Rows::kPlusInf).Test();
  }
  Tester().channels(100000).batch_size(4).rows(SigStableOperatorTester::Rows::kPlusInf).Test();
}

TEST_P(SigStableNC, huge_finite_logits) {
  for (size_t channels : {1, 2, 7, 64, 129, 1000, 4097}) {
    Tester().channels(channels).batch_size(6).rows(SigStableOperatorTester::Rows::kHuge).Test();
  }
  Tester().channels(100000).batch_size(3).rows(SigStableOperatorTester::Rows::kHuge).Test();
}

TEST_P(SigStableNC, long_rows_split_across_tiles) {
  for (size_t channels : {32768, 32769, 100003, 1000000}) {
    Tester().channels(channels).batch_size(2).threads(2).Test();
  }
}

TEST_P(SigStableNC, threads_give_identical_results) {
  for (size_t channels : {1000, 100003}) {
    SigStableOperatorTester tester = Tester().channels(channels).batch_size(7);
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

TEST_P(SigStableNC, one_4M_row) {
  // Plain float accumulation over 4M elements would lose ~1e-4; blocked sums must not.
  SigStableOperatorTester tester = Tester().channels(4 << 20).batch_size(1).threads(2).range(-100.0f, 100.0f);
  tester.Test();
  std::printf("max error on a 4M row of U[-100, 100]: %.3g\n", tester.max_error_seen());
}

inline std::string ParamName(const ::testing::TestParamInfo<SigStableNC::ParamType>& info) {
  return std::string(std::get<0>(info.param).name) + "_" + std::get<1>(info.param).name;
}

}  // namespace sigstable_test
