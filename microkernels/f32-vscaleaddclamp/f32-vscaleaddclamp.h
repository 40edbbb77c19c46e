// f32-vscaleaddclamp: output = clamp(input * multiplier + addend, 0, 1), the
// output pass of clipped softmax (Bondarenko et al. 2023) over exp terms that
// three-pass softmax with reload stored (multiplier = (zeta - gamma) / sum,
// addend = gamma), or over a short row's softmax (multiplier = zeta - gamma).
//
// Contract
//   output[i] = min(max(fma(input[i], multiplier, addend), 0), 1): the multiply-add
//   rounded once (the scalar kernels call fmaf), then clamped: bit-exact against
//   that float expression (0 ulp). NaN input gives NaN (the clamp keeps NaN);
//   -inf gives 0 when multiplier > 0; +inf gives 1. Denormals as IEEE (no
//   flushing by the kernel). multiplier and addend are any floats.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not overlap.
//   Reads exactly the row; never writes past output[batch/sizeof(float) - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscaleaddclamp_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float multiplier,
    float addend);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscaleaddclamp_ukernel_fn ukernel;                                                                 \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
