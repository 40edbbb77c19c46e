// The kernel table of the guard-page test: every kernel of every enumerator
// list (microkernels/<family>/<family>.inc), each with its family's adapter,
// a function that calls a kernel of the family on a row of n floats with
// valid parameters.
//
// To add a family: include its header, write a Run<Family> adapter (and its
// KernelFamily), and add one ATTNORM_FAMILY_ROWS line to Kernels().
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"
#include "microkernels/f32-rmax/f32-rmax.h"
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "microkernels/f32-vscale/f32-vscale.h"
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"
#include "microkernels/microparams.h"
#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "microkernels/f32-logstablemax/f32-logstablemax.h"
#include "microkernels/sigstable-microparams.h"

namespace attnorm_reliability {

using GenericFn = void (*)();

struct KernelFamily {
  const char* name;
  // 0: the kernel writes a row of n floats; k > 0: it writes k floats.
  size_t scalar_outputs;
  // The family's header allows output == input.
  bool in_place;
  // batch_tile is the longest row the kernel takes (f32-softmax), not a loop step.
  bool batch_tile_is_max;
  // Calls kernel `fn` on x[0..n) writing y (n floats, or scalar_outputs floats).
  void (*run)(GenericFn fn, size_t n, const float* x, float* y);
};

struct Kernel {
  const KernelFamily* family;
  const char* name;
  enum attnorm_isa isa;
  size_t batch_tile;
  GenericFn fn;
};

// ---- Family adapters: valid parameters for rows of values in about [-16, 16] ----------

inline const union attnorm_f32_expminus_params* ExpParams() {
  static const union attnorm_f32_expminus_params params = [] {
    union attnorm_f32_expminus_params p;
    attnorm_init_f32_expminus_params(&p, 1.0f);
    return p;
  }();
  return &params;
}

inline float RowMax(size_t n, const float* x) {
  float max = -INFINITY;
  for (size_t i = 0; i < n; i++) max = x[i] > max ? x[i] : max;
  return max;
}

template <typename Fn>
Fn* As(GenericFn fn) {
  return reinterpret_cast<Fn*>(fn);
}

inline void RunRmax(GenericFn fn, size_t n, const float* x, float* y) {
  union attnorm_f32_default_params params;
  attnorm_init_f32_default_params(&params);
  As<attnorm_f32_rmax_ukernel_fn>(fn)(n * sizeof(float), x, y, &params);
}
inline void RunRaddstoreexpminusmax(GenericFn fn, size_t n, const float* x, float* y) {
  const float max = RowMax(n, x);
  float sum;
  As<attnorm_f32_raddstoreexpminusmax_ukernel_fn>(fn)(n * sizeof(float), x, &max, y, &sum, ExpParams());
}
inline void RunRaddexpminusmax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_raddexpminusmax_ukernel_fn>(fn)(n * sizeof(float), x, y, RowMax(n, x), ExpParams());
}
inline void RunVscaleexpminusmax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vscaleexpminusmax_ukernel_fn>(fn)(n * sizeof(float), x, y, RowMax(n, x), 1.0f / (float) n,
                                                   ExpParams());
}
inline void RunVscale(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vscale_ukernel_fn>(fn)(n * sizeof(float), x, y, 0.5f);
}
inline void RunRaddextexp(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_raddextexp_ukernel_fn>(fn)(n * sizeof(float), x, y, ExpParams());
}
inline void RunVscaleextexp(GenericFn fn, size_t n, const float* x, float* y) {
  // n + exponent <= 0 for inputs below 16 (the family's contract).
  As<attnorm_f32_vscaleextexp_ukernel_fn>(fn)(n * sizeof(float), x, y, 1.0f / (float) n, -24.0f, ExpParams());
}
inline void RunVmuladdc(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vmuladdc_ukernel_fn>(fn)(n * sizeof(float), x, y, -1.5f, ExpParams());
}
inline void RunRmaxaddexp(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_rmaxaddexp_ukernel_fn>(fn)(n * sizeof(float), x, y, ExpParams());
}
inline void RunSoftmax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_softmax_ukernel_fn>(fn)(n * sizeof(float), x, y, ExpParams());
}

inline const union attnorm_f32_stablemax_params* StableMaxParams() {
  static const union attnorm_f32_stablemax_params params = [] {
    union attnorm_f32_stablemax_params p;
    attnorm_init_f32_stablemax_params(&p, 0.5f);
    return p;
  }();
  return &params;
}
inline void RunStablemax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_stablemax_ukernel_fn>(fn)(n * sizeof(float), x, y, StableMaxParams());
}
inline void RunLogstablemax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_logstablemax_ukernel_fn>(fn)(n * sizeof(float), x, y, StableMaxParams());
}

// Padding contract of every family header: "Reads exactly the row" / "No
// alignment required" / "Never writes past the row": no reads or writes
// outside [x, x + n) and [y, y + n) (or y[0..scalar_outputs)).
inline const KernelFamily kRmax = {"f32-rmax", 1, false, false, RunRmax};
inline const KernelFamily kRaddstoreexpminusmax = {"f32-raddstoreexpminusmax", 0, true, false,
                                                   RunRaddstoreexpminusmax};
inline const KernelFamily kRaddexpminusmax = {"f32-raddexpminusmax", 1, false, false, RunRaddexpminusmax};
inline const KernelFamily kVscaleexpminusmax = {"f32-vscaleexpminusmax", 0, true, false, RunVscaleexpminusmax};
inline const KernelFamily kVscale = {"f32-vscale", 0, true, false, RunVscale};
inline const KernelFamily kRaddextexp = {"f32-raddextexp", 2, false, false, RunRaddextexp};
inline const KernelFamily kVscaleextexp = {"f32-vscaleextexp", 0, true, false, RunVscaleextexp};
inline const KernelFamily kVmuladdc = {"f32-vmuladdc", 0, true, false, RunVmuladdc};
inline const KernelFamily kRmaxaddexp = {"f32-rmaxaddexp", 2, false, false, RunRmaxaddexp};
inline const KernelFamily kSoftmax = {"f32-softmax", 0, true, true, RunSoftmax};
inline const KernelFamily kStablemax = {"f32-stablemax", 0, true, true, RunStablemax};
inline const KernelFamily kLogstablemax = {"f32-logstablemax", 0, true, true, RunLogstablemax};

inline const std::vector<Kernel>& Kernels() {
  static const std::vector<Kernel> kernels = {
#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  {ATTNORM_CURRENT_FAMILY, #ukernel, isa, batch_tile, reinterpret_cast<GenericFn>(ukernel)},
#define ATTNORM_CURRENT_FAMILY &kRmax
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddstoreexpminusmax
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddexpminusmax
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscaleexpminusmax
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscale
#include "microkernels/f32-vscale/f32-vscale.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddextexp
#include "microkernels/f32-raddextexp/f32-raddextexp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscaleextexp
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVmuladdc
#include "microkernels/f32-vmuladdc/f32-vmuladdc.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRmaxaddexp
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kSoftmax
#include "microkernels/f32-softmax/f32-softmax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kStablemax
#include "microkernels/f32-stablemax/f32-stablemax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kLogstablemax
#include "microkernels/f32-logstablemax/f32-logstablemax.inc"
#undef ATTNORM_CURRENT_FAMILY
#undef ATTNORM_UKERNEL
  };
  return kernels;
}

}  // namespace attnorm_reliability
