// f32-raddstoreexpminusmax: pass 2 of three-pass softmax with reload.
//   output[i] = e_i = exp(s * input[i] - k * ln2);  sum[0] = sum_i e_i
// with s = params->scalar.scale and k = attnorm_f32_expminus_k(*max), the
// integer-valued float round(fl(M * log2(e))); e_i = exp(s*x_i - M) * exp(M - k*ln2),
// a factor in [2^-1/2, 2^1/2] that cancels when the caller normalizes.
//
// Contract (the "expminusmax" contract, shared with f32-raddexpminusmax and
// f32-vscaleexpminusmax)
//   params from attnorm_init_f32_expminus_params(s), s > 0 (1 = plain softmax;
//   1/temperature). *max = M = fl(s * rmax(input)), >= fl(s * x_i) for every
//   finite x_i.
//   Accuracy: each e_i within 1e-6 relative error (measured 1.7e-7 on every
//   ISA) of exp(s * x_i - k * ln2) computed in double from the exact s * x_i,
//   for |s * x_i| <= 2^14, at any logit spread: the exp is reduced from x
//   itself, n = round(x * fl(s*log2e)), t = fma(x, s, -n*ln2_hi) - n*ln2_lo
//   with a 9-bit ln2_hi (exact n*ln2_hi), degree-5 polynomial "p5", and
//   2^(n - k) from exponent bits (scalar "rr2", AVX2 "rr1") or VSCALEFPS
//   (AVX512F "rr1_p5_scalef"). s * x is never rounded on its own.
//   Terms whose exact value is below 2^-126 are +0 or a value in [0, 2^-126];
//   input -inf gives exactly +0; NaN input gives NaN output (and a NaN sum).
//   The sum is accumulated in float with SIMD width x ACCUMULATORS partial
//   sums (<ukernel>_partial_sums); callers that need 1e-6 on long rows call
//   the kernel on blocks of at most ATTNORM_SUM_BLOCK(ukernel) elements and
//   add the block sums in double (the operators do).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed. Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_raddstoreexpminusmax_ukernel_fn(
    size_t batch,
    const float* input,
    const float* max,
    float* output,
    float* sum,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddstoreexpminusmax_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
