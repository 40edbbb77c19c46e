// Tester of the softmax and log-softmax operators (include/attnorm.h) against
// a double-precision reference.
//
// Accuracy checked (issue contract), for every algorithm, any logit spread and
// any row length, |scale * x| <= 2^14:
//   softmax:     per-element relative error <= 1e-6; where the reference is
//                below FLT_MIN the output may be anything in [0, FLT_MIN).
//   log-softmax: |error| <= 1e-6 * max(1, |reference|, |scale * x|) (the
//                output is a difference of values of that size).
//   -inf logits: exactly 0 (log: -inf). All -inf row: all 0 (log: all -inf).
//   NaN in a row: NaN in every element of that row.
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
#include "src/softmax-config.h"

class SoftmaxOperatorTester {
 public:
  enum class Rows { kRandom, kSomeMasked, kFullyMasked, kNaN, kHugeNegative };

  SoftmaxOperatorTester& channels(size_t v) { channels_ = v; return *this; }
  SoftmaxOperatorTester& input_stride(size_t v) { input_stride_ = v; return *this; }
  SoftmaxOperatorTester& output_stride(size_t v) { output_stride_ = v; return *this; }
  SoftmaxOperatorTester& batch_size(size_t v) { batch_size_ = v; return *this; }
  SoftmaxOperatorTester& scale(float v) { scale_ = v; return *this; }
  SoftmaxOperatorTester& algorithm(attnorm_softmax_algorithm v) { algorithm_ = v; return *this; }
  SoftmaxOperatorTester& log_softmax(bool v) { log_softmax_ = v; return *this; }
  SoftmaxOperatorTester& flags(uint32_t v) { flags_ = v; return *this; }
  SoftmaxOperatorTester& threads(size_t v) { threads_ = v; return *this; }
  SoftmaxOperatorTester& inplace(bool v) { inplace_ = v; return *this; }
  SoftmaxOperatorTester& range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  SoftmaxOperatorTester& rows(Rows v) { rows_ = v; return *this; }
  SoftmaxOperatorTester& iterations(size_t v) { iterations_ = v; return *this; }

  size_t input_stride() const { return input_stride_ == 0 ? channels_ : input_stride_; }
  size_t output_stride() const { return inplace_ ? input_stride() : (output_stride_ == 0 ? channels_ : output_stride_); }

  // Runs the operator; returns its output (all rows, with strides).
  std::vector<float> Run(const std::vector<float>& input) const {
    EXPECT_EQ(xnn_status_success, attnorm_initialize());
    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> threadpool(
        threads_ == 0 ? nullptr : pthreadpool_create(threads_), pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    if (log_softmax_) {
      EXPECT_EQ(xnn_status_success, attnorm_create_log_softmax_nc_f32(scale_, flags_, &op));
    } else {
      EXPECT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(algorithm_, scale_, flags_, &op));
    }
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> guard(op, attnorm_delete_operator);
    const size_t output_size = (batch_size_ - 1) * output_stride() + channels_;
    // Output is pre-filled with a sentinel: elements between rows (stride gaps)
    // must keep it, and a canary tail proves nothing is written past the end.
    std::vector<float> output(inplace_ ? input : std::vector<float>(output_size + kCanary, kSentinel));
    if (inplace_) output.resize(std::max(output.size(), output_size) + kCanary, kSentinel);
    const float* in = inplace_ ? output.data() : input.data();
    if (log_softmax_) {
      EXPECT_EQ(xnn_status_success, attnorm_reshape_log_softmax_nc_f32(op, channels_, input_stride(), output_stride(),
                                                                       batch_size_, threadpool.get()));
      EXPECT_EQ(xnn_status_success, attnorm_setup_log_softmax_nc_f32(op, in, output.data()));
    } else {
      EXPECT_EQ(xnn_status_success, attnorm_reshape_softmax_nc_f32(op, channels_, input_stride(), output_stride(),
                                                                   batch_size_, threadpool.get()));
      EXPECT_EQ(xnn_status_success, attnorm_setup_softmax_nc_f32(op, in, output.data()));
    }
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, threadpool.get()));
    return output;
  }

  std::vector<float> MakeInput(std::mt19937& rng) const {
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
            if (coin(rng) < 0.5) row[c] = -std::numeric_limits<float>::infinity();
          }
          // Keep at least one finite logit in odd rows; even rows may be fully masked.
          if (b % 2 == 1) row[b % channels_] = value(rng);
          break;
        case Rows::kFullyMasked:
          for (size_t c = 0; c < channels_; c++) row[c] = -std::numeric_limits<float>::infinity();
          break;
        case Rows::kHugeNegative:
          // Finite logits far below the rest (masks written as -1e9 or
          // -FLT_MAX): their outputs are 0 (below FLT_MIN), never NaN or
          // garbage, although |scale * x| is far beyond 2^14. Odd rows keep
          // their first logit.
          for (size_t c = b % 2; c < channels_; c += 2) {
            static const float kHuge[] = {-1.0e9f, -1.0e30f, -std::numeric_limits<float>::max(), -3.0e4f};
            row[c] = kHuge[(c / 2) % 4];
          }
          break;
        case Rows::kNaN:
          // NaN in odd rows only; in row 3 among -inf only.
          if (b % 2 == 1) {
            if (b == 3) {
              for (size_t c = 0; c < channels_; c++) row[c] = -std::numeric_limits<float>::infinity();
            }
            row[(b * 7919) % channels_] = std::numeric_limits<float>::quiet_NaN();
          }
          break;
      }
    }
    return input;
  }

  void Test() const {
    std::mt19937 rng(UINT32_C(0xA77E0000) + static_cast<uint32_t>(channels_ * 31 + batch_size_));
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
      ASSERT_TRUE(IsSentinel(output[i])) << "wrote past the output, at element " << i;
    }
    std::vector<double> reference(channels_);
    double max_error = 0.0;
    for (size_t b = 0; b < batch_size_; b++) {
      const float* x = input.data() + b * input_stride();
      const float* y = output.data() + b * output_stride();
      if (!inplace_ && b + 1 < batch_size_) {
        for (size_t c = channels_; c < output_stride(); c++) {
          ASSERT_TRUE(IsSentinel(y[c])) << "wrote into the stride gap of row " << b;
        }
      }
      bool has_nan = false, all_masked = true;
      double max = -std::numeric_limits<double>::infinity();
      for (size_t c = 0; c < channels_; c++) {
        has_nan |= std::isnan(x[c]);
        all_masked &= x[c] == -std::numeric_limits<float>::infinity();
        if (!std::isnan(x[c])) max = std::max(max, double(scale_) * double(x[c]));
      }
      if (has_nan) {
        for (size_t c = 0; c < channels_; c++) {
          ASSERT_TRUE(std::isnan(y[c])) << "row " << b << " has a NaN logit; output " << c << " = " << y[c];
        }
        continue;
      }
      if (all_masked) {
        for (size_t c = 0; c < channels_; c++) {
          ASSERT_EQ(y[c], log_softmax_ ? -std::numeric_limits<float>::infinity() : 0.0f)
              << "fully masked row " << b << ", element " << c;
        }
        continue;
      }
      double sum = 0.0;
      for (size_t c = 0; c < channels_; c++) sum += std::exp(double(scale_) * double(x[c]) - max);
      const double log_sum = std::log(sum);
      for (size_t c = 0; c < channels_; c++) {
        const double z = double(scale_) * double(x[c]);
        if (x[c] == -std::numeric_limits<float>::infinity()) {
          ASSERT_EQ(y[c], log_softmax_ ? -std::numeric_limits<float>::infinity() : 0.0f)
              << "masked logit, row " << b << ", element " << c;
          continue;
        }
        if (log_softmax_) {
          const double expected = z - max - log_sum;
          const double tolerance = kTolerance * std::max({1.0, std::abs(expected), std::abs(z)});
          const double error = std::abs(double(y[c]) - expected);
          max_error = std::max(max_error, error / std::max({1.0, std::abs(expected), std::abs(z)}));
          ASSERT_LE(error, tolerance) << "row " << b << ", element " << c << ", x = " << x[c] << ", expected "
                                      << expected << ", got " << y[c] << ", channels " << channels_;
        } else {
          const double expected = std::exp(z - max) / sum;
          if (expected < double(FLT_MIN)) {
            ASSERT_GE(y[c], 0.0f) << "row " << b << ", element " << c;
            ASSERT_LT(y[c], FLT_MIN) << "row " << b << ", element " << c << ", expected " << expected;
            continue;
          }
          const double error = std::abs(double(y[c]) - expected) / expected;
          max_error = std::max(max_error, error);
          const double tolerance = kTolerance;
          ASSERT_LE(error, tolerance) << "row " << b << ", element " << c << ", x = " << x[c] << ", expected "
                                   << expected << ", got " << y[c] << ", channels " << channels_;
        }
      }
    }
    max_error_seen_ = std::max(max_error_seen_, max_error);
  }

  double max_error_seen() const { return max_error_seen_; }
  void note_error(double error) { max_error_seen_ = std::max(max_error_seen_, error); }

 private:
  static constexpr double kTolerance = 1.0e-6;
  static constexpr size_t kCanary = 16;
  static constexpr float kSentinel = 12345.678f;
  static bool IsSentinel(float v) { return v == kSentinel; }

  size_t channels_ = 1;
  size_t input_stride_ = 0;
  size_t output_stride_ = 0;
  size_t batch_size_ = 1;
  float scale_ = 1.0f;
  attnorm_softmax_algorithm algorithm_ = attnorm_softmax_algorithm_auto;
  bool log_softmax_ = false;
  uint32_t flags_ = 0;
  size_t threads_ = 0;
  bool inplace_ = false;
  float lo_ = -10.0f;
  float hi_ = 10.0f;
  Rows rows_ = Rows::kRandom;
  size_t iterations_ = 1;
  mutable double max_error_seen_ = 0.0;
};
