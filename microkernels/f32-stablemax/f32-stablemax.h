// f32-stablemax: the whole StableMax of one SHORT row (attention rows of 32..256 logits) in one
// kernel call, as f32-softmax is for softmax: the row is loaded once into registers, s(scale * x)
// computed once, summed, scaled by fl(1 / sum) and stored: 1 read + 1 write per element instead
// of f32-rsumstablemax + f32-vstablemax (2 reads + 1 write, two calls and prologues).
//   s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x;  output[i] = s_i / sum_j s_j.
//
// Contract (the f32-stablemax tester checks exactly this against a long-double reference fed the
// same float x and scale):
//   params: attnorm_init_f32_stablemax_params(params, scale), scale > 0 and finite.
//   batch: bytes, 0 < batch <= BATCH_TILE * sizeof(float), a multiple of sizeof(float):
//   BATCH_TILE (the uN of the name) is the LONGEST row a kernel takes, not a loop step. No
//   alignment required. Reads exactly the row, writes exactly the row (masked loads and stores).
//   In place (output == input) is allowed.
//   Returns true when it wrote the row. Returns false, WITHOUT writing anything, when the float
//   sum of s is not in [2^-60, +inf): a NaN or +inf input, every input -inf (sum 0), a float
//   overflow of the sum, or every |scale * x| above ~2^60: the caller runs its multi-pass path
//   (the operator's exact double path and fills), as for f32-rsumstablemax's rare rows.
//   Terms: m = 1 + |z| = fma(|x|, scale, 1) rounded once (z itself never is), s = m or the
//   correctly rounded 1 / m (3 * 2^-24 relative at most per term), summed in float in one
//   partial sum per SIMD lane (<= 16 terms each for the SIMD kernels, <= 64 in each of 4 for the
//   scalar ones) and a tree: a row is one ATTNORM_SUM_BLOCK block, like the multi-pass path's.
//   Every output >= FLT_MIN within 1e-6 relative of s_i / sum_j s_j computed from the exact
//   scale * x (measured: see the tester's printout); outputs below FLT_MIN within FLT_MIN.
//   -inf inputs (with a finite row sum): exactly +0.
#pragma once

#include <stdbool.h>

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef bool attnorm_f32_stablemax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_max_elements: its BATCH_TILE, the
// longest row it takes.
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_stablemax_ukernel_fn ukernel;                                                                        \
  enum { ukernel##_max_elements = batch_tile };
#include "microkernels/f32-stablemax/f32-stablemax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
