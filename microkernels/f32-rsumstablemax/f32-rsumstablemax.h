// f32-rsumstablemax: *sum = sum_i s(scale * x_i), StableMax's s(z) = z + 1 for
// z >= 0, 1 / (1 - z) for z < 0 (Prieto et al. 2025): pass 1 of StableMax and
// LogStableMax. No exp, no max (StableMax is not shift-invariant).
//
// Contract (the f32-rsumstablemax tester checks exactly this against a
// long-double reference fed the same float x and scale):
//   Each term is reduced from x itself: 1 + z = fma(x, scale, 1) and
//   1 - z = fma(x, -scale, 1) are each rounded once (z = scale * x never is),
//   then 1 / (1 - z) (div: correctly rounded; nr: within 2^-22): every term
//   within 3 * 2^-24 relative. Terms add in float, one partial sum per lane and
//   accumulator; on a block of at most ATTNORM_SUM_BLOCK(ukernel) elements (128
//   terms per partial sum) the sum is within 1e-6 relative of the exact sum
//   (typically ~1e-7; the worst case of 128 positive terms is 127 * 2^-24).
//   x = -inf adds exactly 0 (s(-inf) = 0: a sum of 0 means every x is -inf);
//   x = +inf gives +inf, NaN gives NaN. A float sum can overflow to +inf for
//   huge finite x (s > FLT_MAX / 128): callers check a non-finite sum against
//   the row. Terms below FLT_MIN (|scale * x| > 8.5e37) are denormal.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
#pragma once

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_rsumstablemax_ukernel_fn(
    size_t batch,
    const float* input,
    float* sum,
    const union attnorm_f32_stablemax_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_rsumstablemax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
