// The kernel table of the guard-page test: every kernel of every enumerator
// list (microkernels/<family>/<family>.inc), each with its family's adapter,
// a function that calls a kernel of the family on a row of n floats with
// valid parameters.
//
// To add a family: include its header, write a Run<Family> adapter (and its
// KernelFamily), and add one ATTNORM_FAMILY_ROWS line to Kernels().
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstddef>
#include <cstring>
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
#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"
#include "microkernels/f32-vstablemax/f32-vstablemax.h"
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.h"
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.h"
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"

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

// ---- Adapters of the attention-normalization families (issue 7 / 8) -------------------

inline void RunVsigmoid(GenericFn fn, size_t n, const float* x, float* y) {
  union attnorm_f32_sigmoid_params params;
  attnorm_init_f32_sigmoid_params(&params, 0.5f, -7.62f);
  As<attnorm_f32_vsigmoid_ukernel_fn>(fn)(n * sizeof(float), x, y, &params);
}
inline const union attnorm_f32_stablemax_params* StableMaxParams() {
  static const union attnorm_f32_stablemax_params params = [] {
    union attnorm_f32_stablemax_params p;
    attnorm_init_f32_stablemax_params(&p, 0.75f);
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
inline void RunRsumstablemax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_rsumstablemax_ukernel_fn>(fn)(n * sizeof(float), x, y, StableMaxParams());
}
inline void RunVstablemax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vstablemax_ukernel_fn>(fn)(n * sizeof(float), x, y, 1.0f / (float) n, StableMaxParams());
}
inline void RunVlogstablemax(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vlogstablemax_ukernel_fn>(fn)(n * sizeof(float), x, y, -3.25f, 0x1.0p-30f, StableMaxParams());
}
inline void RunVscaleaddclamp(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vscaleaddclamp_ukernel_fn>(fn)(n * sizeof(float), x, y, 0.04f, 0.5f);
}
inline void RunVscaleextexpaddclamp(GenericFn fn, size_t n, const float* x, float* y) {
  // n + multiplier_exp <= 127 (inputs below 16); the clamp keeps some outputs inside (0, 1).
  As<attnorm_f32_vscaleextexpaddclamp_ukernel_fn>(fn)(n * sizeof(float), x, y, 1.0f / (float) n, -20.0f, -0.03f,
                                                      ExpParams());
}
inline void RunSoftmaxaddclamp(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_softmaxaddclamp_ukernel_fn>(fn)(n * sizeof(float), x, y, 1.03f, -0.03f / (float) n, ExpParams());
}
// f32-vlog2quant writes n BYTES (uint8_t codes). The table's output region is
// n floats; the adapter puts the n codes at its END (so they end at the guard
// page in the "ending at a guard page" run) and fills the 3n bytes before them
// with a pattern it checks after the call: a write before the codes aborts.
// (The "starting after a guard page" run thus starts the codes 3n bytes into
// the region: an underrun there is caught by the pattern, not by the page.)
inline void RunVlog2quant(GenericFn fn, size_t n, const float* x, float* y) {
  union attnorm_f32_log2quant_params params;
  attnorm_init_f32_log2quant_params(&params, 1.0f, 2.0f, 15.0f);
  uint8_t* bytes = reinterpret_cast<uint8_t*>(y);
  const size_t prefix = n * sizeof(float) - n;
  memset(bytes, 0xA5, prefix);
  const double bias = 2.0 * 20.0 * 1.4426950408889634;  // c log2(sum) for a sum of e^20
  const float bias_hi = (float) bias;
  As<attnorm_f32_vlog2quant_ukernel_fn>(fn)(n * sizeof(float), x, bytes + prefix, bias_hi,
                                            (float) (bias - (double) bias_hi), &params);
  for (size_t i = 0; i < prefix; i++) {
    if (bytes[i] != 0xA5) {
      fprintf(stderr, "f32-vlog2quant: n=%zu wrote before its %zu output bytes (byte %zu)\n", n, n, prefix - i);
      abort();
    }
  }
}
inline void RunRcountunmasked(GenericFn fn, size_t n, const float* x, float* y) {
  union attnorm_f32_default_params params;
  attnorm_init_f32_default_params(&params);
  As<attnorm_f32_rcountunmasked_ukernel_fn>(fn)(n * sizeof(float), x, y, &params);
}
inline const union attnorm_f32_softplus_params* SoftplusParams() {
  // c = 1; re-weighting u = softplus(z) / 16 - 0.25 (relu(u) <= ~1.1 for x <= 16), p = 2.5.
  static const union attnorm_f32_softplus_params params = [] {
    union attnorm_f32_softplus_params p;
    attnorm_init_f32_softplus_params(&p, 1.0f, 1.0f / 16.0f, 0.25f, 2.5f);
    return p;
  }();
  return &params;
}
inline void RunRaddstoresoftplus(GenericFn fn, size_t n, const float* x, float* y) {
  float sum;
  As<attnorm_f32_raddstoresoftplus_ukernel_fn>(fn)(n * sizeof(float), x, y, &sum, SoftplusParams());
}
inline void RunRaddsoftplus(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_raddsoftplus_ukernel_fn>(fn)(n * sizeof(float), x, y, SoftplusParams());
}
inline void RunVsoftplusscale(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vsoftplusscale_ukernel_fn>(fn)(n * sizeof(float), x, y, 1.0f / (float) n, SoftplusParams());
}
inline void RunRaddpowrelu(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_raddpowrelu_ukernel_fn>(fn)(n * sizeof(float), x, y, SoftplusParams());
}
inline void RunVpowreluscale(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_vpowreluscale_ukernel_fn>(fn)(n * sizeof(float), x, y, 0.5f, SoftplusParams());
}
// The attention families: one .inc holds the plain, _mask, _softcap and
// _mask_softcap kernels of a family (one signature). The adapters pass the
// input row as the mask row too, so the mask reads are guard-tested with the
// input's (the plain and _softcap kernels do not read it); soft-cap 30, slope 1:
// z within [-32, 32].
inline const struct attnorm_f32_attn_params* AttnParams() {
  static const struct attnorm_f32_attn_params params = [] {
    struct attnorm_f32_attn_params p;
    attnorm_init_f32_attn_params(&p, 1.0f, 30.0f, 1.0f);
    return p;
  }();
  return &params;
}
inline void RunRaddextexpAttn(GenericFn fn, size_t n, const float* x, float* y) {
  As<attnorm_f32_raddextexp_attn_ukernel_fn>(fn)(n * sizeof(float), x, x, y, AttnParams());
}
inline void RunVscaleextexpAttn(GenericFn fn, size_t n, const float* x, float* y) {
  // n + multiplier_exp <= 0: exp(z) < 2^47 for z <= 32.
  As<attnorm_f32_vscaleextexp_attn_ukernel_fn>(fn)(n * sizeof(float), x, x, y, 1.0f / (float) n, -64.0f,
                                                   AttnParams());
}
// f32-rmaxstore-attn writes the row (guard-tested) and max[0] (a local here;
// compared between the heap run and the guarded runs through the abort below).
inline void RunRmaxstoreAttn(GenericFn fn, size_t n, const float* x, float* y) {
  static thread_local float first_max;
  static thread_local size_t first_n = 0;
  static thread_local GenericFn first_fn = nullptr;
  float max[1];
  As<attnorm_f32_rmaxstore_attn_ukernel_fn>(fn)(n * sizeof(float), x, x, y, max, AttnParams());
  if (first_fn == fn && first_n == n) {
    if (memcmp(&max[0], &first_max, sizeof(float)) != 0) {
      fprintf(stderr, "f32-rmaxstore-attn: n=%zu max differs between runs on the same row\n", n);
      abort();
    }
  } else {
    first_fn = fn;
    first_n = n;
    first_max = max[0];
  }
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
inline const KernelFamily kVsigmoid = {"f32-vsigmoid", 0, true, false, RunVsigmoid};
inline const KernelFamily kRsumstablemax = {"f32-rsumstablemax", 1, false, false, RunRsumstablemax};
inline const KernelFamily kVstablemax = {"f32-vstablemax", 0, true, false, RunVstablemax};
inline const KernelFamily kVlogstablemax = {"f32-vlogstablemax", 0, true, false, RunVlogstablemax};
inline const KernelFamily kVscaleaddclamp = {"f32-vscaleaddclamp", 0, true, false, RunVscaleaddclamp};
inline const KernelFamily kVscaleextexpaddclamp = {"f32-vscaleextexpaddclamp", 0, true, false, RunVscaleextexpaddclamp};
inline const KernelFamily kSoftmaxaddclamp = {"f32-softmaxaddclamp", 0, true, true, RunSoftmaxaddclamp};
inline const KernelFamily kVlog2quant = {"f32-vlog2quant", 0, false, false, RunVlog2quant};
inline const KernelFamily kRcountunmasked = {"f32-rcountunmasked", 1, false, false, RunRcountunmasked};
inline const KernelFamily kRaddsoftplus = {"f32-raddsoftplus", 3, false, false, RunRaddsoftplus};
// Stores the row and its sum (the sum to a local, like raddstoreexpminusmax); not in place.
inline const KernelFamily kRaddstoresoftplus = {"f32-raddstoresoftplus", 0, false, false, RunRaddstoresoftplus};
inline const KernelFamily kVsoftplusscale = {"f32-vsoftplusscale", 0, true, false, RunVsoftplusscale};
inline const KernelFamily kRaddpowrelu = {"f32-raddpowrelu", 1, false, false, RunRaddpowrelu};
inline const KernelFamily kVpowreluscale = {"f32-vpowreluscale", 0, true, false, RunVpowreluscale};
inline const KernelFamily kRaddextexpAttn = {"f32-raddextexp-attn", 2, false, false, RunRaddextexpAttn};
inline const KernelFamily kVscaleextexpAttn = {"f32-vscaleextexp-attn", 0, true, false, RunVscaleextexpAttn};
inline const KernelFamily kRmaxstoreAttn = {"f32-rmaxstore-attn", 0, true, false, RunRmaxstoreAttn};

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
#define ATTNORM_CURRENT_FAMILY &kVsigmoid
#include "microkernels/f32-vsigmoid/f32-vsigmoid.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRsumstablemax
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVstablemax
#include "microkernels/f32-vstablemax/f32-vstablemax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVlogstablemax
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscaleaddclamp
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscaleextexpaddclamp
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kSoftmaxaddclamp
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVlog2quant
#include "microkernels/f32-vlog2quant/f32-vlog2quant.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRcountunmasked
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddsoftplus
#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddstoresoftplus
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVsoftplusscale
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddpowrelu
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVpowreluscale
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRaddextexpAttn
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kVscaleextexpAttn
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.inc"
#undef ATTNORM_CURRENT_FAMILY
#define ATTNORM_CURRENT_FAMILY &kRmaxstoreAttn
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.inc"
#undef ATTNORM_CURRENT_FAMILY
#undef ATTNORM_UKERNEL
  };
  return kernels;
}

}  // namespace attnorm_reliability
