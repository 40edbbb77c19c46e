// Operator tests of the fused attention softmax (operators/attention-softmax-nc.c) through
// every ISA path of the target (ATTNORM_FLAG_FORCE_*), against a long-double reference fed
// the same float inputs, with the contract's bound (include/attnorm.h, the operator's header
// comment and microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h):
//   |y - ref| <= (1e-6 + d_k + max_j d_j) * ref for ref >= FLT_MIN (FLT_MIN absolute below),
// d_j the cost of rounding the intermediates of z_j once each (and the tanh core's error).
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
#include <vector>

#include <gtest/gtest.h>
#include <pthreadpool.h>

#include <attnorm.h>

#include "src/hardware-config.h"

namespace {

// The internal flags of src/attention-softmax-config.h that force a pass structure (the header
// is not a dependency: linking :kernel_configs next to :hardware_config into a test duplicates
// attnorm_isas_best_first, an ODR violation under --config=asan).
constexpr uint32_t ATTNORM_ATTENTION_FLAG_TWO_PASS = UINT32_C(0x00010000);
constexpr uint32_t ATTNORM_ATTENTION_FLAG_RELOAD = UINT32_C(0x00020000);

struct IsaPath {
  std::string name;
  uint32_t flags;
  bool scalar;
};

// Every ISA path of the target (and auto), each with the pass structure chosen by row length
// and with each form forced (internal flags, src/attention-softmax-config.h).
std::vector<IsaPath> TargetIsaPaths() {
  std::vector<IsaPath> isas = {{"auto", 0, false}};
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
  if (arch && attnorm_isa_supported(isa)) {                        \
    isas.push_back({#name, force_flag, isa == attnorm_isa_scalar}); \
  }
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
  std::vector<IsaPath> paths;
  for (const IsaPath& p : isas) {
    paths.push_back({p.name, p.flags, p.scalar});
    paths.push_back({p.name + "_two_pass", p.flags | ATTNORM_ATTENTION_FLAG_TWO_PASS, p.scalar});
    paths.push_back({p.name + "_reload", p.flags | ATTNORM_ATTENTION_FLAG_RELOAD, p.scalar});
  }
  return paths;
}

const float kSentinel = 123.25f;
// 1 in the committed test; set it below 1 to see the test fail (it did at 0.3).
const double kToleranceFactor = 1.0;
double g_max_error = 0.0;        // largest |y - ref| / ref seen (ref >= FLT_MIN)
double g_max_error_nocap = 0.0;  // the same, without soft-capping
double g_max_error_ratio = 0.0;  // largest |y - ref| / (tolerance * ref)

class AttentionTester {
 public:
  AttentionTester& heads(size_t v) { heads_ = v; return *this; }
  AttentionTester& queries(size_t v) { queries_ = v; return *this; }
  AttentionTester& keys(size_t v) { keys_ = v; return *this; }
  AttentionTester& scale(float v) { scale_ = v; return *this; }
  AttentionTester& softcap(float v) { softcap_ = v; return *this; }
  AttentionTester& alibi(float v) { alibi_ = v; return *this; }
  AttentionTester& mask(bool v) { mask_ = v; return *this; }
  AttentionTester& sinks(bool v) { sinks_ = v; return *this; }
  AttentionTester& query_scales(bool v) { query_scales_ = v; return *this; }
  AttentionTester& pad(size_t v) { pad_ = v; return *this; }
  AttentionTester& inplace(bool v) { inplace_ = v; return *this; }
  AttentionTester& threads(size_t v) { threads_ = v; return *this; }
  AttentionTester& flags(uint32_t v) { flags_ = v; return *this; }
  AttentionTester& scalar(bool v) { scalar_ = v; return *this; }
  AttentionTester& input_range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  AttentionTester& masked_fraction(double v) { masked_fraction_ = v; return *this; }
  AttentionTester& mask_value(float v) { mask_value_ = v; return *this; }  // replaces masked -inf
  AttentionTester& fully_masked_query(bool v) { fully_masked_query_ = v; return *this; }
  AttentionTester& x_nan(bool v) { x_nan_ = v; return *this; }
  AttentionTester& mask_nan(bool v) { mask_nan_ = v; return *this; }
  AttentionTester& sink_nan(bool v) { sink_nan_ = v; return *this; }
  AttentionTester& sink_value(float v) { sink_value_ = v; return *this; }
  AttentionTester& seed(uint32_t v) { seed_ = v; return *this; }

  size_t input_stride() const { return keys_ + pad_; }
  size_t output_stride() const { return inplace_ ? input_stride() : keys_ + 2 * pad_ + (pad_ ? 1 : 0); }
  size_t mask_stride() const { return keys_ + 3 * pad_; }

  // Builds the data, runs the operator, returns the output (for bit-identity checks).
  std::vector<float> Run() {
    std::mt19937 rng(seed_);
    std::uniform_real_distribution<float> dist(std::isfinite(lo_) ? lo_ : -1.0f, std::isfinite(hi_) ? hi_ : 1.0f);
    std::uniform_real_distribution<float> mdist(-5.0f, 0.0f);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const size_t rows = heads_ * queries_;
    x_.assign(rows == 0 ? 1 : (rows - 1) * input_stride() + keys_ + pad_, kSentinel);
    for (size_t r = 0; r < rows; r++) {
      for (size_t k = 0; k < keys_; k++) x_[r * input_stride() + k] = lo_ == -INFINITY ? -INFINITY : dist(rng);
    }
    m_.clear();
    if (mask_) {
      m_.assign(queries_ == 0 ? 1 : (queries_ - 1) * mask_stride() + keys_ + pad_, kSentinel);
      for (size_t q = 0; q < queries_; q++) {
        for (size_t k = 0; k < keys_; k++) {
          float v = unit(rng) < 0.5 ? 0.0f : mdist(rng);
          if (unit(rng) < masked_fraction_) v = mask_value_;
          // causal-like: the last key of every query stays visible unless fully masked
          if (k == keys_ - 1 && masked_fraction_ < 1.0) v = 0.0f;
          if (fully_masked_query_ && q == queries_ / 2) v = mask_value_;
          m_[q * mask_stride() + k] = v;
        }
      }
      if (mask_nan_ && queries_ > 0) m_[(queries_ - 1) * mask_stride() + keys_ / 2] = NAN;
    }
    if (x_nan_ && rows > 0) x_[(rows / 2) * input_stride() + keys_ / 3] = NAN;
    s_.clear();
    if (sinks_) {
      std::uniform_real_distribution<float> sdist(-3.0f, 8.0f);
      for (size_t h = 0; h < heads_; h++) s_.push_back(sink_value_ == sink_value_ ? sink_value_ : sdist(rng));
      if (sink_nan_ && heads_ > 0) s_[heads_ - 1] = NAN;
    }
    qs_.clear();
    if (query_scales_) {
      std::uniform_real_distribution<float> qdist(0.25f, 2.0f);
      for (size_t q = 0; q < queries_; q++) qs_.push_back(qdist(rng));
    }

    std::vector<float> y;
    float* output;
    if (inplace_) {
      y = x_;
      output = y.data();
    } else {
      y.assign(rows == 0 ? 1 : (rows - 1) * output_stride() + keys_ + pad_, kSentinel);
      output = y.data();
    }
    const std::vector<float> x_copy = x_;

    std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)> pool(
        threads_ > 1 ? pthreadpool_create(threads_) : nullptr, pthreadpool_destroy);
    attnorm_operator_t op = nullptr;
    EXPECT_EQ(xnn_status_success, attnorm_create_attention_softmax_nc_f32(scale_, softcap_, alibi_, flags_, &op));
    EXPECT_NE(nullptr, op);
    EXPECT_EQ(xnn_status_success,
              attnorm_reshape_attention_softmax_nc_f32(op, heads_, queries_, keys_, input_stride(), output_stride(),
                                                       mask_stride(), pool.get()));
    EXPECT_EQ(xnn_status_success,
              attnorm_setup_attention_softmax_nc_f32(op, inplace_ ? output : x_.data(), mask_ ? m_.data() : nullptr,
                                                     sinks_ ? s_.data() : nullptr,
                                                     query_scales_ ? qs_.data() : nullptr, output));
    EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, pool.get()));
    EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
    Check(x_copy, y);
    return y;
  }

 private:
  long double Slope(size_t h) const {
    if (alibi_ == 0.0f) return 1.0L;
    size_t n = 1;
    while (n * 2 <= heads_) n *= 2;
    const long double b = alibi_;
    return h < n ? exp2l(-b / n * (long double) (h + 1)) : exp2l(-b / 2 / n * (long double) (2 * (h - n) + 1));
  }

  void Check(const std::vector<float>& x, const std::vector<float>& y) const {
    const double tanh_error = scalar_ ? 8.0e-7 : 6.0e-7;
    const double eps = 0x1.0p-24;
    std::vector<long double> z(keys_);
    std::vector<double> d(keys_);
    size_t failures = 0;
    for (size_t h = 0; h < heads_; h++) {
      const long double slope = Slope(h);
      for (size_t q = 0; q < queries_; q++) {
        const size_t r = h * queries_ + q;
        const float* xr = &x[r * input_stride()];
        const float* yr = &y[r * output_stride()];
        const long double s = (long double) scale_ * (query_scales_ ? (long double) qs_[q] : 1.0L);
        bool nan_row = false;
        long double max = -INFINITY;
        double max_d = 0.0;
        for (size_t k = 0; k < keys_; k++) {
          const long double sx = s * (long double) xr[k];
          long double v = sx;
          double dk = query_scales_ ? fabsl(sx) * eps : 0.0;
          if (softcap_ > 0.0f) {
            const long double u = sx / softcap_;
            const long double t = tanhl(u);
            v = xr[k] == -INFINITY ? -INFINITY : softcap_ * t;
            if (std::isfinite((double) u)) {
              dk = softcap_ * ((double) ((1 - t * t) * fabsl(u)) * 3 * eps + tanh_error) + fabsl(v) * eps;
            }
          }
          if (mask_) {
            const long double bm = slope * (long double) m_[q * mask_stride() + k];
            v += bm;
            if (std::isfinite((double) v)) {
              dk += (fabsl(v) + 2 * fabsl(bm)) * eps + (softcap_ > 0.0f ? 0.0 : (double) fabsl(sx) * eps * 2);
            }
          }
          z[k] = v;
          d[k] = std::isfinite((double) v) ? dk : 0.0;
          if (std::isnan((double) v) || v == INFINITY) nan_row = true;
          if (v > max) max = v;
        }
        long double sink = sinks_ ? (long double) s_[h] : -INFINITY;
        if (std::isnan((double) sink) || sink == INFINITY) nan_row = true;
        long double sum = 0;
        const bool no_finite = max == -INFINITY;
        if (!nan_row && !no_finite) {
          const long double m = std::max(max, sink);
          sum = expl(sink - m);
          for (size_t k = 0; k < keys_; k++) {
            const long double e = expl(z[k] - m);
            sum += e;
            if (e > 0) max_d = std::max(max_d, d[k]);
          }
          for (size_t k = 0; k < keys_; k++) z[k] = expl(z[k] - m) / sum;
        }
        for (size_t k = 0; k < keys_; k++) {
          const float got = yr[k];
          bool ok;
          if (nan_row) {
            ok = std::isnan(got);
          } else if (no_finite) {
            ok = got == 0.0f;
          } else {
            const double ref = (double) z[k];
            const double tol = (1.0e-6 + d[k] + max_d) * kToleranceFactor;
            if (ref >= FLT_MIN) {
              const double err = std::fabs((double) got - ref) / ref;
              g_max_error = std::max(g_max_error, err);
              if (softcap_ == 0.0f) g_max_error_nocap = std::max(g_max_error_nocap, err);
              g_max_error_ratio = std::max(g_max_error_ratio, err / tol);
              ok = err <= tol;
            } else {
              ok = std::fabs((double) got - ref) <= FLT_MIN;
            }
          }
          if (!ok && failures++ < 5) {
            ADD_FAILURE() << "head " << h << " query " << q << " key " << k << " of " << keys_ << ": got " << got
                          << ", reference " << (double) z[k] << (nan_row ? " (NaN row)" : "")
                          << (no_finite ? " (no finite z)" : "") << " x " << xr[k]
                          << (mask_ ? " mask " + std::to_string(m_[q * mask_stride() + k]) : std::string());
          }
        }
        // Sentinels past the row (output stride padding) are untouched.
        if (!inplace_) {
          for (size_t k = keys_; k < output_stride() && r * output_stride() + k < y.size(); k++) {
            if (!(yr[k] == kSentinel) && failures++ < 5) {
              ADD_FAILURE() << "row " << r << " padding element " << k << " was written: " << yr[k];
            }
          }
        }
      }
    }
    if (!inplace_ && heads_ * queries_ > 0) {
      const size_t end = (heads_ * queries_ - 1) * output_stride() + keys_;
      for (size_t i = end; i < y.size(); i++) EXPECT_EQ(kSentinel, y[i]) << "past the tensor";
    }
  }

  size_t heads_ = 1, queries_ = 1, keys_ = 1;
  float scale_ = 1.0f, softcap_ = 0.0f, alibi_ = 0.0f;
  bool mask_ = false, sinks_ = false, query_scales_ = false;
  size_t pad_ = 0;
  bool inplace_ = false;
  size_t threads_ = 1;
  uint32_t flags_ = 0;
  bool scalar_ = false;
  float lo_ = -10.0f, hi_ = 10.0f;
  double masked_fraction_ = 0.0;
  float mask_value_ = -INFINITY;
  bool fully_masked_query_ = false;
  bool x_nan_ = false, mask_nan_ = false, sink_nan_ = false;
  float sink_value_ = NAN;  // NaN: random sinks
  uint32_t seed_ = 42;
  std::vector<float> x_, m_, s_, qs_;
};

class AttentionSoftmax : public ::testing::TestWithParam<IsaPath> {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
  AttentionTester T() const { return AttentionTester().flags(GetParam().flags).scalar(GetParam().scalar); }
};

// Every feature on/off combination (mask, softcap, alibi, sinks, query scales) x heads.
TEST_P(AttentionSoftmax, feature_combinations) {
  for (int features = 0; features < 32; features++) {
    const bool mask = features & 1, softcap = features & 2, alibi = features & 4, sinks = features & 8,
               qs = features & 16;
    if (alibi && !mask) continue;  // ALiBi scales the mask: without a mask it changes nothing
    for (size_t heads : {1, 3, 8, 12}) {
      for (size_t keys : {1, 7, 16, 33, 100, 257}) {
        SCOPED_TRACE("features " + std::to_string(features) + " heads " + std::to_string(heads) + " keys " +
                     std::to_string(keys));
        T().heads(heads).queries(3).keys(keys).scale(0.35f).mask(mask).softcap(softcap ? 5.0f : 0.0f)
            .alibi(alibi ? 8.0f : 0.0f).sinks(sinks).query_scales(qs).masked_fraction(0.2).pad(3)
            .seed(features * 100 + heads + keys).Run();
      }
    }
  }
}

// keys 1..64K, primes, tiles of long rows (32768 per tile), remainders.
TEST_P(AttentionSoftmax, shapes) {
  std::vector<size_t> keys_list;
  for (size_t k = 1; k <= 48; k++) keys_list.push_back(k);
  for (size_t k : {63, 64, 65, 127, 128, 129, 255, 256, 257, 509, 1021, 2039, 4093, 4096, 8191, 32767, 32768, 32771,
                   65521, 65536}) {
    keys_list.push_back(k);
  }
  for (size_t keys : keys_list) {
    SCOPED_TRACE("keys " + std::to_string(keys));
    const size_t queries = keys > 4096 ? 1 : 2;
    T().heads(2).queries(queries).keys(keys).scale(0.125f).mask(true).softcap(30.0f).alibi(8.0f).sinks(true)
        .query_scales(true).masked_fraction(0.3).pad(keys % 5).seed(keys).Run();
    T().heads(1).queries(queries).keys(keys).scale(1.0f).pad(1).seed(keys + 1).Run();
  }
}

TEST_P(AttentionSoftmax, inplace) {
  for (size_t keys : {1, 17, 64, 1000, 40000}) {
    T().heads(3).queries(2).keys(keys).mask(true).softcap(20.0f).sinks(true).query_scales(true).inplace(true).pad(2)
        .Run();
    T().heads(2).queries(2).keys(keys).inplace(true).Run();
  }
}

TEST_P(AttentionSoftmax, threads_bit_identical) {
  for (size_t keys : {5, 128, 4099, 70000}) {
    for (int features : {0, 31}) {
      auto make = [&](size_t threads) {
        return T().heads(8).queries(keys > 4099 ? 2 : 16).keys(keys).mask(features & 1).softcap(features & 2 ? 30.f : 0.f)
            .alibi(features & 4 ? 8.f : 0.f).sinks(features & 8).query_scales(features & 16).masked_fraction(0.1)
            .threads(threads).seed(7);
      };
      const std::vector<float> y1 = make(1).Run();
      const std::vector<float> y2 = make(2).Run();
      const std::vector<float> y4 = make(4).Run();
      EXPECT_EQ(0, std::memcmp(y1.data(), y2.data(), y1.size() * sizeof(float))) << "keys " << keys;
      EXPECT_EQ(0, std::memcmp(y1.data(), y4.data(), y1.size() * sizeof(float))) << "keys " << keys;
    }
  }
}

TEST_P(AttentionSoftmax, masked_elements_and_rows) {
  for (size_t keys : {1, 9, 64, 333, 40000}) {
    for (bool sinks : {false, true}) {
      for (bool softcap : {false, true}) {
        SCOPED_TRACE("keys " + std::to_string(keys) + (sinks ? " sinks" : "") + (softcap ? " softcap" : ""));
        // Half the keys masked with -inf, one query fully masked: its rows are all 0.
        T().heads(3).queries(3).keys(keys).mask(true).masked_fraction(0.5).fully_masked_query(true).sinks(sinks)
            .softcap(softcap ? 10.0f : 0.0f).Run();
        // Every key masked.
        T().heads(2).queries(2).keys(keys).mask(true).masked_fraction(1.0).sinks(sinks)
            .softcap(softcap ? 10.0f : 0.0f).Run();
        // Masked with -1e9 instead of -inf (the exact path for a fully masked query).
        T().heads(2).queries(3).keys(keys).mask(true).masked_fraction(0.5).mask_value(-1.0e9f)
            .fully_masked_query(true).sinks(sinks).softcap(softcap ? 10.0f : 0.0f).Run();
        // -FLT_MAX masks.
        T().heads(2).queries(3).keys(keys).mask(true).masked_fraction(0.5).mask_value(-FLT_MAX)
            .fully_masked_query(true).sinks(sinks).Run();
        // -inf logits in x (no mask): a fully -inf row is all 0.
        T().heads(1).queries(2).keys(keys).input_range(-INFINITY, -INFINITY).sinks(sinks)
            .softcap(softcap ? 10.0f : 0.0f).Run();
      }
    }
  }
}

TEST_P(AttentionSoftmax, nan) {
  for (size_t keys : {1, 9, 64, 333, 40000}) {
    T().heads(3).queries(3).keys(keys).x_nan(true).Run();
    T().heads(3).queries(3).keys(keys).x_nan(true).softcap(10.0f).mask(true).Run();
    T().heads(3).queries(3).keys(keys).mask(true).mask_nan(true).Run();
    T().heads(3).queries(3).keys(keys).mask(true).mask_nan(true).masked_fraction(1.0).Run();
    T().heads(3).queries(3).keys(keys).sinks(true).sink_nan(true).Run();
    T().heads(3).queries(3).keys(keys).sinks(true).sink_nan(true).mask(true).masked_fraction(1.0).Run();
  }
}

TEST_P(AttentionSoftmax, sinks) {
  for (float sink : {-INFINITY, -100.0f, 0.0f, 5.0f, 50.0f, 200.0f, 1.0e4f, 1.0e30f, INFINITY}) {
    for (size_t keys : {1, 16, 100}) {
      SCOPED_TRACE("sink " + std::to_string(sink));
      T().heads(2).queries(2).keys(keys).sinks(true).sink_value(sink).Run();
      T().heads(2).queries(2).keys(keys).sinks(true).sink_value(sink).mask(true).masked_fraction(0.5).softcap(5.f).Run();
    }
  }
}

TEST_P(AttentionSoftmax, wide_range) {
  for (size_t keys : {3, 64, 1000}) {
    T().heads(2).queries(2).keys(keys).input_range(-1000.0f, 1000.0f).Run();
    T().heads(2).queries(2).keys(keys).input_range(-1000.0f, 1000.0f).mask(true).Run();
    T().heads(2).queries(2).keys(keys).input_range(-1.0e5f, 1.0e5f).softcap(50.0f).mask(true).Run();
    T().heads(2).queries(2).keys(keys).input_range(-3.0e4f, 3.0e4f).Run();  // beyond 2^14: exact path
    T().heads(2).queries(2).keys(keys).input_range(-1.0f, 1.0f).scale(1.0e-30f).softcap(1.0e-30f).Run();
  }
}

INSTANTIATE_TEST_SUITE_P(IsaPaths, AttentionSoftmax, ::testing::ValuesIn(TargetIsaPaths()),
                         [](const ::testing::TestParamInfo<IsaPath>& info) { return info.param.name; });

// ---- Parameters and call order ------------------------------------------------------

TEST(AttentionSoftmaxApi, invalid_create_parameters) {
  ASSERT_EQ(xnn_status_success, attnorm_initialize());
  const float bad_scales[] = {0.0f, -1.0f, INFINITY, NAN, FLT_MAX};
  for (float s : bad_scales) {
    attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_attention_softmax_nc_f32(s, 0.0f, 0.0f, 0, &op)) << s;
    EXPECT_EQ(nullptr, op);
  }
  for (float c : {-1.0f, INFINITY, NAN, -INFINITY}) {
    attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(1);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_attention_softmax_nc_f32(1.0f, c, 0.0f, 0, &op)) << c;
    EXPECT_EQ(nullptr, op);
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, c, 0, &op)) << c;
    EXPECT_EQ(nullptr, op);
  }
  attnorm_operator_t op = nullptr;
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, 0.0f, 0x1, &op));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, 0.0f, 0, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, 0.0f,
                                                    ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &op));
}

TEST(AttentionSoftmaxApi, invalid_shapes_and_buffers) {
  ASSERT_EQ(xnn_status_success, attnorm_initialize());
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, 0.0f, 0, &op));
  // keys 0, strides < keys, heads * queries overflow.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_attention_softmax_nc_f32(op, 1, 1, 0, 1, 1, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_attention_softmax_nc_f32(op, 1, 1, 8, 7, 8, 8, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_attention_softmax_nc_f32(op, 1, 1, 8, 8, 7, 8, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_reshape_attention_softmax_nc_f32(op, SIZE_MAX / 2, 4, 8, 8, 8, 8, nullptr));
  std::vector<float> x(4 * 8, 1.0f), y(4 * 8), mask(4 * 8, 0.0f), sinks(2, 0.0f), qs(2, 1.0f);
  // Setup before a successful reshape.
  EXPECT_EQ(xnn_status_invalid_state,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  // mask_stride < keys with a mask.
  ASSERT_EQ(xnn_status_success, attnorm_reshape_attention_softmax_nc_f32(op, 2, 2, 8, 8, 8, 7, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), mask.data(), nullptr, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  // ...is fine without a mask.
  EXPECT_EQ(xnn_status_success,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, nullptr, y.data()));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_attention_softmax_nc_f32(op, 2, 2, 8, 8, 8, 8, nullptr));
  // A mask, sinks or query scales overlapping the output; input / output overlap; NULL buffers.
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), y.data() + 3, nullptr, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), x.data(), nullptr, nullptr, x.data()));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, y.data() + 31, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, y.data(), y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, nullptr, x.data() + 1));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, nullptr, nullptr, nullptr, nullptr, y.data()));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, nullptr, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  // The mask may overlap the input (read-only).
  EXPECT_EQ(xnn_status_success,
            attnorm_setup_attention_softmax_nc_f32(op, x.data(), x.data(), sinks.data(), qs.data(), y.data()));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  // heads 0 / queries 0: nothing to do, like softmax's batch 0; NULL buffers allowed.
  ASSERT_EQ(xnn_status_success, attnorm_reshape_attention_softmax_nc_f32(op, 0, 4, 8, 8, 8, 8, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_setup_attention_softmax_nc_f32(op, nullptr, nullptr, nullptr, nullptr, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_attention_softmax_nc_f32(op, 4, 0, 8, 8, 8, 8, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));  // reshape needs a new setup
  EXPECT_EQ(xnn_status_success, attnorm_setup_attention_softmax_nc_f32(op, nullptr, nullptr, nullptr, nullptr, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
  // An operator of another type.
  attnorm_operator_t softmax = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &softmax));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_reshape_attention_softmax_nc_f32(softmax, 1, 1, 8, 8, 8, 8, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_attention_softmax_nc_f32(nullptr, 1, 1, 8, 8, 8, 8, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(softmax));
}

// Query scales that are not > 0 and finite are data: that query's rows are NaN rows.
TEST(AttentionSoftmaxApi, invalid_query_scale_gives_nan_rows) {
  ASSERT_EQ(xnn_status_success, attnorm_initialize());
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_attention_softmax_nc_f32(1.0f, 0.0f, 0.0f, 0, &op));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_attention_softmax_nc_f32(op, 2, 5, 4, 4, 4, 4, nullptr));
  std::vector<float> x(40, 1.0f), y(40, 0.0f);
  const std::vector<float> qs = {1.0f, 0.0f, -1.0f, INFINITY, NAN};
  ASSERT_EQ(xnn_status_success, attnorm_setup_attention_softmax_nc_f32(op, x.data(), nullptr, nullptr, qs.data(), y.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  for (size_t h = 0; h < 2; h++) {
    for (size_t q = 0; q < 5; q++) {
      for (size_t k = 0; k < 4; k++) {
        const float v = y[(h * 5 + q) * 4 + k];
        if (q == 0) {
          EXPECT_EQ(0.25f, v);
        } else {
          EXPECT_TRUE(std::isnan(v)) << q;
        }
      }
    }
  }
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

class Report : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("attention softmax: max relative error %.3g (without soft-cap %.3g), max error / bound %.3g\n",
                g_max_error, g_max_error_nocap, g_max_error_ratio);
  }
};
const auto* const kReport = ::testing::AddGlobalTestEnvironment(new Report);

}  // namespace
