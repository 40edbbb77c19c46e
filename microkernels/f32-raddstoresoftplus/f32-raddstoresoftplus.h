// f32-raddstoresoftplus: the LSSA row sum that keeps its terms (softplus attention,
// p = 0, not in place: the output pass then only scales the stored terms, f32-vscale):
//   output[i] = softplus(z_i), z_i = fl(c * input[i]), c = params->scalar.scale > 0
//   *sum      = sum_i output[i]
// softplus(z) = max(z, 0) + log1p(exp(-|z|)), evaluated by attnorm_softplus_f32
// (microkernels/simd/f32-<isa>.h, section "softplus"), the same core and the same
// float operations as f32-raddsoftplus and f32-vsoftplusscale: output[i] * m is
// bit-identical to f32-vsoftplusscale's y[i] for the multiplier m.
//
// Accuracy contract (that of f32-raddsoftplus.h)
//   Each stored term softplus(z_i), for the float z_i = fl(c * x_i): relative error
//   <= 2.5e-7 (kSoftplusTermError) when the term is >= FLT_MIN.
//   The sum: float partial sums (SIMD width x ACCUMULATORS lanes); relative error
//   <= 2.5e-7 + (terms per partial sum) * 2^-24; callers sum blocks and add the
//   block sums in double.
//   Valid input range: any float x with |c * x| <= FLT_MAX / (terms per partial sum).
//   -inf -> a stored term of exactly +0; +inf -> +inf; NaN -> NaN term and NaN sum.
//   Terms below FLT_MIN (z < -87.34): AVX512F gives them as denormals, AVX2 and scalar
//   as +0 (callers that need them take an exact path).
//   batch: bytes, a non-zero multiple of sizeof(float), at most 2^24 elements.
//   No alignment required. input and output must not overlap (partially or fully:
//   not in place). Reads exactly the row; writes exactly output[0..n-1] and *sum.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddstoresoftplus_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float* sum,
    const union attnorm_f32_softplus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddstoresoftplus_ukernel_fn ukernel;                                                                    \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
