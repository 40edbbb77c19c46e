// f32-raddpowrelu: the LSSAR re-weighting sum (softplus attention, p > 0):
//   sum[0] = sum_i relu(u_i)^p, u_i = fl(softplus(fl(c * input[i])) * alpha - offset)
//   (alpha, offset, p = power_int + power_frac from params: the operator passes
//   alpha = N / (S t) and offset = o / t for the row's sum S, length N, offset o and
//   largest t = a_max N - o, so that relu(u) <= ~1 and the power cannot overflow).
// Accuracy contract
//   softplus terms as in f32-raddsoftplus.h (relative error <= 2.5e-7, E_sp below);
//   u_i: one rounding of the affine map (FMA; double in the scalar kernels), relative
//   error <= kappa_i * (E_sp + 2^-24) + 2^-24, kappa_i = |sp_i alpha| / |u_i|;
//   the power: integer p by repeated squaring, relative error <= (power_int - 1) * 2^-24
//   on top of p times that of u_i; a fractional part multiplies by exp(frac * log v),
//   adding <= (2 + |frac * log v|) * 2^-23.
//   0 <= u < FLT_MIN: as a denormal base (AVX512F) or through 2^24 scaling; u <= 0 gives 0.
//   The sum: float partial sums, call on blocks of ATTNORM_SUM_BLOCK(ukernel) elements.
//   Valid input range: relu(u) <= 2 (p <= 64: no overflow), |c * x| <= 2^100.
//   -inf -> a term of exactly +0 (when offset >= 0); NaN -> NaN sum.
//   batch: bytes, a non-zero multiple of sizeof(float). Reads exactly the row.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/softplus-params.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddpowrelu_ukernel_fn(
    size_t batch,
    const float* input,
    float* sum,
    const union attnorm_f32_softplus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddpowrelu_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
