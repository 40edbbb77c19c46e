// Tester of the f32-raddextexp-attn and f32-vscaleextexp-attn families (contracts:
// microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h, f32-vscaleextexp-attn.h): against
// a long-double reference fed the same float inputs, with the contract's bound
//   1e-6 + (the cost of rounding z's intermediates once each) + c * E_tanh (softcap kernels).
// The kernel's features (mask, softcap) come from its name.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "test/ukernel-test-utils.h"

class AttnMicrokernelTester {
 public:
  static std::map<std::string, double>& MaxErrors() {
    static std::map<std::string, double> errors;
    return errors;
  }

  AttnMicrokernelTester& elements(size_t v) { elements_ = v; return *this; }
  AttnMicrokernelTester& scale(float v) { scale_ = v; return *this; }
  AttnMicrokernelTester& softcap(float v) { softcap_ = v; return *this; }
  AttnMicrokernelTester& slope(float v) { slope_ = v; return *this; }
  AttnMicrokernelTester& input_range(float lo, float hi) { lo_ = lo; hi_ = hi; return *this; }
  AttnMicrokernelTester& minus_inf_fraction(double v) { minus_inf_fraction_ = v; return *this; }
  AttnMicrokernelTester& nan(bool v) { nan_ = v; return *this; }
  AttnMicrokernelTester& label(const std::string& v) { label_ = v; return *this; }

  // The tanh core's absolute error bound the contract states.
  static double TanhError(const char* name) {
    return std::strstr(name, "scalar") != nullptr ? 8.0e-7 : 6.0e-7;
  }

  void Test(attnorm_f32_raddextexp_attn_ukernel_fn* ukernel, const char* name) {
    Configure(name);
    std::mt19937 rng(elements_ * 7 + 1);
    for (size_t iteration = 0; iteration < 8; iteration++) {
      Generate(rng, iteration);
      float sum[2] = {-1.0f, -1.0f};
      ukernel(elements_ * sizeof(float), x_.data(), mask_ ? m_.data() : nullptr, sum, &params_);
      if (has_nan_) {
        EXPECT_TRUE(std::isnan(sum[0])) << name << " n " << elements_;
        continue;
      }
      if (no_finite_) {
        EXPECT_EQ(ATTNORM_EXTEXP_MIN_EXPONENT, sum[1]) << name;
        EXPECT_EQ(1.0f, sum[0]) << name;
        continue;
      }
      // Relative to 2^max_n: ref = sum exp(z - E ln2) with E = sum[1].
      long double ref = 0;
      double bound = 0;
      for (size_t i = 0; i < elements_; i++) {
        const long double e = expl(z_[i] - (long double) sum[1] * 0.693147180559945309417232121458176568L);
        ref += e;
        if (e > 0) bound = std::max(bound, d_[i]);
      }
      const double got = (double) sum[0];
      const double err = std::fabs(got - (double) ref) / (double) ref;
      Record(err);
      EXPECT_LE(err, 1.0e-6 + bound) << name << " n " << elements_ << " got " << got << " ref " << (double) ref;
    }
  }

  void Test(attnorm_f32_vscaleextexp_attn_ukernel_fn* ukernel, const char* name) {
    Configure(name);
    std::mt19937 rng(elements_ * 13 + 5);
    for (size_t iteration = 0; iteration < 8; iteration++) {
      Generate(rng, iteration);
      // A finite row's own multiplier: 2^-E with E = round(max z * log2 e), times 1/ (1 + i).
      long double max = -INFINITY;
      for (size_t i = 0; i < elements_; i++) max = std::max(max, z_[i]);
      if (has_nan_ || no_finite_ || !(max > -1.0e6L)) max = 0;
      const float e = std::nearbyint((float) (max * 1.4426950408889634L));
      const float mv = 1.0f / (1.0f + (float) iteration);
      std::vector<float> y(elements_ + 1, 123.25f);
      ukernel(elements_ * sizeof(float), x_.data(), mask_ ? m_.data() : nullptr, y.data(), mv, -e, &params_);
      EXPECT_EQ(123.25f, y[elements_]) << name << ": wrote past the row";
      for (size_t i = 0; i < elements_; i++) {
        if (std::isnan((double) z_[i])) {
          EXPECT_TRUE(std::isnan(y[i])) << name << " element " << i;
          continue;
        }
        const long double ref = expl(z_[i] - (long double) e * 0.693147180559945309417232121458176568L) * mv;
        if (ref < FLT_MIN) {
          EXPECT_LE(std::fabs((double) y[i] - (double) ref), FLT_MIN) << name << " element " << i;
          continue;
        }
        const double err = std::fabs((double) y[i] - (double) ref) / (double) ref;
        Record(err);
        EXPECT_LE(err, 1.0e-6 + d_[i]) << name << " n " << elements_ << " element " << i << " x " << x_[i]
                                       << " got " << y[i] << " ref " << (double) ref;
      }
    }
  }

  // f32-rmaxstore-attn: every stored z within the rounding bound d_i (+ |z| 2^-24 for the plain
  // kernels) of the exact z, absolute (an error in z is a relative error in exp(z)); max[0] the
  // largest stored z (-inf for a row of only -inf); NaN z stored as NaN.
  void Test(attnorm_f32_rmaxstore_attn_ukernel_fn* ukernel, const char* name) {
    Configure(name);
    const bool plain = !mask_ && !softcap_on_;
    std::mt19937 rng(elements_ * 17 + 3);
    for (size_t iteration = 0; iteration < 8; iteration++) {
      Generate(rng, iteration);
      std::vector<float> y(elements_ + 1, 123.25f);
      float max = 0.0f;
      ukernel(elements_ * sizeof(float), x_.data(), mask_ ? m_.data() : nullptr, y.data(), &max, &params_);
      EXPECT_EQ(123.25f, y[elements_]) << name << ": wrote past the row";
      float stored_max = -INFINITY;
      for (size_t i = 0; i < elements_; i++) {
        if (std::isnan((double) z_[i])) {
          EXPECT_TRUE(std::isnan(y[i])) << name << " element " << i;
          continue;
        }
        if (!std::isfinite((double) z_[i])) {
          EXPECT_EQ((double) z_[i], (double) y[i]) << name << " element " << i;
        } else {
          const double err = std::fabs((double) y[i] - (double) z_[i]);
          const double bound = d_[i] + (plain ? std::fabs((double) z_[i]) * 0x1.0p-24 : 0.0) + 1.0e-30;
          Record(err / std::max(1.0e-30, bound) * 1.0e-9);  // fraction of the bound, scaled by 1e-9
          EXPECT_LE(err, bound) << name << " element " << i << " x " << x_[i] << " got " << y[i] << " ref "
                                << (double) z_[i];
        }
        stored_max = std::max(stored_max, y[i]);
      }
      if (!has_nan_) {
        EXPECT_EQ(stored_max, max) << name << " n " << elements_;
      }
    }
  }

 private:
  void Configure(const char* name) {
    mask_ = std::strstr(name, "_mask") != nullptr;
    softcap_on_ = std::strstr(name, "_softcap") != nullptr;
    scalar_ = std::strstr(name, "scalar") != nullptr;
    tanh_error_ = TanhError(name);
    attnorm_init_f32_attn_params(&params_, scale_, softcap_on_ ? softcap_ : 0.0f, slope_);
    kind_ = std::string(softcap_on_ ? "softcap" : "no softcap") + (mask_ ? " mask " : " ") + label_;
  }

  void Record(double err) {
    double& m = MaxErrors()[kind_];
    m = std::max(m, err);
  }

  void Generate(std::mt19937& rng, size_t iteration) {
    std::uniform_real_distribution<float> dist(lo_, hi_);
    std::uniform_real_distribution<float> mdist(-8.0f, 2.0f);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    x_.resize(elements_);
    m_.resize(elements_);
    z_.resize(elements_);
    d_.resize(elements_);
    for (size_t i = 0; i < elements_; i++) {
      x_[i] = dist(rng);
      m_[i] = mdist(rng);
      if (minus_inf_fraction_ >= 1.0 || unit(rng) < minus_inf_fraction_) {
        if (mask_ && (i % 2 == 0)) {
          m_[i] = -INFINITY;
        } else {
          x_[i] = -INFINITY;
        }
      }
    }
    if (minus_inf_fraction_ > 0.0 && minus_inf_fraction_ < 1.0) {
      x_[iteration % elements_] = dist(rng);  // one finite z
      m_[iteration % elements_] = 0.0f;
    }
    if (nan_) {
      const size_t i = iteration % 3 == 0 ? 0 : iteration % 3 == 1 ? elements_ - 1 : elements_ / 2;
      if (mask_ && iteration % 2 == 1) {
        m_[i] = NAN;
      } else {
        x_[i] = NAN;
      }
    }
    has_nan_ = false;
    no_finite_ = true;
    const double eps = 0x1.0p-24;
    const long double s = scale_;
    for (size_t i = 0; i < elements_; i++) {
      const long double sx = s * (long double) x_[i];
      long double v = sx;
      double dk = 0.0;
      if (softcap_on_) {
        const long double u = sx / softcap_;
        const long double t = tanhl(u);
        v = x_[i] == -INFINITY ? -INFINITY : softcap_ * t;
        if (std::isfinite((double) u)) {
          dk = softcap_ * ((double) ((1 - t * t) * fabsl(u)) * 2 * eps + tanh_error_) + fabsl(v) * eps;
        }
      }
      if (mask_) {
        const long double bm = (long double) slope_ * (long double) m_[i];
        v += bm;
        if (std::isfinite((double) v)) {
          dk += (fabsl(v) + fabsl(bm)) * eps + (softcap_on_ || !scalar_ ? 0.0 : (double) fabsl(sx) * eps);
        }
      }
      z_[i] = v;
      d_[i] = std::isfinite((double) v) ? dk : 0.0;
      if (std::isnan((double) v)) has_nan_ = true;
      if (v > -INFINITY) no_finite_ = false;
    }
  }

  size_t elements_ = 1;
  float scale_ = 1.0f, softcap_ = 5.0f, slope_ = 1.0f;
  float lo_ = -20.0f, hi_ = 20.0f;
  double minus_inf_fraction_ = 0.0;
  bool nan_ = false;
  std::string label_ = "U[-20,20]";
  bool mask_ = false, softcap_on_ = false, scalar_ = false, has_nan_ = false, no_finite_ = false;
  double tanh_error_ = 0.0;
  struct attnorm_f32_attn_params params_;
  std::string kind_;
  std::vector<float> x_, m_;
  std::vector<long double> z_;
  std::vector<double> d_;
};
