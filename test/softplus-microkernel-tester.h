// Testers of the softplus-attention kernel families (contracts:
// microkernels/f32-raddsoftplus/f32-raddsoftplus.h, f32-vsoftplusscale.h,
// f32-raddpowrelu.h, f32-vpowreluscale.h, f32-rcountunmasked.h), against a
// long-double reference fed the same float z = fl(c * x) the kernels compute.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"
#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.h"
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.h"
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"
#include "test/ukernel-test-utils.h"

namespace attnorm {
namespace softplus {

// The contract's bound on each softplus term (relative, terms >= FLT_MIN).
constexpr double kSoftplusTermError = 2.5e-7;
constexpr double kUlp = 0x1.0p-24;

inline long double Softplus(long double z) { return (z > 0 ? z : 0) + std::log1p(std::exp(-std::fabs(z))); }

// The z of the kernels: one rounded float product.
inline float ScaledLogit(float x, float scale) {
  volatile float z = x * scale;
  return z;
}

template <class Derived>
class Options {
 public:
  Derived& elements(size_t n) { elements_ = n; return self(); }
  Derived& iterations(size_t n) { iterations_ = n; return self(); }
  Derived& scale(float s) { scale_ = s; return self(); }
  Derived& range(float lo, float hi) { lo_ = lo; hi_ = hi; return self(); }
  Derived& minus_inf_fraction(double f) { minus_inf_fraction_ = f; return self(); }
  Derived& nan(bool n) { nan_ = n; return self(); }
  Derived& plus_inf(bool p) { plus_inf_ = p; return self(); }
  Derived& inplace(bool i) { inplace_ = i; return self(); }
  Derived& power(float p) { power_ = p; return self(); }
  Derived& offset(float o) { offset_ = o; return self(); }
  size_t elements() const { return elements_; }

 protected:
  Derived& self() { return static_cast<Derived&>(*this); }

  void Fill(std::mt19937& rng, std::vector<float>& x) const {
    std::uniform_real_distribution<float> dist(lo_, hi_);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (float& v : x) v = coin(rng) < minus_inf_fraction_ ? -std::numeric_limits<float>::infinity() : dist(rng);
    if (nan_) x[rng() % x.size()] = std::nanf("");
    if (plus_inf_) x[rng() % x.size()] = std::numeric_limits<float>::infinity();
  }

  size_t elements_ = 1;
  size_t iterations_ = 15;
  float scale_ = 1.0f;
  float lo_ = -20.0f, hi_ = 20.0f;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
  bool plus_inf_ = false;
  bool inplace_ = false;
  float power_ = 15.0f;
  float offset_ = 1.0f;
};

class RCountUnmaskedMicrokernelTester : public Options<RCountUnmaskedMicrokernelTester> {
 public:
  void Test(attnorm_f32_rcountunmasked_ukernel_fn* count, attnorm_init_f32_default_params_fn* init_params) const {
    union attnorm_f32_default_params params;
    init_params(&params);
    std::mt19937 rng(UINT32_C(0x5EED0C01) + elements());
    std::vector<float> x(elements());
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      size_t expected = 0;
      for (float v : x) expected += v != -std::numeric_limits<float>::infinity();
      GuardedBuffer out(1);
      count(elements() * sizeof(float), x.data(), out.data(), &params);
      ASSERT_TRUE(out.CanariesIntact());
      ASSERT_EQ((float) expected, out[0]) << "elements = " << elements();
    }
  }
};

class RAddSoftplusMicrokernelTester : public Options<RAddSoftplusMicrokernelTester> {
 public:
  void Test(attnorm_f32_raddsoftplus_ukernel_fn* raddsoftplus, attnorm_init_f32_softplus_params_fn* init_params,
            size_t partial_sums) const {
    union attnorm_f32_softplus_params params;
    init_params(&params, scale_, 0.0f, 0.0f, 0.0f);
    std::mt19937 rng(UINT32_C(0x5EED0C02) + elements());
    std::vector<float> x(elements());
    const size_t terms = (elements() + partial_sums - 1) / partial_sums;
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      long double sum = 0;
      float max = -std::numeric_limits<float>::infinity();
      size_t count = 0;
      bool nan = false;
      for (float v : x) {
        if (std::isnan(v)) nan = true;
        sum += Softplus(ScaledLogit(v, scale_));
        max = std::max(max, v);
        count += v != -std::numeric_limits<float>::infinity();
      }
      const std::vector<float> copy(x);
      GuardedBuffer out(3);
      raddsoftplus(elements() * sizeof(float), x.data(), out.data(), &params);
      ASSERT_TRUE(out.CanariesIntact()) << "wrote past the output";
      ASSERT_EQ(0, std::memcmp(copy.data(), x.data(), x.size() * sizeof(float))) << "modified the input";
      ASSERT_EQ((float) count, out[2]) << "count, elements = " << elements();
      if (nan) {
        ASSERT_TRUE(std::isnan(out[0])) << "a NaN input must give a NaN sum";
        continue;
      }
      ASSERT_EQ(max, out[1]) << "max, elements = " << elements();
      if (std::isinf(sum)) {
        ASSERT_EQ(std::numeric_limits<float>::infinity(), out[0]);
        continue;
      }
      const double tolerance = (double) sum * (kSoftplusTermError + (double) terms * kUlp);
      ASSERT_LE(std::fabs((double) out[0] - (double) sum), std::max(tolerance, (double) FLT_MIN))
          << "sum " << out[0] << ", reference " << (double) sum << ", elements = " << elements() << ", scale "
          << scale_;
    }
  }
};

class VSoftplusScaleMicrokernelTester : public Options<VSoftplusScaleMicrokernelTester> {
 public:
  void Test(attnorm_f32_vsoftplusscale_ukernel_fn* vsoftplusscale,
            attnorm_init_f32_softplus_params_fn* init_params) const {
    union attnorm_f32_softplus_params params;
    init_params(&params, scale_, 0.0f, 0.0f, 0.0f);
    std::mt19937 rng(UINT32_C(0x5EED0C03) + elements());
    std::vector<float> x(elements());
    std::uniform_real_distribution<float> multipliers(0.01f, 10.0f);
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      const float multiplier = multipliers(rng);
      GuardedBuffer y(elements());
      if (inplace_) std::copy(x.begin(), x.end(), y.data());
      vsoftplusscale(elements() * sizeof(float), inplace_ ? y.data() : x.data(), y.data(), multiplier, &params);
      ASSERT_TRUE(y.CanariesIntact()) << "wrote past the output, elements = " << elements();
      for (size_t i = 0; i < elements(); i++) {
        const long double expected = Softplus(ScaledLogit(x[i], scale_)) * multiplier;
        if (std::isnan(x[i])) {
          ASSERT_TRUE(std::isnan(y[i]));
        } else if (x[i] == -std::numeric_limits<float>::infinity()) {
          ASSERT_EQ(0.0f, y[i]) << "-inf must give +0";
        } else if (std::isinf(expected)) {
          ASSERT_EQ(std::numeric_limits<float>::infinity(), y[i]);
        } else if (expected / multiplier < FLT_MIN) {
          // A softplus term below FLT_MIN: denormal or flushed to +0 (the contract), then scaled.
          ASSERT_TRUE(y[i] >= 0.0f && y[i] <= FLT_MIN * multiplier * (1 + 1e-6)) << y[i];
        } else {
          // An output below FLT_MIN (a small multiplier) is rounded to a denormal: half its spacing more.
          const double denormal = expected < FLT_MIN ? 0x1.0p-150 : 0.0;
          ASSERT_LE(std::fabs((double) y[i] - (double) expected),
                    (double) expected * (kSoftplusTermError + kUlp) + denormal)
              << "x = " << x[i] << ", z = " << ScaledLogit(x[i], scale_) << ", y = " << y[i] << ", reference "
              << (double) expected;
        }
      }
    }
  }
};

// The re-weighting kernels: u = sp * alpha - offset with alpha chosen so that
// relu(u) <= ~1.2 over the row, as the operator does.
template <class Derived>
class PowReluOptions : public Options<Derived> {
 protected:
  struct Row {
    std::vector<long double> r;    // reference relu(u)^p (NaN for a NaN input)
    std::vector<long double> err;  // its relative tolerance (absolute when r = 0: err is the bound on r)
    float alpha;
  };

  Row Reference(const std::vector<float>& x) const {
    const float p = this->power_;
    const double frac = p - std::floor(p);
    long double sp_max = 0;
    for (float v : x) {
      if (!std::isnan(v)) sp_max = std::max(sp_max, Softplus(ScaledLogit(v, this->scale_)));
    }
    Row row;
    row.alpha = (float) ((this->offset_ + 1.2L) / (sp_max > 0 ? sp_max : 1));
    row.r.resize(x.size());
    row.err.resize(x.size());
    for (size_t i = 0; i < x.size(); i++) {
      if (std::isnan(x[i])) {
        row.r[i] = NAN;
        continue;
      }
      const long double sp = Softplus(ScaledLogit(x[i], this->scale_));
      const long double spa = sp * row.alpha;
      const long double u = spa - this->offset_;
      const double sp_error = sp >= FLT_MIN ? kSoftplusTermError : 1.0;  // below FLT_MIN: any
      if (u > 0) {
        const long double kappa = spa / u;
        const double e_u = (double) (kappa * (sp_error + kUlp) + kUlp);
        row.r[i] = std::pow(u, (long double) p);
        row.err[i] = p * e_u + (std::floor(p) + 1) * kUlp +
                     (frac != 0 ? (2 + std::fabs(frac * std::log((double) u))) * 2 * kUlp : 0.0);
      } else {
        row.r[i] = 0;
        // The computed u may be up to its rounding above 0.
        const long double base = spa * (sp_error + 2 * kUlp) + std::fabs((long double) this->offset_) * kUlp;
        row.err[i] = u + base > 0 ? (double) (2 * std::pow(u + base, (long double) p)) : 0.0;
      }
    }
    return row;
  }
};

class RAddPowReluMicrokernelTester : public PowReluOptions<RAddPowReluMicrokernelTester> {
 public:
  void Test(attnorm_f32_raddpowrelu_ukernel_fn* raddpowrelu, attnorm_init_f32_softplus_params_fn* init_params,
            size_t partial_sums) const {
    std::mt19937 rng(UINT32_C(0x5EED0C04) + elements());
    std::vector<float> x(elements());
    const size_t terms = (elements() + partial_sums - 1) / partial_sums;
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      const Row row = Reference(x);
      union attnorm_f32_softplus_params params;
      init_params(&params, scale_, row.alpha, offset_, power_);
      long double sum = 0, tolerance = 0;
      bool nan = false;
      for (size_t i = 0; i < elements(); i++) {
        if (std::isnan(row.r[i])) nan = true;
        sum += row.r[i];
        tolerance += row.r[i] > 0 ? row.r[i] * row.err[i] : row.err[i];
      }
      tolerance += sum * (long double) terms * kUlp;
      GuardedBuffer out(1);
      raddpowrelu(elements() * sizeof(float), x.data(), out.data(), &params);
      ASSERT_TRUE(out.CanariesIntact());
      if (nan) {
        ASSERT_TRUE(std::isnan(out[0]));
        continue;
      }
      ASSERT_LE(std::fabs((double) out[0] - (double) sum), std::max((double) tolerance, (double) FLT_MIN))
          << "sum " << out[0] << ", reference " << (double) sum << ", p " << power_ << ", elements " << elements();
    }
  }
};

class VPowReluScaleMicrokernelTester : public PowReluOptions<VPowReluScaleMicrokernelTester> {
 public:
  void Test(attnorm_f32_vpowreluscale_ukernel_fn* vpowreluscale,
            attnorm_init_f32_softplus_params_fn* init_params) const {
    std::mt19937 rng(UINT32_C(0x5EED0C05) + elements());
    std::vector<float> x(elements());
    for (size_t iteration = 0; iteration < iterations_; iteration++) {
      Fill(rng, x);
      const Row row = Reference(x);
      union attnorm_f32_softplus_params params;
      init_params(&params, scale_, row.alpha, offset_, power_);
      const float multiplier = 0.75f;
      GuardedBuffer y(elements());
      if (inplace_) std::copy(x.begin(), x.end(), y.data());
      vpowreluscale(elements() * sizeof(float), inplace_ ? y.data() : x.data(), y.data(), multiplier, &params);
      ASSERT_TRUE(y.CanariesIntact()) << "wrote past the output";
      for (size_t i = 0; i < elements(); i++) {
        const long double expected = row.r[i] * multiplier;
        if (std::isnan(row.r[i])) {
          ASSERT_TRUE(std::isnan(y[i]));
          continue;
        }
        if (x[i] == -std::numeric_limits<float>::infinity()) {
          ASSERT_EQ(0.0f, y[i]) << "-inf must give +0";
          continue;
        }
        ASSERT_TRUE(y[i] >= 0.0f);
        const double tolerance =
            row.r[i] > 0 ? (double) (expected * (row.err[i] + kUlp)) : (double) (row.err[i] * multiplier);
        if (expected < FLT_MIN && y[i] < FLT_MIN) continue;
        ASSERT_LE(std::fabs((double) y[i] - (double) expected), std::max(tolerance, (double) FLT_MIN))
            << "x = " << x[i] << ", y = " << y[i] << ", reference " << (double) expected << ", p " << power_;
      }
    }
  }
};

}  // namespace softplus
}  // namespace attnorm
