// Operator tests: softplus attention (LSSA, LSSAR), through every ISA path the
// CPU has (forced with ATTNORM_FLAG_FORCE_*), against a long-double reference
// fed the same float inputs, with the error bound of the header
// (microkernels/f32-raddpowrelu/f32-raddpowrelu.h, README text in the report):
//
//   e_i  = E_sp + k * zeta_i * 2^-24        error of softplus(z_i): E_sp = 2.5e-7, zeta_i =
//                                           |z sp'(z) / sp(z)|, k = 1 (2 with the log-length
//                                           flag: c = scale * ln N is rounded too)
//   e_S  = sum_j a_j e_j + 2e-7             error of the row sum (float partial sums of 16 terms)
//   p = 0:  |y_i - a_i| <= a_i (1e-6 + e_i + e_S)
//   p > 0:  kappa_i = a_i N / (a_i N - o)   (the conditioning of the base)
//           e_r,i = p (kappa_i (e_i + e_S + 2^-23) + 2^-24) + (floor(p) + 2) * 2^-24
//           |y_i - y*_i| <= y*_i (1e-6 + e_r,i + sum_j y*_j e_r,j)
//   a reference 0 (relu cut) allows the base error of that element raised to p.
// Outputs below FLT_MIN are not checked (only that they are >= 0 or exact 0 when masked).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "src/hardware-config.h"

namespace {

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

constexpr double kSoftplusError = 2.5e-7;  // E_sp: the kernels' contract per softplus term
constexpr double kUniformThreshold = 0x1.0p-20;
const float kInf = std::numeric_limits<float>::infinity();

long double Softplus(long double z) { return (z > 0 ? z : 0) + std::log1p(std::exp(-std::fabs(z))); }

// Reference and per-element tolerance of one row.
struct Expected {
  std::vector<double> y;    // NaN: the element must be NaN
  std::vector<double> tol;  // absolute tolerance
  bool nan_row = false;
};

Expected Reference(const float* x, size_t n, float scale, float power, bool log_length) {
  Expected e;
  e.y.assign(n, 0.0);
  e.tol.assign(n, 0.0);
  size_t count = 0;
  bool nan = false;
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(x[i]) || x[i] == kInf) nan = true;
    if (x[i] != -kInf) count++;
  }
  if (nan) {
    e.nan_row = true;
    return e;
  }
  if (count == 0) return e;  // all 0
  const long double N = (long double) count;
  const long double c = log_length ? (long double) scale * std::log(N) : (long double) scale;
  const double k = log_length ? 2.0 : 1.0;
  if (log_length && count == 1) {
    for (size_t i = 0; i < n; i++) e.y[i] = x[i] != -kInf ? 1.0 : 0.0;
    for (size_t i = 0; i < n; i++) e.tol[i] = 1e-6 * e.y[i];
    return e;
  }
  // Terms relative to the largest when all are tiny (exp(z) range).
  long double zmax = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != -kInf) zmax = std::max(zmax, c * (long double) x[i]);
  }
  const bool tiny = zmax < -30;
  std::vector<long double> sp(n, 0.0L), err(n, 0.0L);
  long double S = 0;
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -kInf) continue;
    const long double z = c * (long double) x[i];
    sp[i] = tiny ? std::exp(z - zmax) : Softplus(z);
    S += sp[i];
    // zeta = |z| sigmoid(z) / softplus(z)
    const long double sig = 1 / (1 + std::exp(-z));
    const long double zeta = tiny ? std::fabs(z) : (sp[i] > 0 ? std::fabs(z) * sig / sp[i] : 0);
    err[i] = kSoftplusError + k * (double) zeta * 0x1.0p-24;
  }
  long double eS = 2e-7;
  for (size_t i = 0; i < n; i++) eS += sp[i] / S * err[i];
  std::vector<long double> a(n);
  for (size_t i = 0; i < n; i++) a[i] = sp[i] / S;
  const long double o = count > 3 ? 1 : 0;
  long double tmax = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != -kInf) tmax = std::max(tmax, a[i] * N - o);
  }
  if (power == 0 || tmax <= kUniformThreshold) {
    for (size_t i = 0; i < n; i++) {
      e.y[i] = (double) a[i];
      e.tol[i] = (double) (a[i] * (1e-6 + err[i] + eS));
    }
    return e;
  }
  const long double p = power;
  std::vector<long double> r(n, 0.0L), er(n, 0.0L);
  long double R = 0;
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -kInf) continue;
    const long double t = a[i] * N - o;
    if (t > 0) {
      r[i] = std::pow(t / tmax, p);
      const long double kappa = a[i] * N / t;
      er[i] = p * (kappa * (err[i] + eS + 0x1.0p-23) + 0x1.0p-24) + (std::floor(p) + 2) * 0x1.0p-24;
    }
    R += r[i];
  }
  long double avg = 0;
  for (size_t i = 0; i < n; i++) avg += r[i] / R * er[i];
  for (size_t i = 0; i < n; i++) {
    if (x[i] == -kInf) continue;
    const long double y = r[i] / R;
    e.y[i] = (double) y;
    if (r[i] > 0) {
      e.tol[i] = (double) (y * (1e-6 + er[i] + avg));
    } else {
      // The base is 0 in exact arithmetic; the computed one may be up to its error.
      const long double base = (a[i] * N * (err[i] + eS + 0x1.0p-22) + o * 0x1.0p-23) / tmax;
      e.tol[i] = (double) (2 * std::pow(base, p) / R);
    }
  }
  return e;
}

class Tester {
 public:
  Tester& flags(uint32_t f) { flags_ = f; return *this; }
  Tester& channels(size_t c) { channels_ = c; return *this; }
  Tester& batch_size(size_t b) { batch_size_ = b; return *this; }
  Tester& input_stride(size_t s) { input_stride_ = s; return *this; }
  Tester& output_stride(size_t s) { output_stride_ = s; return *this; }
  Tester& scale(float s) { scale_ = s; return *this; }
  Tester& power(float p) { power_ = p; return *this; }
  Tester& log_length(bool l) { log_length_ = l; return *this; }
  Tester& range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  Tester& minus_inf_fraction(double f) { minus_inf_fraction_ = f; return *this; }
  Tester& inplace(bool i) { inplace_ = i; return *this; }
  Tester& threads(size_t t) { threads_ = t; return *this; }
  Tester& seed(uint32_t s) { seed_ = s; return *this; }

  size_t istride() const { return input_stride_ == 0 ? channels_ : input_stride_; }
  size_t ostride() const { return inplace_ ? istride() : (output_stride_ == 0 ? channels_ : output_stride_); }

  // Random rows; row r may be overwritten by `special` before the run.
  std::vector<float> MakeInput() const {
    std::mt19937 rng(seed_ + (uint32_t) channels_);
    std::uniform_real_distribution<float> dist(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::vector<float> input((batch_size_ - 1) * istride() + channels_ + 8, kSentinelIn);
    for (size_t r = 0; r < batch_size_; r++) {
      for (size_t i = 0; i < channels_; i++) {
        input[r * istride() + i] = coin(rng) < minus_inf_fraction_ ? -kInf : dist(rng);
      }
    }
    return input;
  }

  // Runs the operator on `input` (rows at istride()); returns the output buffer
  // (rows at ostride(), sentinels elsewhere).
  std::vector<float> Run(const std::vector<float>& input) const {
    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> pool(
        threads_ == 0 ? nullptr : pthreadpool_create(threads_), pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    const uint32_t flags = flags_ | (log_length_ ? ATTNORM_FLAG_SCALE_BY_LOG_LENGTH : 0);
    EXPECT_EQ(xnn_status_success, attnorm_create_softplus_attention_nc_f32(scale_, power_, flags, &op));
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> owner(op, attnorm_delete_operator);
    EXPECT_EQ(xnn_status_success, attnorm_reshape_softplus_attention_nc_f32(op, channels_, istride(), ostride(),
                                                                           batch_size_, pool.get()));
    std::vector<float> output;
    if (inplace_) {
      output = input;
      EXPECT_EQ(xnn_status_success, attnorm_setup_softplus_attention_nc_f32(op, output.data(), output.data()));
    } else {
      output.assign((batch_size_ - 1) * ostride() + channels_ + 8, kSentinelOut);
      EXPECT_EQ(xnn_status_success, attnorm_setup_softplus_attention_nc_f32(op, input.data(), output.data()));
    }
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, pool.get()));
    return output;
  }

  // Checks every row against the reference; returns the largest error relative
  // to the reference among outputs >= FLT_MIN, and to the tolerance (in *max_ratio).
  double Check(const std::vector<float>& input, const std::vector<float>& output, double* max_ratio = nullptr,
               double* max_row_rel = nullptr) const {
    double max_rel = 0.0, ratio = 0.0, row_rel = 0.0;
    for (size_t r = 0; r < batch_size_; r++) {
      const float* x = &input[r * istride()];
      const float* y = &output[r * ostride()];
      const Expected e = Reference(x, channels_, scale_, power_, log_length_);
      const double row_max = e.y.empty() ? 0.0 : *std::max_element(e.y.begin(), e.y.end());
      for (size_t i = 0; i < channels_; i++) {
        if (e.nan_row) {
          EXPECT_TRUE(std::isnan(y[i])) << "row " << r << " element " << i << " of a NaN row: " << y[i];
          continue;
        }
        if (x[i] == -kInf) {
          EXPECT_EQ(0.0f, y[i]) << "masked element " << i << " of row " << r;
          continue;
        }
        if (!(y[i] >= 0.0f)) {
          ADD_FAILURE() << "row " << r << " element " << i << ": " << y[i];
          return max_rel;
        }
        if (e.y[i] < FLT_MIN && y[i] < FLT_MIN) continue;
        const double error = std::fabs((double) y[i] - e.y[i]);
        if (!(error <= std::max(e.tol[i], (double) FLT_MIN))) {
          ADD_FAILURE() << "error " << error << " > bound " << e.tol[i] << ": row " << r << " element " << i << " of " << channels_ << ": y = " << y[i] << ", reference "
            << e.y[i] << ", x = " << x[i] << ", scale " << scale_ << ", p " << power_ << ", flag " << log_length_;
          return max_rel;
        }
        if (e.y[i] >= FLT_MIN) max_rel = std::max(max_rel, error / e.y[i]);
        if (e.tol[i] > 0) ratio = std::max(ratio, error / e.tol[i]);
        if (row_max > 0) row_rel = std::max(row_rel, error / row_max);
      }
      // Sentinels: nothing written between rows or after the last.
      if (!inplace_) {
        const size_t end = r + 1 < batch_size_ ? (r + 1) * ostride() : output.size();
        for (size_t i = r * ostride() + channels_; i < end; i++) {
          if (output[i] != kSentinelOut) {
            ADD_FAILURE() << "wrote past row " << r << " at " << i;
            return max_rel;
          }
        }
      } else {
        const size_t end = r + 1 < batch_size_ ? (r + 1) * istride() : output.size();
        for (size_t i = r * istride() + channels_; i < end; i++) {
          if (output[i] != kSentinelIn) {
            ADD_FAILURE() << "wrote past row " << r << " at " << i;
            return max_rel;
          }
        }
      }
    }
    if (max_ratio != nullptr) *max_ratio = ratio;
    if (max_row_rel != nullptr) *max_row_rel = row_rel;
    return max_rel;
  }

  double Test(double* max_ratio = nullptr, double* max_row_rel = nullptr) const {
    const std::vector<float> input = MakeInput();
    const std::vector<float> output = Run(input);
    return Check(input, output, max_ratio, max_row_rel);
  }

  static constexpr float kSentinelIn = 12345.0f;
  static constexpr float kSentinelOut = -7.0f;

 private:
  uint32_t flags_ = 0;
  size_t channels_ = 1;
  size_t batch_size_ = 1;
  size_t input_stride_ = 0;
  size_t output_stride_ = 0;
  float scale_ = 1.0f;
  float power_ = 0.0f;
  bool log_length_ = false;
  float lo_ = -10.0f, hi_ = 10.0f;
  double minus_inf_fraction_ = 0.0;
  bool inplace_ = false;
  size_t threads_ = 0;
  uint32_t seed_ = 0x5EED0007u;
};

struct Variant {
  const char* name;
  float power;
  bool log_length;
};

const Variant kVariants[] = {
  {"p0", 0.0f, false},   {"p0_loglen", 0.0f, true},   {"p1", 1.0f, false},   {"p2", 2.0f, false},
  {"p15", 15.0f, false}, {"p15_loglen", 15.0f, true}, {"p64", 64.0f, false}, {"p64_loglen", 64.0f, true},
  {"p1_loglen", 1.0f, true}, {"p2_loglen", 2.0f, true}, {"p2_5", 2.5f, false}, {"p0_5", 0.5f, false},
};

class SoftplusAttentionNC : public ::testing::TestWithParam<std::tuple<IsaPath, Variant>> {
 protected:
  void SetUp() override {
    ASSERT_EQ(xnn_status_success, attnorm_initialize());
    if (!attnorm_isa_supported(path().isa)) GTEST_SKIP() << "CPU lacks " << path().name;
  }
  const IsaPath& path() const { return std::get<0>(GetParam()); }
  const Variant& variant() const { return std::get<1>(GetParam()); }
  Tester T() const {
    // The paper's setting with the flag: scale = ln d (d = 64), cosine-like logits.
    Tester t = Tester().flags(path().flags).power(variant().power).log_length(variant().log_length);
    if (variant().log_length) t.scale(std::log(64.0f)).range(-1.0f, 1.0f);
    return t;
  }
};

TEST_P(SoftplusAttentionNC, channels_1_to_70) {
  for (size_t channels = 1; channels <= 70; channels++) {
    T().channels(channels).batch_size(3).Test();
  }
}

TEST_P(SoftplusAttentionNC, long_rows_and_primes) {
  for (size_t channels : {127, 128, 1021, 4096, 32749, 32768, 32771, 65521, 65536}) {
    T().channels(channels).batch_size(2).Test();
  }
}

TEST_P(SoftplusAttentionNC, scales_and_ranges) {
  for (float scale : {0.125f, 1.0f, 3.0f}) {
    for (auto range : {std::make_pair(-1.0f, 1.0f), std::make_pair(-10.0f, 10.0f), std::make_pair(-60.0f, 60.0f),
                       std::make_pair(20.0f, 30.0f), std::make_pair(-30.0f, -20.0f)}) {
      for (size_t channels : {5, 33, 300}) {
        T().scale(scale).range(range.first, range.second).channels(channels).batch_size(2).Test();
      }
    }
  }
}

TEST_P(SoftplusAttentionNC, strides_with_sentinels) {
  for (size_t channels : {1, 7, 64, 100}) {
    T().channels(channels).batch_size(4).input_stride(channels + 5).output_stride(channels + 11).Test();
    T().channels(channels).batch_size(4).input_stride(channels + 3).Test();
    T().channels(channels).batch_size(4).output_stride(channels + 2).Test();
  }
}

TEST_P(SoftplusAttentionNC, inplace) {
  for (size_t channels : {1, 5, 64, 1000, 40000}) {
    T().channels(channels).batch_size(3).inplace(true).Test();
    T().channels(channels).batch_size(3).inplace(true).input_stride(channels + 4).Test();
  }
}

TEST_P(SoftplusAttentionNC, threads_bit_identical) {
  for (size_t channels : {3, 100, 5000, 70001}) {
    const Tester t = T().channels(channels).batch_size(channels > 10000 ? 3 : 37).minus_inf_fraction(0.2);
    const std::vector<float> input = t.MakeInput();
    const std::vector<float> one = Tester(t).threads(1).Run(input);
    t.Check(input, one);
    for (size_t threads : {2, 4}) {
      const std::vector<float> many = Tester(t).threads(threads).Run(input);
      ASSERT_EQ(0, std::memcmp(one.data(), many.data(), one.size() * sizeof(float)))
          << channels << " channels, " << threads << " threads";
    }
  }
}

TEST_P(SoftplusAttentionNC, masked_rows) {
  for (size_t channels : {1, 2, 3, 4, 5, 17, 300, 40000}) {
    for (double fraction : {0.3, 0.9, 1.0}) {
      T().channels(channels).batch_size(3).minus_inf_fraction(fraction).Test();
    }
  }
}

// N <= 3 (offset 0) and N > 3 (offset 1) in rows of the same length.
TEST_P(SoftplusAttentionNC, unmasked_count_around_3) {
  const size_t channels = 9;
  for (size_t unmasked = 1; unmasked <= 6; unmasked++) {
    Tester t = T().channels(channels).batch_size(2);
    std::vector<float> input = t.MakeInput();
    for (size_t r = 0; r < 2; r++) {
      for (size_t i = unmasked; i < channels; i++) input[r * channels + i] = -kInf;
    }
    t.Check(input, t.Run(input));
  }
}

// Rows with a NaN or +inf give NaN rows; fully masked rows zeros; the rows
// next to them are unaffected.
TEST_P(SoftplusAttentionNC, special_rows) {
  for (size_t channels : {1, 4, 33, 40000}) {
    Tester t = T().channels(channels).batch_size(5);
    std::vector<float> input = t.MakeInput();
    input[0 * channels + channels / 2] = std::nanf("");
    input[1 * channels + channels - 1] = kInf;
    for (size_t i = 0; i < channels; i++) input[2 * channels + i] = -kInf;
    input[3 * channels] = -kInf;
    const std::vector<float> output = t.Run(input);
    t.Check(input, output);
    for (size_t i = 0; i < channels; i++) {
      ASSERT_TRUE(std::isnan(output[i]));
      ASSERT_TRUE(std::isnan(output[channels + i]));
      ASSERT_EQ(0.0f, output[2 * channels + i]);
    }
  }
}

// Uniform rows: every a_i N - o = 0, so every r = 0 and the row keeps y = a = 1/N.
TEST_P(SoftplusAttentionNC, uniform_rows_keep_a) {
  for (size_t channels : {1, 3, 4, 5, 64, 1000, 40000}) {
    for (float value : {-3.0f, 0.0f, 0.5f, 7.0f}) {
      Tester t = T().channels(channels).batch_size(2);
      std::vector<float> input = t.MakeInput();
      for (size_t i = 0; i < 2 * channels; i++) input[i] = value;
      input[channels] = -kInf;  // second row: N = channels - 1
      const std::vector<float> output = t.Run(input);
      t.Check(input, output);
      for (size_t r = 0; r < 2; r++) {
        const size_t n = r == 0 ? channels : channels - 1;
        for (size_t i = (r == 0 ? 0 : 1); i < channels && n != 0; i++) {
          ASSERT_NEAR(1.0 / n, output[r * channels + i], 1e-6 / n) << channels << " " << value << " row " << r;
        }
      }
    }
  }
}

// Rows the float kernels do not cover: every term below FLT_MIN, huge logits.
TEST_P(SoftplusAttentionNC, exact_path_rows) {
  for (size_t channels : {1, 5, 100, 40000}) {
    T().channels(channels).batch_size(2).range(-200.0f, -100.0f).Test();
    T().channels(channels).batch_size(2).range(-95.0f, -80.0f).Test();
    T().channels(channels).batch_size(2).range(1e30f, 3e30f).Test();
    T().channels(channels).batch_size(2).range(-1000.0f, 1.0f).minus_inf_fraction(0.5).Test();
  }
}

// N = 1 with the log-length flag: c = scale * ln 1 = 0, softplus(0) / softplus(0) = 1.
TEST_P(SoftplusAttentionNC, single_unmasked_logit) {
  for (size_t channels : {1, 2, 9, 40000}) {
    for (float value : {-50.0f, 0.0f, 3.0f}) {
      Tester t = T().channels(channels).batch_size(1);
      std::vector<float> input = t.MakeInput();
      for (size_t i = 0; i < channels; i++) input[i] = -kInf;
      input[channels / 2] = value;
      const std::vector<float> output = t.Run(input);
      t.Check(input, output);
      ASSERT_NEAR(1.0f, output[channels / 2], 1e-6f);
    }
  }
}

// The error stays within the bound for the paper's settings; prints the
// measured maximum relative error and its ratio to the bound.
TEST_P(SoftplusAttentionNC, measured_error) {
  double worst = 0.0, worst_ratio = 0.0, worst_row = 0.0;
  for (size_t channels : {4, 64, 1024, 8192}) {
    for (uint32_t seed = 1; seed <= 4; seed++) {
      double ratio, row;
      worst = std::max(worst, T().channels(channels).batch_size(4).seed(seed).Test(&ratio, &row));
      worst_ratio = std::max(worst_ratio, ratio);
      worst_row = std::max(worst_row, row);
    }
  }
  std::printf("[ measured ] %s %s: max relative error %.3g, max error / row max %.3g, max error / bound %.3f\n",
              path().name, variant().name, worst, worst_row, worst_ratio);
}

// p = 0 without the flag, not in place, runs store and rescale (f32-raddstoresoftplus +
// f32-vscale); in place, the [sum] description (softplus again in the output pass).
// Both give bit-identical rows, for every shape (short rows, tiled long rows, tails
// of every vector width), strides, and rows of the exact path / fill values.
TEST_P(SoftplusAttentionNC, store_and_rescale_equals_inplace) {
  for (size_t channels : {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 129, 513, 1021, 4096, 32767,
                          32768, 32771, 70001}) {
    for (size_t stride : {channels, channels + 5}) {
      const size_t batch = channels > 10000 ? 6 : 9;
      const Tester t = T().channels(channels).batch_size(batch).input_stride(stride).output_stride(stride)
                           .minus_inf_fraction(0.2);
      std::vector<float> input = t.MakeInput();
      input[0 * stride + channels / 2] = std::nanf("");                     // NaN row
      for (size_t i = 0; i < channels; i++) input[1 * stride + i] = -kInf;  // fully masked
      for (size_t i = 0; i < channels; i++) input[2 * stride + i] = -100.0f - (float) (i % 7);  // exact path
      input[3 * stride + channels - 1] = kInf;                              // +inf: NaN row
      const std::vector<float> stored = Tester(t).threads(2).Run(input);
      t.Check(input, stored);
      const std::vector<float> recomputed = Tester(t).inplace(true).Run(input);
      for (size_t r = 0; r < batch; r++) {
        ASSERT_EQ(0, std::memcmp(&stored[r * stride], &recomputed[r * stride], channels * sizeof(float)))
            << "row " << r << " of " << channels << " channels, stride " << stride;
      }
    }
  }
}

// One operator set up alternately not in place and in place: each setup picks its path.
TEST_P(SoftplusAttentionNC, setup_switches_store_and_inplace) {
  for (size_t channels : {5, 100, 40000}) {
    const size_t batch = 3;
    const Tester t = T().channels(channels).batch_size(batch);
    const std::vector<float> input = t.MakeInput();
    const std::vector<float> expected = t.Run(input);
    t.Check(input, expected);
    attnorm_operator_t op = nullptr;
    const uint32_t flags = path().flags | (variant().log_length ? ATTNORM_FLAG_SCALE_BY_LOG_LENGTH : 0);
    const float scale = variant().log_length ? std::log(64.0f) : 1.0f;
    ASSERT_EQ(xnn_status_success, attnorm_create_softplus_attention_nc_f32(scale, variant().power, flags, &op));
    std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> owner(op, attnorm_delete_operator);
    ASSERT_EQ(xnn_status_success,
              attnorm_reshape_softplus_attention_nc_f32(op, channels, channels, channels, batch, nullptr));
    for (int round = 0; round < 4; round++) {
      std::vector<float> output;
      if (round % 2 == 1) {
        output = input;
        ASSERT_EQ(xnn_status_success, attnorm_setup_softplus_attention_nc_f32(op, output.data(), output.data()));
      } else {
        output.assign(input.size(), Tester::kSentinelOut);
        ASSERT_EQ(xnn_status_success, attnorm_setup_softplus_attention_nc_f32(op, input.data(), output.data()));
      }
      ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
      ASSERT_EQ(0, std::memcmp(expected.data(), output.data(), batch * channels * sizeof(float)))
          << "round " << round << ", " << channels << " channels";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    , SoftplusAttentionNC, ::testing::Combine(::testing::ValuesIn(kIsaPaths), ::testing::ValuesIn(kVariants)),
    [](const ::testing::TestParamInfo<SoftplusAttentionNC::ParamType>& info) {
      return std::string(std::get<0>(info.param).name) + "_" + std::get<1>(info.param).name;
    });

// ---- Parameters, flags and call order -----------------------------------------------

class SoftplusAttentionNCErrors : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
};

TEST_F(SoftplusAttentionNCErrors, invalid_parameters) {
  const float nan = std::nanf("");
  for (float scale : {0.0f, -0.0f, -1.0f, kInf, -kInf, nan}) {
    attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(&op);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softplus_attention_nc_f32(scale, 0.0f, 0, &op)) << scale;
    EXPECT_EQ(nullptr, op);
  }
  for (float power : {-1.0f, -0.0001f, 64.0001f, 65.0f, kInf, -kInf, nan}) {
    attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(&op);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softplus_attention_nc_f32(1.0f, power, 0, &op)) << power;
    EXPECT_EQ(nullptr, op);
  }
  for (uint32_t flags : {UINT32_C(0x2), UINT32_C(0x80000000), UINT32_C(0x1000)}) {
    attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(&op);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softplus_attention_nc_f32(1.0f, 0.0f, flags, &op));
    EXPECT_EQ(nullptr, op);
  }
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_softplus_attention_nc_f32(1.0f, 0.0f, 0, nullptr));
  // The bounds themselves are valid.
  for (float power : {0.0f, 64.0f}) {
    attnorm_operator_t op = nullptr;
    ASSERT_EQ(xnn_status_success, attnorm_create_softplus_attention_nc_f32(1e-30f, power, ATTNORM_FLAG_SCALE_BY_LOG_LENGTH, &op));
    attnorm_delete_operator(op);
  }
}

TEST_F(SoftplusAttentionNCErrors, two_force_flags) {
  attnorm_operator_t op = nullptr;
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_softplus_attention_nc_f32(1.0f, 0.0f, ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
  EXPECT_EQ(nullptr, op);
}

TEST_F(SoftplusAttentionNCErrors, reshape_and_setup) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softplus_attention_nc_f32(1.0f, 15.0f, 0, &op));
  std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> owner(op, attnorm_delete_operator);
  std::vector<float> buffer(64, 1.0f), out(64);
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softplus_attention_nc_f32(op, 0, 8, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softplus_attention_nc_f32(op, 8, 7, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softplus_attention_nc_f32(op, 8, 8, 7, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softplus_attention_nc_f32(nullptr, 8, 8, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_setup_softplus_attention_nc_f32(op, buffer.data(), out.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_softplus_attention_nc_f32(op, 8, 8, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));  // setup has not run
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softplus_attention_nc_f32(op, nullptr, out.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softplus_attention_nc_f32(op, buffer.data(), nullptr));
  // Overlapping, not identical.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softplus_attention_nc_f32(op, buffer.data(), buffer.data() + 3));
  ASSERT_EQ(xnn_status_success, attnorm_setup_softplus_attention_nc_f32(op, buffer.data(), out.data()));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  for (size_t i = 0; i < 16; i++) EXPECT_NEAR(0.125f, out[i], 1e-6f);  // uniform rows
  // A softmax operator is not a softplus-attention operator.
  attnorm_operator_t softmax = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &softmax));
  std::unique_ptr<attnorm_operator, decltype(&attnorm_delete_operator)> softmax_owner(softmax, attnorm_delete_operator);
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_softplus_attention_nc_f32(softmax, 8, 8, 8, 2, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softplus_attention_nc_f32(softmax, buffer.data(), out.data()));
  // In place with different strides.
  ASSERT_EQ(xnn_status_success, attnorm_reshape_softplus_attention_nc_f32(op, 8, 8, 9, 2, nullptr));
  std::vector<float> big(64, 1.0f);
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_softplus_attention_nc_f32(op, big.data(), big.data()));
}

}  // namespace
