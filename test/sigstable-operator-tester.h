// Tester of the sigmoid-attention, StableMax and LogStableMax operators
// (include/attnorm.h) against a long-double reference fed the same float
// inputs and parameters.
//
// Accuracy checked (issue 7's contract; derivations in the kernel headers):
//   sigmoid attention: relative 1e-6 + |z| * 2^-24 per element, z = fl(scale*x + bias)
//                      (the rounding of the named intermediate z); reference
//                      below FLT_MIN: within FLT_MIN, never negative.
//                      -inf -> 0, +inf -> 1, NaN -> NaN in that element only.
//   StableMax:         relative 1e-6 per element (z is never rounded on its own:
//                      1 +- z are FMAs of x); reference below FLT_MIN: within
//                      FLT_MIN. -inf -> 0; all -inf -> all 0; NaN or +inf -> NaN row.
//   LogStableMax:      |error| <= 1e-6 * max(1, |y|) + 2^-24 * |log s| (rounding
//                      the named intermediate log s to float). -inf -> -inf;
//                      all -inf -> all -inf; NaN or +inf -> NaN row.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <pthreadpool.h>

#include <attnorm.h>

#include "src/hardware-config.h"

enum class SigStableOp { kSigmoid, kStableMax, kLogStableMax };

class SigStableOperatorTester {
 public:
  enum class Rows { kRandom, kSomeMasked, kFullyMasked, kNaN, kPlusInf, kHuge };

  SigStableOperatorTester& op(SigStableOp v) { op_ = v; return *this; }
  SigStableOperatorTester& channels(size_t v) { channels_ = v; return *this; }
  SigStableOperatorTester& input_stride(size_t v) { input_stride_ = v; return *this; }
  SigStableOperatorTester& output_stride(size_t v) { output_stride_ = v; return *this; }
  SigStableOperatorTester& batch_size(size_t v) { batch_size_ = v; return *this; }
  SigStableOperatorTester& scale(float v) { scale_ = v; return *this; }
  SigStableOperatorTester& bias(float v) { bias_ = v; return *this; }
  SigStableOperatorTester& flags(uint32_t v) { flags_ = v; return *this; }
  SigStableOperatorTester& threads(size_t v) { threads_ = v; return *this; }
  SigStableOperatorTester& inplace(bool v) { inplace_ = v; return *this; }
  SigStableOperatorTester& range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  SigStableOperatorTester& rows(Rows v) { rows_ = v; return *this; }
  SigStableOperatorTester& iterations(size_t v) { iterations_ = v; return *this; }

  size_t input_stride() const { return input_stride_ == 0 ? channels_ : input_stride_; }
  size_t output_stride() const { return inplace_ ? input_stride() : (output_stride_ == 0 ? channels_ : output_stride_); }

  enum xnn_status Create(attnorm_operator_t* op) const {
    switch (op_) {
      case SigStableOp::kSigmoid: return attnorm_create_sigmoid_attention_nc_f32(scale_, bias_, flags_, op);
      case SigStableOp::kStableMax: return attnorm_create_stablemax_nc_f32(scale_, flags_, op);
      case SigStableOp::kLogStableMax: return attnorm_create_log_stablemax_nc_f32(scale_, flags_, op);
    }
    return xnn_status_invalid_parameter;
  }
  enum xnn_status Reshape(attnorm_operator_t op, pthreadpool_t threadpool) const {
    switch (op_) {
      case SigStableOp::kSigmoid:
        return attnorm_reshape_sigmoid_attention_nc_f32(op, channels_, input_stride(), output_stride(), batch_size_,
                                                        threadpool);
      case SigStableOp::kStableMax:
        return attnorm_reshape_stablemax_nc_f32(op, channels_, input_stride(), output_stride(), batch_size_,
                                                threadpool);
      case SigStableOp::kLogStableMax:
        return attnorm_reshape_log_stablemax_nc_f32(op, channels_, input_stride(), output_stride(), batch_size_,
                                                    threadpool);
    }
    return xnn_status_invalid_parameter;
  }
  enum xnn_status Setup(attnorm_operator_t op, const float* input, float* output) const {
    switch (op_) {
      case SigStableOp::kSigmoid: return attnorm_setup_sigmoid_attention_nc_f32(op, input, output);
      case SigStableOp::kStableMax: return attnorm_setup_stablemax_nc_f32(op, input, output);
      case SigStableOp::kLogStableMax: return attnorm_setup_log_stablemax_nc_f32(op, input, output);
    }
    return xnn_status_invalid_parameter;
  }

  // Runs the operator; returns its output (all rows, with strides, sentinels and canaries).
  std::vector<float> Run(const std::vector<float>& input) const {
    EXPECT_EQ(xnn_status_success, attnorm_initialize());
    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> threadpool(
        threads_ == 0 ? nullptr : pthreadpool_create(threads_), pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    EXPECT_EQ(xnn_status_success, Create(&op));
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> guard(op, attnorm_delete_operator);
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    std::vector<float> output(inplace_ ? input : std::vector<float>(output_size + kCanary, kSentinel));
    if (inplace_) output.resize(std::max(output.size(), output_size) + kCanary, kSentinel);
    const float* in = inplace_ ? output.data() : input.data();
    EXPECT_EQ(xnn_status_success, Reshape(op, threadpool.get()));
    EXPECT_EQ(xnn_status_success, Setup(op, in, output.data()));
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, threadpool.get()));
    return output;
  }

  std::vector<float> MakeInput(std::mt19937& rng) const {
    const float inf = std::numeric_limits<float>::infinity();
    std::uniform_real_distribution<float> value(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    const size_t input_size = (batch_size_ - 1) * input_stride() + channels_;
    std::vector<float> input(input_size, kSentinel);
    for (size_t b = 0; b < batch_size_; b++) {
      float* row = input.data() + b * input_stride();
      for (size_t c = 0; c < channels_; c++) row[c] = value(rng);
      switch (rows_) {
        case Rows::kRandom: break;
        case Rows::kSomeMasked:
          for (size_t c = 0; c < channels_; c++) {
            if (coin(rng) < 0.5) row[c] = -inf;
          }
          if (b % 2 == 1) row[b % channels_] = value(rng);  // odd rows keep a finite logit
          break;
        case Rows::kFullyMasked:
          for (size_t c = 0; c < channels_; c++) row[c] = -inf;
          break;
        case Rows::kNaN:
          // NaN in odd rows; row 3 among -inf only.
          if (b % 2 == 1) {
            if (b == 3) {
              for (size_t c = 0; c < channels_; c++) row[c] = -inf;
            }
            row[(b * 7919) % channels_] = std::numeric_limits<float>::quiet_NaN();
          }
          break;
        case Rows::kPlusInf:
          // +inf in odd rows (row 3 twice, among -inf), finite elsewhere.
          if (b % 2 == 1) {
            if (b == 3) {
              for (size_t c = 0; c < channels_; c++) row[c] = -inf;
              row[0] = inf;
            }
            row[(b * 7919) % channels_] = inf;
          }
          break;
        case Rows::kHuge: {
          // Finite logits of huge magnitude: row 0 -> float sums overflow; row 1
          // -> every term underflows (StableMax: the exact path); row 2 mixed with
          // masks written as -1e9 / -FLT_MAX.
          static const float kHuge[] = {3.0e38f, -3.0e38f, -1.0e9f, -std::numeric_limits<float>::max()};
          for (size_t c = 0; c < channels_; c++) {
            if (b % 3 == 0) row[c] = kHuge[0] * float(0.5 + 0.5 * coin(rng));
            if (b % 3 == 1) row[c] = kHuge[1] * float(0.5 + 0.5 * coin(rng));
            if (b % 3 == 2 && c % 2 == 1) row[c] = kHuge[2 + (c / 2) % 2];
          }
          break;
        }
      }
    }
    return input;
  }

  void Test() const {
    std::mt19937 rng(UINT32_C(0x5157AB00) + static_cast<uint32_t>(channels_ * 31 + batch_size_));
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      const std::vector<float> input = MakeInput(rng);
      const std::vector<float> output = Run(input);
      if (::testing::Test::HasFailure()) return;
      Check(input, output);
      if (::testing::Test::HasFailure()) return;
    }
  }

  void Check(const std::vector<float>& input, const std::vector<float>& output) const {
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    for (size_t i = output_size; i < output.size(); i++) {
      ASSERT_TRUE(output[i] == kSentinel) << "wrote past the output, at element " << i;
    }
    for (size_t b = 0; b < batch_size_; b++) {
      const float* x = input.data() + b * input_stride();
      const float* y = output.data() + b * output_stride();
      if (!inplace_ && b + 1 < batch_size_) {
        for (size_t c = channels_; c < output_stride(); c++) {
          ASSERT_TRUE(y[c] == kSentinel) << "wrote into the stride gap of row " << b;
        }
      }
      if (op_ == SigStableOp::kSigmoid) {
        CheckSigmoidRow(b, x, y);
      } else {
        CheckStableMaxRow(b, x, y);
      }
      if (::testing::Test::HasFatalFailure()) return;
    }
  }

  double max_error_seen() const { return max_error_seen_; }
  void note_error(double error) { max_error_seen_ = std::max(max_error_seen_, error); }

 private:
  void CheckSigmoidRow(size_t b, const float* x, const float* y) const {
    for (size_t c = 0; c < channels_; c++) {
      if (std::isnan(x[c])) {
        ASSERT_TRUE(std::isnan(y[c])) << "row " << b << ", element " << c;
        continue;
      }
      if (std::isinf(x[c])) {
        ASSERT_EQ(y[c], x[c] < 0 ? 0.0f : 1.0f) << "row " << b << ", element " << c << ", x = " << x[c];
        continue;
      }
      ASSERT_FALSE(std::isnan(y[c])) << "a NaN output from a finite x, row " << b << ", element " << c;
      const long double z = static_cast<long double>(x[c]) * scale_ + bias_;
      const long double expected = 1.0L / (1.0L + std::exp(-z));
      if (expected < FLT_MIN) {
        ASSERT_GE(y[c], 0.0f);
        ASSERT_LE(std::abs(double(y[c]) - double(expected)), double(FLT_MIN)) << "row " << b << ", x = " << x[c];
        continue;
      }
      const float zf = std::fma(x[c], scale_, bias_);
      const double error = double(std::abs((static_cast<long double>(y[c]) - expected) / expected));
      max_error_seen_ = std::max(max_error_seen_, error);
      ASSERT_LE(error, 1.0e-6 + std::abs(double(zf)) * 0x1.0p-24)
          << "row " << b << ", element " << c << ", x = " << x[c] << ", expected " << double(expected) << ", got "
          << y[c] << ", channels " << channels_;
    }
  }

  void CheckStableMaxRow(size_t b, const float* x, const float* y) const {
    const bool log = op_ == SigStableOp::kLogStableMax;
    const float inf = std::numeric_limits<float>::infinity();
    bool nan_row = false, all_masked = true;
    for (size_t c = 0; c < channels_; c++) {
      nan_row |= std::isnan(x[c]) || x[c] == inf;
      all_masked &= x[c] == -inf;
    }
    if (nan_row) {
      for (size_t c = 0; c < channels_; c++) {
        ASSERT_TRUE(std::isnan(y[c])) << "row " << b << " has NaN or +inf; output " << c << " = " << y[c];
      }
      return;
    }
    if (all_masked) {
      for (size_t c = 0; c < channels_; c++) {
        ASSERT_EQ(y[c], log ? -inf : 0.0f) << "fully masked row " << b << ", element " << c;
      }
      return;
    }
    std::vector<long double> s(channels_), log_s(channels_);
    long double sum = 0.0L;
    for (size_t c = 0; c < channels_; c++) {
      const long double z = static_cast<long double>(x[c]) * scale_;
      s[c] = z >= 0 ? z + 1.0L : 1.0L / (1.0L - z);
      log_s[c] = z >= 0 ? std::log1p(z) : -std::log1p(-z);
      sum += s[c];
    }
    const long double log_sum = std::log(sum);
    for (size_t c = 0; c < channels_; c++) {
      if (x[c] == -inf) {
        ASSERT_EQ(y[c], log ? -inf : 0.0f) << "masked logit, row " << b << ", element " << c;
        continue;
      }
      if (log) {
        const long double expected = log_s[c] - log_sum;
        const double scale_of_y = std::max(1.0, std::abs(double(expected)));
        const double error = double(std::abs(static_cast<long double>(y[c]) - expected));
        max_error_seen_ = std::max(max_error_seen_, error / scale_of_y);
        ASSERT_LE(error, 1.0e-6 * scale_of_y + 0x1.0p-24 * std::abs(double(log_s[c])))
            << "row " << b << ", element " << c << ", x = " << x[c] << ", expected " << double(expected)
            << ", got " << y[c] << ", channels " << channels_;
      } else {
        const long double expected = s[c] / sum;
        if (expected < FLT_MIN) {
          ASSERT_GE(y[c], 0.0f) << "row " << b << ", element " << c;
          ASSERT_LE(std::abs(double(y[c]) - double(expected)), double(FLT_MIN)) << "row " << b << ", x = " << x[c];
          continue;
        }
        const double error = double(std::abs((static_cast<long double>(y[c]) - expected) / expected));
        max_error_seen_ = std::max(max_error_seen_, error);
        ASSERT_LE(error, 1.0e-6) << "row " << b << ", element " << c << ", x = " << x[c] << ", expected "
                                 << double(expected) << ", got " << y[c] << ", channels " << channels_;
      }
    }
  }

  static constexpr size_t kCanary = 16;
  static constexpr float kSentinel = 12345.678f;

  SigStableOp op_ = SigStableOp::kSigmoid;
  size_t channels_ = 1;
  size_t input_stride_ = 0;
  size_t output_stride_ = 0;
  size_t batch_size_ = 1;
  float scale_ = 1.0f;
  float bias_ = 0.0f;
  uint32_t flags_ = 0;
  size_t threads_ = 0;
  bool inplace_ = false;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  Rows rows_ = Rows::kRandom;
  size_t iterations_ = 1;
  mutable double max_error_seen_ = 0.0;
};
