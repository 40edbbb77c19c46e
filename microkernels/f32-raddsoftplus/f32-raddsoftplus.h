// f32-raddsoftplus: the LSSA row sum (softplus attention, pass 1 or 2):
//   output[0] = sum_i softplus(z_i), z_i = fl(c * input[i]), c = params->scalar.scale > 0
//   output[1] = max_i input[i]  (exact; a NaN input may be ignored: the sum carries it)
//   output[2] = the number of i with input[i] != -inf (exact, NaN and +inf count)
// softplus(z) = max(z, 0) + log1p(exp(-|z|)), evaluated by attnorm_softplus_f32
// (microkernels/simd/f32-<isa>.h, section "softplus").
//
// Accuracy contract (every kernel of the f32 softplus families)
//   Each term softplus(z_i), for the float z_i = fl(c * x_i): relative error <= 2.5e-7
//   (measured max: see test/softplus-microkernel-tester.h, kSoftplusTermError) when
//   the term is >= FLT_MIN. Rounding z = c * x once to float costs a further
//   |z * softplus'(z) / softplus(z)| * 2^-24 (= |z| * sigmoid(z) / softplus(z) * 2^-24,
//   <= max(1, |z|) * 2^-24) against softplus(c * x) in exact arithmetic.
//   The sum: float partial sums (SIMD width x ACCUMULATORS lanes); relative error
//   <= 2.5e-7 + (terms per partial sum) * 2^-24, so callers sum blocks of at most
//   ATTNORM_SUM_BLOCK(ukernel) elements (128 terms per partial sum) and add the
//   block sums in double.
//   Valid input range: any float x with |c * x| <= FLT_MAX / (terms per partial sum).
//   -inf -> a term of exactly +0 (and not counted); +inf -> +inf; NaN -> NaN sum.
//   Terms below FLT_MIN (z < -87.34): AVX512F gives them as denormals, AVX2 and scalar
//   as +0 (callers that need them, rows whose sum is < 1, take an exact path).
//   batch: bytes, a non-zero multiple of sizeof(float), at most 2^24 elements.
//   No alignment required. Reads exactly the row; writes exactly output[0..2].
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddsoftplus_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_softplus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddsoftplus_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
