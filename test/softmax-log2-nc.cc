// Tests of the softmax-to-log2-codes operator (include/attnorm.h) against a
// long-double reference: with c = 1 (2 with ATTNORM_FLAG_LOG2_SQRT2) and
// v = -c * log2(softmax(scale * x)) in long double, every code equals
// min(round_half_even(v), 2^bits - 1) (0 below 0.5), except where v lies within
//   eps = 2e-6 * c + 2^-22 * |v|
// of a half-integer, where either neighbouring code is accepted (the row sum's
// relative error, <= 1e-6 -> 1.44e-6 * c in v, and the kernel's two float
// roundings of v); the number of such elements is counted and printed.
// -inf -> 2^bits - 1; fully masked row -> all 2^bits - 1; NaN (or +inf) row ->
// all 2^bits - 1 with xnn_status_success.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pthreadpool.h>

#include <attnorm.h>

#include "src/hardware-config.h"
#include "src/softmax-config.h"

namespace {

constexpr uint8_t kSentinel = 0xA5;
constexpr size_t kCanary = 16;

size_t& Checked() {
  static size_t n = 0;
  return n;
}
size_t& Ambiguous() {
  static size_t n = 0;
  return n;
}

class SoftmaxLog2Tester {
 public:
  enum class Rows { kRandom, kSomeMasked, kFullyMasked, kNaN, kHugeNegative, kPlusInf };

  SoftmaxLog2Tester& channels(size_t v) { channels_ = v; return *this; }
  SoftmaxLog2Tester& input_stride(size_t v) { input_stride_ = v; return *this; }
  SoftmaxLog2Tester& output_stride(size_t v) { output_stride_ = v; return *this; }
  SoftmaxLog2Tester& batch_size(size_t v) { batch_size_ = v; return *this; }
  SoftmaxLog2Tester& scale(float v) { scale_ = v; return *this; }
  SoftmaxLog2Tester& bits(uint32_t v) { bits_ = v; return *this; }
  SoftmaxLog2Tester& sqrt2(bool v) { sqrt2_ = v; return *this; }
  SoftmaxLog2Tester& flags(uint32_t v) { flags_ = v; return *this; }
  SoftmaxLog2Tester& threads(size_t v) { threads_ = v; return *this; }
  SoftmaxLog2Tester& range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  SoftmaxLog2Tester& rows(Rows v) { rows_ = v; return *this; }

  size_t input_stride() const { return input_stride_ == 0 ? channels_ : input_stride_; }
  size_t output_stride() const { return output_stride_ == 0 ? channels_ : output_stride_; }

  std::vector<uint8_t> Run(const std::vector<float>& input) const {
    EXPECT_EQ(xnn_status_success, attnorm_initialize());
    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> threadpool(
        threads_ == 0 ? nullptr : pthreadpool_create(threads_), pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    EXPECT_EQ(xnn_status_success, attnorm_create_softmax_log2_nc_f32_qu8(
                                      scale_, bits_, flags_ | (sqrt2_ ? ATTNORM_FLAG_LOG2_SQRT2 : 0), &op));
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> guard(op, attnorm_delete_operator);
    std::vector<uint8_t> output((batch_size_ - 1) * output_stride() + channels_ + kCanary, kSentinel);
    EXPECT_EQ(xnn_status_success, attnorm_reshape_softmax_log2_nc_f32_qu8(op, channels_, input_stride(),
                                                                          output_stride(), batch_size_,
                                                                          threadpool.get()));
    EXPECT_EQ(xnn_status_success, attnorm_setup_softmax_log2_nc_f32_qu8(op, input.data(), output.data()));
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, threadpool.get()));
    return output;
  }

  std::vector<float> MakeInput(std::mt19937& rng) const {
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    std::vector<float> input((batch_size_ - 1) * input_stride() + channels_, 12345.678f);
    for (size_t b = 0; b < batch_size_; b++) {
      float* row = input.data() + b * input_stride();
      for (size_t c = 0; c < channels_; c++) row[c] = value(rng);
      switch (rows_) {
        case Rows::kRandom: break;
        case Rows::kSomeMasked:
          for (size_t c = 0; c < channels_; c++) {
            if (coin(rng) < 0.5) row[c] = minus_inf;
          }
          if (b % 2 == 1) row[b % channels_] = value(rng);
          break;
        case Rows::kFullyMasked:
          for (size_t c = 0; c < channels_; c++) row[c] = minus_inf;
          break;
        case Rows::kHugeNegative:
          for (size_t c = b % 2; c < channels_; c += 2) {
            static const float kHuge[] = {-1.0e9f, -1.0e30f, -std::numeric_limits<float>::max(), -3.0e4f};
            row[c] = kHuge[(c / 2) % 4];
          }
          break;
        case Rows::kNaN:
          if (b % 2 == 1) {
            if (b == 3) {
              for (size_t c = 0; c < channels_; c++) row[c] = minus_inf;
            }
            row[(b * 7919) % channels_] = std::numeric_limits<float>::quiet_NaN();
          }
          break;
        case Rows::kPlusInf:
          if (b % 2 == 1) row[(b * 7919) % channels_] = std::numeric_limits<float>::infinity();
          break;
      }
    }
    return input;
  }

  void Test() const {
    std::mt19937 rng(UINT32_C(0x10C20000) + static_cast<uint32_t>(channels_ * 31 + batch_size_ + bits_));
    const std::vector<float> input = MakeInput(rng);
    const std::vector<uint8_t> output = Run(input);
    if (::testing::Test::HasFailure()) return;
    Check(input, output);
  }

  void Check(const std::vector<float>& input, const std::vector<uint8_t>& output) const {
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    for (size_t i = output_size; i < output.size(); i++) {
      ASSERT_EQ(output[i], kSentinel) << "wrote past the output, at byte " << i;
    }
    const long double c = sqrt2_ ? 2.0L : 1.0L;
    const uint8_t code_max = uint8_t((1u << bits_) - 1);
    const long double log2e = 1.0L / std::log(2.0L);
    for (size_t b = 0; b < batch_size_; b++) {
      const float* x = input.data() + b * input_stride();
      const uint8_t* q = output.data() + b * output_stride();
      if (b + 1 < batch_size_) {
        for (size_t i = channels_; i < output_stride(); i++) {
          ASSERT_EQ(q[i], kSentinel) << "wrote into the stride gap of row " << b;
        }
      }
      bool nan_row = false, all_masked = true;
      long double max = -INFINITY;
      for (size_t i = 0; i < channels_; i++) {
        nan_row |= std::isnan(x[i]) || x[i] == std::numeric_limits<float>::infinity();
        all_masked &= x[i] == -std::numeric_limits<float>::infinity();
        if (!std::isnan(x[i])) max = std::max(max, (long double) scale_ * x[i]);
      }
      if (nan_row || all_masked) {
        for (size_t i = 0; i < channels_; i++) {
          ASSERT_EQ(int(q[i]), int(code_max)) << (nan_row ? "NaN" : "fully masked") << " row " << b << ", element " << i;
        }
        continue;
      }
      long double sum = 0.0L;
      for (size_t i = 0; i < channels_; i++) sum += std::exp((long double) scale_ * x[i] - max);
      const long double log2_sum = std::log2(sum);
      for (size_t i = 0; i < channels_; i++) {
        if (x[i] == -std::numeric_limits<float>::infinity()) {
          ASSERT_EQ(int(q[i]), int(code_max)) << "masked logit, row " << b << ", element " << i;
          continue;
        }
        const long double v = c * ((max - (long double) scale_ * x[i]) * log2e + log2_sum);
        const long double eps = 2.0e-6L * c + 0x1.0p-22L * std::abs(v);
        const int expected = v >= code_max ? code_max : v <= 0.0L ? 0 : int(std::min<long double>(std::nearbyint(v), code_max));
        Checked()++;
        const long double to_boundary = std::abs(std::abs(v - std::floor(v)) - 0.5L);
        if (to_boundary <= eps && v > -0.5L && v < code_max + 0.5L) {
          Ambiguous()++;
          const int lo = int(std::max(0.0L, std::floor(v)));
          const int hi = int(std::min<long double>(code_max, std::floor(v) + 1.0L));
          ASSERT_TRUE(q[i] == lo || q[i] == hi) << "v = " << double(v) << " near a boundary, code " << int(q[i]);
          continue;
        }
        ASSERT_EQ(int(q[i]), expected) << "row " << b << ", element " << i << ", x = " << x[i] << ", v = "
                                       << double(v) << ", bits " << bits_ << (sqrt2_ ? " sqrt2" : "")
                                       << ", channels " << channels_;
      }
    }
  }

 private:
  size_t channels_ = 1;
  size_t input_stride_ = 0;
  size_t output_stride_ = 0;
  size_t batch_size_ = 1;
  float scale_ = 1.0f;
  uint32_t bits_ = 8;
  bool sqrt2_ = false;
  uint32_t flags_ = 0;
  size_t threads_ = 0;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  Rows rows_ = Rows::kRandom;
};

struct IsaPath {
  const char* name;
  enum attnorm_isa isa;
  uint32_t flags;
};

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

class SoftmaxLog2NC : public ::testing::TestWithParam<IsaPath> {
 protected:
  void SetUp() override {
    if (!attnorm_isa_supported(GetParam().isa)) GTEST_SKIP() << "CPU lacks " << GetParam().name;
  }
  SoftmaxLog2Tester Tester() const { return SoftmaxLog2Tester().flags(GetParam().flags); }
};

TEST_P(SoftmaxLog2NC, bits_1_to_8_with_and_without_sqrt2) {
  for (uint32_t bits = 1; bits <= 8; bits++) {
    for (bool sqrt2 : {false, true}) {
      for (size_t channels : {1, 2, 7, 64, 100, 128, 257, 1000}) {
        Tester().channels(channels).batch_size(3).bits(bits).sqrt2(sqrt2).Test();
      }
    }
  }
}

TEST_P(SoftmaxLog2NC, channels_1_to_300) {
  for (size_t channels = 1; channels <= 300; channels++) {
    Tester().channels(channels).batch_size(2).Test();
  }
}

TEST_P(SoftmaxLog2NC, primes_and_long_rows) {
  for (size_t channels : {509, 2039, 4093, 4999, 32771, 65536}) {
    Tester().channels(channels).batch_size(2).threads(2).Test();
    Tester().channels(channels).batch_size(2).threads(2).sqrt2(true).bits(4).Test();
  }
  const size_t channels = attnorm_softmax_streaming_min_channels() + 17;
  Tester().channels(channels).batch_size(2).threads(2).range(-60.0f, 60.0f).Test();
}

TEST_P(SoftmaxLog2NC, scale_and_spread) {
  for (size_t channels : {7, 100, 1000, 4099}) {
    Tester().channels(channels).batch_size(2).scale(0.125f).range(-60.0f, 60.0f).Test();
    Tester().channels(channels).batch_size(2).scale(1.7f).range(90.0f, 100.0f).sqrt2(true).Test();
    Tester().channels(channels).batch_size(2).range(-500.0f, 500.0f).Test();
    Tester().channels(channels).batch_size(2).scale(0.01f).range(-10.0f, 10.0f).sqrt2(true).Test();
    Tester().channels(channels).batch_size(2).scale(1.7f).range(9000.0f, 9600.0f).Test();
  }
}

TEST_P(SoftmaxLog2NC, strides) {
  for (size_t channels : {5, 64, 100, 129, 1000}) {
    Tester().channels(channels).input_stride(channels + 3).output_stride(channels + 11).batch_size(5).Test();
  }
}

TEST_P(SoftmaxLog2NC, masked_fully_masked_nan_inf_huge_negative) {
  for (size_t channels : {1, 3, 16, 100, 256, 1000, 40000}) {
    for (auto rows : {SoftmaxLog2Tester::Rows::kSomeMasked, SoftmaxLog2Tester::Rows::kFullyMasked,
                      SoftmaxLog2Tester::Rows::kNaN, SoftmaxLog2Tester::Rows::kPlusInf,
                      SoftmaxLog2Tester::Rows::kHugeNegative}) {
      Tester().channels(channels).batch_size(6).rows(rows).Test();
      Tester().channels(channels).batch_size(6).rows(rows).bits(3).sqrt2(true).Test();
    }
  }
}

TEST_P(SoftmaxLog2NC, threads_give_identical_results) {
  for (size_t channels : {size_t(100), size_t(1000), size_t(100003)}) {
    SoftmaxLog2Tester tester = Tester().channels(channels).batch_size(7);
    std::mt19937 rng(7);
    const std::vector<float> input = tester.MakeInput(rng);
    const std::vector<uint8_t> one = tester.threads(1).Run(input);
    tester.Check(input, one);
    for (size_t threads : {0, 2, 4}) {
      const std::vector<uint8_t> other = tester.threads(threads).Run(input);
      ASSERT_EQ(one, other) << threads << " threads differ from 1 thread, channels " << channels;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(, SoftmaxLog2NC, ::testing::ValuesIn(kIsaPaths),
                         [](const ::testing::TestParamInfo<IsaPath>& info) { return std::string(info.param.name); });

class SoftmaxLog2NCErrors : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
};

TEST_F(SoftmaxLog2NCErrors, create_rejects_bad_arguments) {
  const float inf = std::numeric_limits<float>::infinity();
  attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(1);
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 8, 0, nullptr));
  for (float scale : {0.0f, -1.0f, inf, std::numeric_limits<float>::quiet_NaN(), -0.0f, 3.0e38f}) {
    op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softmax_log2_nc_f32_qu8(scale, 8, 0, &op)) << scale;
    EXPECT_EQ(op, nullptr);
  }
  for (uint32_t bits : {0u, 9u, 16u, 0xFFFFFFFFu}) {
    op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softmax_log2_nc_f32_qu8(1.0f, bits, 0, &op)) << bits;
    EXPECT_EQ(op, nullptr);
  }
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 8, UINT32_C(0x80000000), &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 8, ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
#if defined(__x86_64__)
  EXPECT_EQ(xnn_status_unsupported_hardware,
            attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 8, ATTNORM_FLAG_FORCE_NEON, &op));
#endif
}

TEST_F(SoftmaxLog2NCErrors, reshape_setup_run_order) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 4, 0, &op));
  std::vector<float> input(40, 1.0f);
  std::vector<uint8_t> output(40, 0);
  EXPECT_EQ(xnn_status_invalid_state, attnorm_setup_softmax_log2_nc_f32_qu8(op, input.data(), output.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_log2_nc_f32_qu8(op, 0, 1, 1, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_log2_nc_f32_qu8(op, 10, 9, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_log2_nc_f32_qu8(op, 10, 10, 9, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_log2_nc_f32_qu8(nullptr, 10, 10, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 10, 10, 10, 4, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_softmax_log2_nc_f32_qu8(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softmax_log2_nc_f32_qu8(op, nullptr, output.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softmax_log2_nc_f32_qu8(op, input.data(), nullptr));
  // Output overlapping the input, and "in place" (f32 in, qu8 out: never allowed).
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softmax_log2_nc_f32_qu8(
                                              op, input.data(), reinterpret_cast<uint8_t*>(input.data() + 3)));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_softmax_log2_nc_f32_qu8(op, input.data(), reinterpret_cast<uint8_t*>(input.data())));
  ASSERT_EQ(xnn_status_success, attnorm_setup_softmax_log2_nc_f32_qu8(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  // Uniform row of 10: -log2(0.1) = 3.32 -> code 3.
  EXPECT_EQ(output[0], 3);
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

class Report : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("softmax_log2: codes checked %zu, within eps of a rounding boundary (either code accepted) %zu\n",
                Checked(), Ambiguous());
  }
};
const ::testing::Environment* const kReport = ::testing::AddGlobalTestEnvironment(new Report);

}  // namespace
