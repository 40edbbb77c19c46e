// f32-vscale: output = input * multiplier (pass 3 of three-pass softmax with
// reload, where multiplier = 1 / sum).
//
// Contract
//   output[i] = input[i] * multiplier, one correctly rounded float multiply:
//   bit-exact against the float product (0 ulp). IEEE semantics for -inf,
//   NaN and denormals (the kernels do not flush; the MXCSR/FPCR mode decides).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not overlap.
//   Reads exactly the row; never writes past output[batch/sizeof(float) - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscale_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float scale);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscale_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vscale/f32-vscale.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
