// Hostile inputs: every operator of the operator table on every ISA path of
// this CPU, each case with its expected status and output. Outputs are
// checked against the table's long-double reference and contract; the special
// rules are spelled out where they are tested:
//   softmax:     row of only -inf -> all +0; NaN anywhere (also among -inf) or
//                +inf anywhere -> all NaN; -inf element -> exactly +0;
//                channels = 1 -> 1 for any finite logit.
//   log-softmax: row of only -inf -> all -inf; NaN / +inf -> all NaN;
//                -inf element -> -inf; channels = 1 -> 0 for any finite logit.
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <vector>

#include <gtest/gtest.h>
#include <pthreadpool.h>

#include "test/reliability/operator-table.h"

// Absurd but address-space-fitting shapes ask the allocator for petabytes:
// the operator must answer xnn_status_out_of_memory, which needs ASan to
// return NULL instead of aborting.
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }

namespace attnorm_reliability {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

size_t g_hostile_subcases = 0;

class Hostile : public ::testing::TestWithParam<OperatorCase> {
 protected:
  void SetUp() override {
    ASSERT_EQ(xnn_status_success, attnorm_initialize());
    attnorm_operator_t op = nullptr;
    const enum xnn_status status = row().create(row().defaults, flags(), &op);
    if (status == xnn_status_unsupported_hardware && flags() != 0) GTEST_SKIP() << "no kernels for this ISA";
    ASSERT_EQ(xnn_status_success, status);
    attnorm_delete_operator(op);
  }
  const Row& row() const { return Operators()[GetParam().row]; }
  uint32_t flags() const { return GetParam().flags; }

  attnorm_operator_t Create(const Params& params) {
    attnorm_operator_t op = nullptr;
    EXPECT_EQ(xnn_status_success, row().create(params, flags(), &op));
    return op;
  }
  attnorm_operator_t Create() { return Create(row().defaults); }

  // Runs contiguous rows of `channels` (batch = x.size() / channels) and
  // checks every row against the reference. Returns the output.
  std::vector<float> RunAndCheck(size_t channels, const std::vector<float>& x, const Params& params,
                                 pthreadpool_t pool = nullptr) {
    const size_t batch = x.size() / channels;
    std::vector<float> y(x.size() + 16, 777.0f);
    attnorm_operator_t op = Create(params);
    EXPECT_NE(nullptr, op);
    if (op == nullptr) return y;
    EXPECT_EQ(xnn_status_success, row().reshape(op, channels, channels, channels, batch, pool));
    EXPECT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, pool));
    EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
    for (size_t i = x.size(); i < y.size(); i++) EXPECT_EQ(777.0f, y[i]) << "wrote past the output";
    std::vector<long double> scratch;
    for (size_t b = 0; b < batch; b++) {
      const float* xr = x.data() + b * channels;
      const float* yr = y.data() + b * channels;
      const size_t bad = FirstMismatch(row(), params, channels, xr, yr, scratch);
      EXPECT_EQ(channels, bad) << "row " << b << " of " << channels << ": element " << bad << " x=" << xr[bad]
                               << " y=" << yr[bad];
      if (bad != channels) break;
    }
    g_hostile_subcases++;
    return y;
  }
  std::vector<float> RunAndCheck(size_t channels, const std::vector<float>& x) {
    return RunAndCheck(channels, x, row().defaults);
  }
};

TEST_P(Hostile, rows_of_only_minus_inf) {
  for (size_t channels : {1, 2, 15, 16, 17, 100, 256, 257, 40000}) {
    const std::vector<float> x(2 * channels, -kInf);
    const std::vector<float> y = RunAndCheck(channels, x);
    for (size_t i = 0; i < x.size(); i++) {
      // Expected: the table's masked fill (softmax +0, log-softmax -inf), bit for bit.
      ASSERT_EQ(0, memcmp(&y[i], &row().masked_fill, sizeof(float))) << "channels " << channels << " i " << i
                                                                     << " y " << y[i];
    }
  }
}

TEST_P(Hostile, plus_and_minus_inf_mixed) {
  for (size_t channels : {2, 3, 16, 17, 100, 40000}) {
    for (size_t pos : {size_t(0), channels / 2, channels - 1}) {
      std::vector<float> x(channels, -kInf);
      x[pos] = kInf;                        // +inf among -inf
      std::vector<float> x2(channels);      // +inf among finite and -inf
      for (size_t c = 0; c < channels; c++) x2[c] = c % 2 ? -kInf : (float) (c % 7);
      x2[pos] = kInf;
      x.insert(x.end(), x2.begin(), x2.end());
      // The expected output is the table's reference (softmax, log-softmax:
      // +inf -> all NaN, SoftmaxReferenceImpl's `poisoned`).
      RunAndCheck(channels, x);
    }
  }
}

TEST_P(Hostile, nan_in_every_lane_position) {
  for (size_t channels : {16, 17, 31, 64, 100, 257, 40000}) {
    for (size_t lane = 0; lane < 16 && lane < channels; lane += channels > 1000 ? 5 : 1) {  // long: 0, 5, 10, 15
      const size_t last = lane + (channels - 1 - lane) / 16 * 16;  // the lane's last position
      for (size_t pos : {lane, last}) {
        std::vector<float> x(2 * channels);
        for (size_t c = 0; c < channels; c++) {
          x[c] = (float) ((c * 13) % 29) - 14.0f;
          x[channels + c] = -kInf;  // second row: NaN among -inf only
        }
        x[pos] = kNaN;
        x[channels + pos] = kNaN;
        const std::vector<float> y = RunAndCheck(channels, x);
        if (row().nan_fills_row) {
          for (size_t i = 0; i < x.size(); i++) {
            ASSERT_TRUE(std::isnan(y[i])) << "NaN at " << pos << " of " << channels << ": element " << i;
          }
        } else {
          ASSERT_TRUE(std::isnan(y[pos]));
        }
      }
    }
  }
}

TEST_P(Hostile, denormals) {
  const float denormals[] = {FLT_TRUE_MIN, -FLT_TRUE_MIN, 1.0e-40f, -1.0e-40f, FLT_MIN / 2, 0.0f, -0.0f};
  for (size_t channels : {1, 7, 16, 33, 300, 40000}) {
    std::vector<float> x(3 * channels);
    for (size_t c = 0; c < channels; c++) {
      x[c] = denormals[c % 7];                              // only denormals and zeros: ~uniform
      x[channels + c] = c % 2 ? denormals[c % 7] : 3.0f;    // mixed with normals
      x[2 * channels + c] = c % 3 ? denormals[c % 7] : -kInf;
    }
    RunAndCheck(channels, x);
  }
  // A denormal scale is valid (> 0): every output ~1/n.
  Params tiny = row().defaults;
  tiny.p[0] = FLT_TRUE_MIN;
  if (row().params_valid(tiny)) {
    std::vector<float> x(64);
    for (size_t c = 0; c < 64; c++) x[c] = (float) c - 30.0f;
    RunAndCheck(64, x, tiny);
  }
}

TEST_P(Hostile, flt_max) {
  for (size_t channels : {1, 2, 5, 16, 17, 300, 40000}) {
    std::vector<float> x(4 * channels);
    for (size_t c = 0; c < channels; c++) {
      x[c] = c % 3 == 0 ? FLT_MAX : (c % 3 == 1 ? -FLT_MAX : 0.0f);  // +-FLT_MAX and 0
      x[channels + c] = FLT_MAX;                                       // all FLT_MAX: uniform
      x[2 * channels + c] = -FLT_MAX;                                  // all -FLT_MAX: uniform
      x[3 * channels + c] = c % 2 ? -FLT_MAX : -kInf;                  // -FLT_MAX among -inf
    }
    RunAndCheck(channels, x);
    Params big = row().defaults;  // the largest valid scale
    big.p[0] = 0x1.0p+127f;
    if (row().params_valid(big)) RunAndCheck(channels, x, big);
  }
}

TEST_P(Hostile, channels_one) {
  // Softmax of one logit: 1 for any finite x (log-softmax 0); -inf: the masked
  // fill; NaN and +inf: NaN.
  const float finite[] = {0.0f, -5.0f, 7.5f, 1.0e30f, -1.0e30f, FLT_TRUE_MIN, FLT_MAX, -FLT_MAX, 16384.0f};
  std::vector<float> x(std::begin(finite), std::end(finite));
  x.push_back(-kInf);
  x.push_back(kNaN);
  x.push_back(kInf);
  const std::vector<float> y = RunAndCheck(1, x);
  if (row().nan_fills_row) {  // the softmax family (normalizing operators)
    // Softmax 1, log-softmax 0, within the contract's 1e-6 (e * (1/e) in float
    // may be 1 - 2^-24), not necessarily exact.
    const float one = row().masked_fill == 0.0f ? 1.0f : 0.0f;
    for (size_t i = 0; i < std::size(finite); i++) EXPECT_NEAR(one, y[i], 1.0e-6) << "x = " << x[i];
    EXPECT_EQ(0, memcmp(&y[std::size(finite)], &row().masked_fill, sizeof(float)));
    EXPECT_TRUE(std::isnan(y[std::size(finite) + 1]));
    EXPECT_TRUE(std::isnan(y[std::size(finite) + 2]));
  }
}

TEST_P(Hostile, one_64M_row) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "opt only: under ASan -O1 the 64M-element row and its long-double reference take minutes; "
                  "its memory bounds are the guard-page test's (tiled rows ending at a guard page)";
#endif
  // One 64M row in all (CI time: ~10 s each under load): the first row of the
  // table (softmax auto: the Two-Pass path at this length) on the default ISA;
  // ATTNORM_TEST_64M_ALL=1 runs it for every operator.
  if (flags() != 0) GTEST_SKIP() << "default ISA path only";
  if (GetParam().row != 0 && getenv("ATTNORM_TEST_64M_ALL") == nullptr) {
    GTEST_SKIP() << "one 64M row in all (the table's first operator); ATTNORM_TEST_64M_ALL=1 runs every operator";
  }
  constexpr size_t kChannels = size_t(64) << 20;
  // In place: one 256 MiB buffer. Logits from a hash of the index, so the
  // reference regenerates them.
  auto logit = [](size_t i) {
    uint32_t h = (uint32_t) i * 2654435761u;
    h ^= h >> 15;
    return (float) (h & 0xFFFF) * (1.0f / 4096.0f) - 8.0f + (i == 12345678 ? 20.0f : 0.0f);
  };
  std::unique_ptr<float[]> buffer(new float[kChannels]);
  float max_logit = -kInf;
  for (size_t i = 0; i < kChannels; i++) {
    buffer[i] = logit(i);
    max_logit = std::max(max_logit, buffer[i]);
  }
  std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> pool(pthreadpool_create(2), pthreadpool_destroy);
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  ASSERT_EQ(xnn_status_success, row().reshape(op, kChannels, kChannels, kChannels, 1, pool.get()));
  ASSERT_EQ(xnn_status_success, row().setup(op, buffer.get(), buffer.get()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, pool.get()));
  ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
  // Reference, streamed (no second 64M buffer), in double (its ~1e-16 error
  // is far below the 1e-6 contract; long double would triple the test's time).
  const double scale = row().defaults.p[0];
  const double max = scale * max_logit;
  double sum = 0.0;
  for (size_t i = 0; i < kChannels; i++) sum += std::exp(scale * logit(i) - max);
  const bool log = row().masked_fill == -kInf;
  const double log_sum = std::log(sum);
  size_t checked = 0;
  for (size_t i = 0; i < kChannels; i++) {
    const double z = scale * logit(i) - max;
    const double r = log ? z - log_sum : std::exp(z) / sum;
    if (!row().accepts(row().defaults, logit(i), (long double) r, buffer[i], true)) {
      FAIL() << "element " << i << " x=" << logit(i) << " expected " << r << " got " << buffer[i];
    }
    checked++;
  }
  EXPECT_EQ(kChannels, checked);
  g_hostile_subcases++;
}

TEST_P(Hostile, size_t_overflow_is_invalid_parameter) {
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  struct Shape {
    size_t channels, input_stride, output_stride, batch;
  };
  const Shape overflowing[] = {
      {16, SIZE_MAX / 8, 16, 3},                    // input: 3 rows of SIZE_MAX/8 floats
      {16, 16, SIZE_MAX / 8, 3},                    // output likewise
      {16, 16, 16, SIZE_MAX},                       // batch * stride
      {16, SIZE_MAX / 4 + 1, 16, 2},                // stride * sizeof(float) alone
      {SIZE_MAX / 4 + 1, SIZE_MAX / 4 + 1, SIZE_MAX / 4 + 1, 1},  // one row of more bytes than exist
      {SIZE_MAX, SIZE_MAX, SIZE_MAX, 1},
      {1, SIZE_MAX / 64, SIZE_MAX / 64, 65},
  };
  std::vector<float> buffer(64);
  for (const Shape& s : overflowing) {
    EXPECT_EQ(xnn_status_invalid_parameter,
              row().reshape(op, s.channels, s.input_stride, s.output_stride, s.batch, nullptr))
        << s.channels << " " << s.input_stride << " " << s.output_stride << " " << s.batch;
    // The failed reshape leaves nothing to set up or run.
    EXPECT_EQ(xnn_status_invalid_state, row().setup(op, buffer.data(), buffer.data() + 32));
    EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
    g_hostile_subcases++;
  }
  // A shape that fits in the address space but not in memory (a 2^61-byte row,
  // whose tile scratch is petabytes): out of memory, never a crash.
  const enum xnn_status absurd = row().reshape(op, SIZE_MAX / 8, SIZE_MAX / 8, SIZE_MAX / 8, 1, nullptr);
  EXPECT_TRUE(absurd == xnn_status_out_of_memory || absurd == xnn_status_success) << absurd;
  // Still usable afterwards.
  std::vector<float> x(48);
  for (size_t i = 0; i < x.size(); i++) x[i] = (float) i * 0.25f;
  std::vector<float> y(48);
  ASSERT_EQ(xnn_status_success, row().reshape(op, 16, 16, 16, 3, nullptr));
  ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  std::vector<long double> scratch;
  EXPECT_EQ(16u, FirstMismatch(row(), row().defaults, 16, x.data(), y.data(), scratch));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_P(Hostile, misaligned_pointers) {
  for (size_t channels : {1, 5, 16, 33, 257, 40000}) {
    for (size_t offset : {1, 2, 3, 15}) {  // in floats from a 64-byte boundary: 4-byte aligned
      const size_t in_stride = channels + 1, out_stride = channels + 3, batch = 3;
      const size_t in_size = (batch - 1) * in_stride + channels + offset;
      const size_t out_size = (batch - 1) * out_stride + channels + offset;
      float* in_base = static_cast<float*>(aligned_alloc(64, (in_size + 15) / 16 * 64));
      float* out_base = static_cast<float*>(aligned_alloc(64, (out_size + 15) / 16 * 64));
      float* x = in_base + offset;
      float* y = out_base + offset;
      for (size_t i = 0; i < in_size - offset; i++) x[i] = (float) ((i * 7) % 41) * 0.5f - 10.0f;
      attnorm_operator_t op = Create();
      ASSERT_NE(nullptr, op);
      ASSERT_EQ(xnn_status_success, row().reshape(op, channels, in_stride, out_stride, batch, nullptr));
      ASSERT_EQ(xnn_status_success, row().setup(op, x, y));
      ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
      ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
      std::vector<long double> scratch;
      for (size_t b = 0; b < batch; b++) {
        ASSERT_EQ(channels, FirstMismatch(row(), row().defaults, channels, x + b * in_stride, y + b * out_stride,
                                          scratch))
            << "channels " << channels << " offset " << offset << " row " << b;
      }
      free(in_base);
      free(out_base);
      g_hostile_subcases++;
    }
  }
}

TEST_P(Hostile, in_place_with_mismatched_strides) {
  std::vector<float> buffer(64);
  for (size_t i = 0; i < buffer.size(); i++) buffer[i] = (float) i * 0.1f;
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  // Same buffer, different strides, several rows: rejected.
  ASSERT_EQ(xnn_status_success, row().reshape(op, 8, 8, 9, 3, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, buffer.data(), buffer.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));  // setup did not succeed
  // Overlapping but not the same start: rejected.
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, buffer.data(), buffer.data() + 1));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, buffer.data() + 1, buffer.data()));
  // One row: strides do not matter, in place works.
  ASSERT_EQ(xnn_status_success, row().reshape(op, 8, 8, 9, 1, nullptr));
  const std::vector<float> x(buffer.begin(), buffer.begin() + 8);
  ASSERT_EQ(xnn_status_success, row().setup(op, buffer.data(), buffer.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  std::vector<long double> scratch;
  EXPECT_EQ(8u, FirstMismatch(row(), row().defaults, 8, x.data(), buffer.data(), scratch));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  g_hostile_subcases += 5;
}

TEST_P(Hostile, calls_in_the_wrong_order) {
  std::vector<float> x(32, 1.0f), y(32);
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  EXPECT_EQ(xnn_status_invalid_state, row().setup(op, x.data(), y.data()));   // setup before reshape
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));     // run before reshape
  ASSERT_EQ(xnn_status_success, row().reshape(op, 8, 8, 8, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));     // run before setup
  ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));           // run twice: fine
  ASSERT_EQ(xnn_status_success, row().reshape(op, 16, 16, 16, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));     // reshape drops the buffers
  ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(op, 0, 16, 16, 2, nullptr));  // failed reshape...
  EXPECT_EQ(xnn_status_invalid_state, row().setup(op, x.data(), y.data()));           // ...needs a new one
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  g_hostile_subcases += 9;
}

TEST_P(Hostile, reshape_to_other_sizes_and_reuse) {
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  struct Shape {
    size_t channels, batch;
  };
  // Short (short-row kernel), tiled (32K tiles), back to short, longer tiled,
  // one channel, and an L2-sized row (auto picks another algorithm).
  const Shape shapes[] = {{5, 3}, {40000, 2}, {3, 7}, {70000, 3}, {1, 5}, {300, 4}, {100000, 2}, {64, 2}, {200000, 1}};
  std::vector<long double> scratch;
  for (const Shape& s : shapes) {
    std::vector<float> x(s.channels * s.batch), y(x.size() + 8, 555.0f);
    for (size_t i = 0; i < x.size(); i++) x[i] = (float) ((i * 31) % 97) * 0.2f - 9.0f;
    ASSERT_EQ(xnn_status_success, row().reshape(op, s.channels, s.channels, s.channels, s.batch, nullptr));
    ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
    ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
    for (size_t b = 0; b < s.batch; b++) {
      ASSERT_EQ(s.channels, FirstMismatch(row(), row().defaults, s.channels, x.data() + b * s.channels,
                                          y.data() + b * s.channels, scratch))
          << s.channels << " x " << s.batch;
    }
    for (size_t i = x.size(); i < y.size(); i++) ASSERT_EQ(555.0f, y[i]);
    g_hostile_subcases++;
  }
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_P(Hostile, delete_half_built_operators) {
  std::vector<float> x(80000, 0.5f), y(80000);
  attnorm_operator_t op = Create();  // created only
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  op = Create();  // after a failed reshape
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(op, 4, 3, 4, 2, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  op = Create();  // reshaped with tile scratch, never set up
  ASSERT_EQ(xnn_status_success, row().reshape(op, 40000, 40000, 40000, 2, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  op = Create();  // set up, never run
  ASSERT_EQ(xnn_status_success, row().reshape(op, 40000, 40000, 40000, 2, nullptr));
  ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  op = Create();  // after a failed setup
  ASSERT_EQ(xnn_status_success, row().reshape(op, 40000, 40000, 40000, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, nullptr, y.data()));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  g_hostile_subcases += 5;
}

TEST_P(Hostile, null_pointers) {
  EXPECT_EQ(xnn_status_invalid_parameter, row().create(row().defaults, flags(), nullptr));
  std::vector<float> x(16, 1.0f), y(16);
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(nullptr, 4, 4, 4, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(nullptr, x.data(), y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_run_operator(nullptr, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_delete_operator(nullptr));
  attnorm_operator_t op = Create();
  ASSERT_NE(nullptr, op);
  ASSERT_EQ(xnn_status_success, row().reshape(op, 4, 4, 4, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, row().setup(op, x.data(), nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  // An empty batch needs no buffers: NULL is fine and run does nothing.
  ASSERT_EQ(xnn_status_success, row().reshape(op, 4, 4, 4, 0, nullptr));
  EXPECT_EQ(xnn_status_success, row().setup(op, nullptr, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  g_hostile_subcases += 11;
}

TEST_P(Hostile, invalid_parameters_and_flags) {
  // Parameters: each of p[0..2] set to hostile values in turn; create succeeds
  // exactly when the table says they are valid, and otherwise clears *op.
  const float hostile[] = {0.0f, -0.0f, -1.0f, kNaN, kInf, -kInf, FLT_MAX, -FLT_MAX, FLT_TRUE_MIN, 0x1.0p+127f,
                           1.0e-30f, 2.0f};
  for (size_t k = 0; k < 3; k++) {
    for (float v : hostile) {
      Params params = row().defaults;
      params.p[k] = v;
      attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(uintptr_t(0xDEAD));
      const enum xnn_status status = row().create(params, flags(), &op);
      if (row().params_valid(params)) {
        EXPECT_EQ(xnn_status_success, status) << "p[" << k << "] = " << v;
        if (status == xnn_status_success) attnorm_delete_operator(op);
      } else {
        EXPECT_EQ(xnn_status_invalid_parameter, status) << "p[" << k << "] = " << v;
        EXPECT_EQ(nullptr, op) << "p[" << k << "] = " << v;
      }
      g_hostile_subcases++;
    }
  }
  // Flags: an unknown bit; two force flags; another architecture's ISA.
  attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(uintptr_t(0xDEAD));
  EXPECT_EQ(xnn_status_invalid_parameter, row().create(row().defaults, flags() | UINT32_C(0x80000000), &op));
  EXPECT_EQ(nullptr, op);
  EXPECT_EQ(xnn_status_invalid_parameter,
            row().create(row().defaults, ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
  for (size_t i = 0; i < (size_t) attnorm_isa_count; i++) {
    if (!attnorm_isa_supported((enum attnorm_isa) i)) {
      EXPECT_EQ(xnn_status_unsupported_hardware,
                row().create(row().defaults, attnorm_isa_force_flag((enum attnorm_isa) i), &op));
    }
  }
  // Shapes: zero channels, strides below channels.
  op = Create();
  ASSERT_NE(nullptr, op);
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(op, 0, 0, 0, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(op, 8, 7, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, row().reshape(op, 8, 8, 7, 2, nullptr));
  // Another operator type's reshape / setup.
  for (const Row& other : Operators()) {
    if (other.reshape != row().reshape) {
      EXPECT_EQ(xnn_status_invalid_parameter, other.reshape(op, 8, 8, 8, 1, nullptr)) << other.name;
    }
  }
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  g_hostile_subcases += 8;
}

std::string HostileName(const ::testing::TestParamInfo<OperatorCase>& info) {
  return OperatorCaseName(info.param.row, info.param.flags);
}

INSTANTIATE_TEST_SUITE_P(Operators, Hostile, ::testing::ValuesIn(OperatorCases()), HostileName);

class CountPrinter : public ::testing::Environment {
 public:
  void TearDown() override { printf("hostile sub-cases run: %zu\n", g_hostile_subcases); }
};
const auto* const kCountPrinter = ::testing::AddGlobalTestEnvironment(new CountPrinter);

}  // namespace
}  // namespace attnorm_reliability
