// Tests of the clipped softmax operator (include/attnorm.h) against a
// long-double reference:
//   y = clamp((zeta - gamma) * p + gamma, 0, 1), p = softmax(scale * x),
// with |y - reference| <= 1e-6 * (zeta - gamma) * p + 2^-24 * |gamma| (the issue's
// bound before the clamp; the clamp only shrinks it), plus (zeta - gamma) * FLT_MIN
// where p < FLT_MIN (terms there may be flushed). -inf -> exactly 0; fully masked
// row -> all 0; NaN -> NaN row. Every ISA path x every algorithm path (short rows,
// three-pass reload, Two-Pass: chosen by the row length as softmax's auto rule).
#include <algorithm>
#include <cfloat>
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

constexpr float kSentinel = 12345.678f;
constexpr size_t kCanary = 16;

double& MaxErrorOverBound() {
  static double e = 0.0;
  return e;
}
double& MaxRelativeError() {  // |y - reference| / ((zeta - gamma) * p), where p >= FLT_MIN
  static double e = 0.0;
  return e;
}

class ClippedSoftmaxTester {
 public:
  enum class Rows { kRandom, kSomeMasked, kFullyMasked, kNaN, kHugeNegative };

  ClippedSoftmaxTester& channels(size_t v) { channels_ = v; return *this; }
  ClippedSoftmaxTester& input_stride(size_t v) { input_stride_ = v; return *this; }
  ClippedSoftmaxTester& output_stride(size_t v) { output_stride_ = v; return *this; }
  ClippedSoftmaxTester& batch_size(size_t v) { batch_size_ = v; return *this; }
  ClippedSoftmaxTester& scale(float v) { scale_ = v; return *this; }
  ClippedSoftmaxTester& zeta_gamma(float zeta, float gamma) { zeta_ = zeta; gamma_ = gamma; return *this; }
  ClippedSoftmaxTester& flags(uint32_t v) { flags_ = v; return *this; }
  ClippedSoftmaxTester& threads(size_t v) { threads_ = v; return *this; }
  ClippedSoftmaxTester& inplace(bool v) { inplace_ = v; return *this; }
  ClippedSoftmaxTester& range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  ClippedSoftmaxTester& rows(Rows v) { rows_ = v; return *this; }

  size_t input_stride() const { return input_stride_ == 0 ? channels_ : input_stride_; }
  size_t output_stride() const { return inplace_ ? input_stride() : (output_stride_ == 0 ? channels_ : output_stride_); }

  std::vector<float> Run(const std::vector<float>& input) const {
    EXPECT_EQ(xnn_status_success, attnorm_initialize());
    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> threadpool(
        threads_ == 0 ? nullptr : pthreadpool_create(threads_), pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    EXPECT_EQ(xnn_status_success, attnorm_create_clipped_softmax_nc_f32(scale_, zeta_, gamma_, flags_, &op));
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> guard(op, attnorm_delete_operator);
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    std::vector<float> output(inplace_ ? input : std::vector<float>(output_size + kCanary, kSentinel));
    if (inplace_) output.resize(std::max(output.size(), output_size) + kCanary, kSentinel);
    const float* in = inplace_ ? output.data() : input.data();
    EXPECT_EQ(xnn_status_success, attnorm_reshape_clipped_softmax_nc_f32(op, channels_, input_stride(),
                                                                         output_stride(), batch_size_,
                                                                         threadpool.get()));
    EXPECT_EQ(xnn_status_success, attnorm_setup_clipped_softmax_nc_f32(op, in, output.data()));
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, threadpool.get()));
    return output;
  }

  std::vector<float> MakeInput(std::mt19937& rng) const {
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    const float minus_inf = -std::numeric_limits<float>::infinity();
    std::vector<float> input((batch_size_ - 1) * input_stride() + channels_, kSentinel);
    for (size_t b = 0; b < batch_size_; b++) {
      float* row = input.data() + b * input_stride();
      for (size_t c = 0; c < channels_; c++) row[c] = value(rng);
      switch (rows_) {
        case Rows::kRandom: break;
        case Rows::kSomeMasked:
          for (size_t c = 0; c < channels_; c++) {
            if (coin(rng) < 0.5) row[c] = minus_inf;
          }
          if (b % 2 == 1) row[b % channels_] = value(rng);  // even rows may be fully masked
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
      }
    }
    return input;
  }

  void Test() const {
    std::mt19937 rng(UINT32_C(0xC11B0000) + static_cast<uint32_t>(channels_ * 31 + batch_size_));
    const std::vector<float> input = MakeInput(rng);
    const std::vector<float> output = Run(input);
    if (::testing::Test::HasFailure()) return;
    Check(input, output);
  }

  void Check(const std::vector<float>& input, const std::vector<float>& output) const {
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    for (size_t i = output_size; i < output.size(); i++) {
      ASSERT_EQ(output[i], kSentinel) << "wrote past the output, at element " << i;
    }
    const long double amplitude = (long double) zeta_ - (long double) gamma_;
    for (size_t b = 0; b < batch_size_; b++) {
      const float* x = input.data() + b * input_stride();
      const float* y = output.data() + b * output_stride();
      if (!inplace_ && b + 1 < batch_size_) {
        for (size_t c = channels_; c < output_stride(); c++) {
          ASSERT_EQ(y[c], kSentinel) << "wrote into the stride gap of row " << b;
        }
      }
      bool has_nan = false, all_masked = true;
      long double max = -INFINITY;
      for (size_t c = 0; c < channels_; c++) {
        has_nan |= std::isnan(x[c]);
        all_masked &= x[c] == -std::numeric_limits<float>::infinity();
        if (!std::isnan(x[c])) max = std::max(max, (long double) scale_ * x[c]);
      }
      if (has_nan) {
        for (size_t c = 0; c < channels_; c++) {
          ASSERT_TRUE(std::isnan(y[c])) << "row " << b << " has a NaN logit; output " << c << " = " << y[c];
        }
        continue;
      }
      if (all_masked) {
        for (size_t c = 0; c < channels_; c++) {
          ASSERT_TRUE(y[c] == 0.0f) << "fully masked row " << b << ", element " << c << " = " << y[c];
        }
        continue;
      }
      long double sum = 0.0L;
      for (size_t c = 0; c < channels_; c++) sum += std::exp((long double) scale_ * x[c] - max);
      for (size_t c = 0; c < channels_; c++) {
        if (x[c] == -std::numeric_limits<float>::infinity()) {
          ASSERT_TRUE(y[c] == 0.0f) << "masked logit, row " << b << ", element " << c << " = " << y[c];
          continue;
        }
        const long double p = std::exp((long double) scale_ * x[c] - max) / sum;
        const long double pre = amplitude * p + gamma_;
        const long double expected = std::min(std::max(pre, 0.0L), 1.0L);
        long double bound = 1.0e-6L * amplitude * p + 0x1.0p-24L * std::abs((long double) gamma_);
        if (p < FLT_MIN) bound += amplitude * FLT_MIN;
        const long double error = std::abs((long double) y[c] - expected);
        MaxErrorOverBound() = std::max(MaxErrorOverBound(), double(error / bound));
        if (p >= FLT_MIN && pre > 0.0L && pre < 1.0L) {
          MaxRelativeError() = std::max(MaxRelativeError(), double(error / (amplitude * p)));
        }
        ASSERT_TRUE(y[c] >= 0.0f && y[c] <= 1.0f) << "row " << b << ", element " << c << " = " << y[c];
        ASSERT_LE(error, bound) << "row " << b << ", element " << c << ", x = " << x[c] << ", p = " << double(p)
                                << ", zeta " << zeta_ << ", gamma " << gamma_ << ": expected " << double(expected)
                                << ", got " << y[c] << ", channels " << channels_;
      }
    }
  }

 private:
  size_t channels_ = 1;
  size_t input_stride_ = 0;
  size_t output_stride_ = 0;
  size_t batch_size_ = 1;
  float scale_ = 1.0f;
  float zeta_ = 1.0f;
  float gamma_ = -0.03f;
  uint32_t flags_ = 0;
  size_t threads_ = 0;
  bool inplace_ = false;
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

struct ZetaGamma {
  float zeta, gamma;
};
// The paper's zeta = 1, gamma = -alpha / T (alpha = 4, T = 128); softmax itself; a wider stretch; large.
const ZetaGamma kZetaGammas[] = {{1.0f, -4.0f / 128.0f}, {1.0f, 0.0f}, {1.003f, -0.5f}, {2.0f, -1.0e-4f},
                                 {1.0e3f, -1.0e3f}};

class ClippedSoftmaxNC : public ::testing::TestWithParam<IsaPath> {
 protected:
  void SetUp() override {
    if (!attnorm_isa_supported(GetParam().isa)) GTEST_SKIP() << "CPU lacks " << GetParam().name;
  }
  ClippedSoftmaxTester Tester() const { return ClippedSoftmaxTester().flags(GetParam().flags); }
};

TEST_P(ClippedSoftmaxNC, short_and_reload_rows_1_to_300) {
  // Short rows (up to 64 / 128 / 256 by ISA) and three-pass reload beyond.
  for (size_t channels = 1; channels <= 300; channels++) {
    for (const ZetaGamma& zg : kZetaGammas) {
      Tester().channels(channels).batch_size(3).zeta_gamma(zg.zeta, zg.gamma).Test();
    }
  }
}

TEST_P(ClippedSoftmaxNC, primes_to_5000) {
  for (size_t channels : {257, 509, 1021, 2039, 4093, 4999}) {
    for (const ZetaGamma& zg : kZetaGammas) {
      Tester().channels(channels).batch_size(3).zeta_gamma(zg.zeta, zg.gamma).Test();
    }
  }
}

TEST_P(ClippedSoftmaxNC, rows_to_64K) {
  // 32K+ rows are split into tiles (reload across tiles).
  for (size_t channels : {8192, 32768, 32771, 65536}) {
    Tester().channels(channels).batch_size(2).threads(2).zeta_gamma(1.0f, -4.0f / channels).Test();
  }
}

TEST_P(ClippedSoftmaxNC, two_pass_long_row) {
  // Beyond attnorm_softmax_streaming_min_channels(): the Two-Pass path.
  const size_t channels = attnorm_softmax_streaming_min_channels() + 17;
  Tester().channels(channels).batch_size(2).threads(2).zeta_gamma(1.0f, -4.0f / channels).range(-60, 60).Test();
  Tester().channels(channels).batch_size(1).zeta_gamma(1.003f, -0.5f).Test();
  Tester().channels(channels).batch_size(4).threads(2).rows(ClippedSoftmaxTester::Rows::kSomeMasked).Test();
  Tester().channels(channels).batch_size(4).threads(2).rows(ClippedSoftmaxTester::Rows::kNaN).Test();
  Tester().channels(channels).batch_size(2).rows(ClippedSoftmaxTester::Rows::kHugeNegative).Test();
}

TEST_P(ClippedSoftmaxNC, scale_and_spread) {
  for (size_t channels : {7, 100, 250, 1000, 4099}) {
    Tester().channels(channels).batch_size(2).scale(0.125f).range(-60.0f, 60.0f).Test();
    Tester().channels(channels).batch_size(2).scale(1.7f).range(90.0f, 100.0f).Test();
    Tester().channels(channels).batch_size(2).range(-500.0f, 500.0f).zeta_gamma(1.0f, -0.25f).Test();
  }
}

TEST_P(ClippedSoftmaxNC, strides) {
  for (size_t channels : {5, 64, 100, 129, 257, 1000}) {
    Tester().channels(channels).input_stride(channels + 3).output_stride(channels + 11).batch_size(5).Test();
  }
}

TEST_P(ClippedSoftmaxNC, inplace) {
  for (size_t channels : {5, 64, 100, 255, 1000, 40000}) {
    Tester().channels(channels).input_stride(channels + 7).batch_size(3).inplace(true).Test();
  }
  const size_t channels = attnorm_softmax_streaming_min_channels() + 5;
  Tester().channels(channels).batch_size(1).inplace(true).Test();
}

TEST_P(ClippedSoftmaxNC, masked_fully_masked_nan_huge_negative) {
  for (size_t channels : {1, 3, 16, 64, 100, 200, 256, 1000, 40000}) {
    for (auto rows : {ClippedSoftmaxTester::Rows::kSomeMasked, ClippedSoftmaxTester::Rows::kFullyMasked,
                      ClippedSoftmaxTester::Rows::kNaN, ClippedSoftmaxTester::Rows::kHugeNegative}) {
      Tester().channels(channels).batch_size(6).rows(rows).Test();
      Tester().channels(channels).batch_size(6).rows(rows).zeta_gamma(1.0f, 0.0f).Test();
    }
  }
}

TEST_P(ClippedSoftmaxNC, threads_give_identical_results) {
  for (size_t channels : {size_t(100), size_t(1000), size_t(100003), attnorm_softmax_streaming_min_channels() + 3}) {
    ClippedSoftmaxTester tester = Tester().channels(channels).batch_size(7);
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

INSTANTIATE_TEST_SUITE_P(, ClippedSoftmaxNC, ::testing::ValuesIn(kIsaPaths),
                         [](const ::testing::TestParamInfo<IsaPath>& info) { return std::string(info.param.name); });

// ---- Invalid parameters and states ------------------------------------------------

class ClippedSoftmaxNCErrors : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
};

TEST_F(ClippedSoftmaxNCErrors, create_rejects_bad_arguments) {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(1);
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, 0.0f, 0, nullptr));
  for (float scale : {0.0f, -1.0f, inf, nan, -0.0f, 3.0e38f}) {
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_clipped_softmax_nc_f32(scale, 1.0f, 0.0f, 0, &op)) << scale;
    EXPECT_EQ(op, nullptr);
  }
  for (float zeta : {0.999f, 0.0f, -1.0f, inf, nan, -inf}) {
    op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_clipped_softmax_nc_f32(1.0f, zeta, 0.0f, 0, &op)) << zeta;
    EXPECT_EQ(op, nullptr);
  }
  for (float gamma : {1.0e-9f, 0.5f, inf, -inf, nan}) {
    op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, gamma, 0, &op)) << gamma;
    EXPECT_EQ(op, nullptr);
  }
  // (zeta - gamma) beyond 2^120.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0e37f, -1.0e37f, 0, &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, 0.0f, UINT32_C(0x80000000), &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, 0.0f, ATTNORM_FLAG_LOG2_SQRT2, &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, 0.0f,
                                                  ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
  // Edge values that are valid: zeta = 1, gamma = 0, -0.
  for (float gamma : {0.0f, -0.0f, -1.0e30f}) {
    ASSERT_EQ(xnn_status_success, attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, gamma, 0, &op));
    EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  }
}

TEST_F(ClippedSoftmaxNCErrors, reshape_setup_run_order) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, -0.03f, 0, &op));
  std::vector<float> input(40, 1.0f), output(40, 0.0f);
  EXPECT_EQ(xnn_status_invalid_state, attnorm_setup_clipped_softmax_nc_f32(op, input.data(), output.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_clipped_softmax_nc_f32(op, 0, 1, 1, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_clipped_softmax_nc_f32(op, 10, 9, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_clipped_softmax_nc_f32(op, 10, 10, 9, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_clipped_softmax_nc_f32(nullptr, 10, 10, 10, 1, nullptr));
  // An operator of another type is rejected.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softmax_nc_f32(op, 10, 10, 10, 4, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_clipped_softmax_nc_f32(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_clipped_softmax_nc_f32(op, nullptr, output.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_clipped_softmax_nc_f32(op, input.data(), nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_clipped_softmax_nc_f32(op, input.data(), input.data() + 5));
  ASSERT_EQ(xnn_status_success, attnorm_setup_clipped_softmax_nc_f32(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  // Uniform row: p = 0.1, y = 1.03 * 0.1 - 0.03 = 0.073.
  EXPECT_NEAR(output[0], 0.073f, 1e-7f);
  ASSERT_EQ(xnn_status_success, attnorm_reshape_clipped_softmax_nc_f32(op, 10, 10, 20, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  // In place needs equal strides.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_clipped_softmax_nc_f32(op, input.data(), input.data()));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_F(ClippedSoftmaxNCErrors, forcing_a_missing_isa_is_unsupported_hardware) {
  attnorm_operator_t op = nullptr;
#if defined(__x86_64__)
  EXPECT_EQ(xnn_status_unsupported_hardware,
            attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, 0.0f, ATTNORM_FLAG_FORCE_NEON, &op));
#endif
  EXPECT_EQ(op, nullptr);
}

class Report : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("clipped softmax: max error / bound %.3g, max error / ((zeta - gamma) * p) %.3g\n",
                MaxErrorOverBound(), MaxRelativeError());
  }
};
const ::testing::Environment* const kReport = ::testing::AddGlobalTestEnvironment(new Report);

}  // namespace
