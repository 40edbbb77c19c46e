// f32-rmaxaddexp: pass 1 of ONLINE softmax (Milakov & Gimelshein 2018, "Online normalizer
// calculation for softmax"): one pass over the row computes its maximum and the sum of the
// exponentials together, so softmax needs 2 reads + 1 write (the second pass is
// f32-vscaleexpminusmax with max = fl(scale * output[0]) and scale = 1 / output[1]).
//   output[0] = max_i input[i]                                   (exact, unscaled, as f32-rmax)
//   output[1] = sum_i exp(scale * input[i] - K * ln(2))
//   K = round-to-nearest-even(fl(fl(scale * output[0]) * 0x1.715476p+0f))
// K is exactly the k every "expminusmax" kernel derives from M = fl(scale * output[0]) (the
// three-pass contract in microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h), so
// output[1] is what f32-raddexpminusmax returns for that M, and the factor exp(M - K ln2) in
// [2^-1/2, 2^1/2] cancels in the normalization. output[1] is in [0.7, 1.42 * elements] for rows
// with a finite maximum.
//
// Contract
//   params: attnorm_init_f32_expminus_params(params, scale), scale > 0 (the logit multiplier,
//   1 = plain softmax); the kernels read scale and scale_log2e = fl(scale * log2(e)).
//   Valid range: |scale * input[i]| <= 2^14 for every finite input.
//   Accuracy: output[0] is exact. output[1] is within 1e-6 relative error of the sum computed in
//   double from the exact scale * input[i] and the same K, for rows of up to
//   ATTNORM_SUM_BLOCK(ukernel) elements (longer rows: call per block and merge the
//   (max, sum) pairs, rescaling by 2^(K_block - K_row), in double); measured: <= 4e-7 (tests:
//   scales 1, 0.125, 1.7, rows U[90,100], U[-60,60], U[-500,500], spread over +-2^14, rows whose
//   maximum moves at every element). Each term is evaluated as in the three-pass kernels:
//   n = round(x * scale_log2e), t = fma(x, scale, -n * ln2_hi) - n * ln2_lo with a 9-bit ln2_hi
//   (so the error does not grow with |scale * x|), a degree-5 polynomial p(t) ~ exp(t), and the
//   term p * 2^(n - k) relative to the running k of its lane. Per lane (per SIMD lane, or per
//   kernel for scalar), the kernel keeps a running maximum m and an integer k ~ m * scale_log2e;
//   when m grows, the lane's partial sums are rescaled by 2^(k_old - k_new), an exact power of two
//   (VSCALEFPS on AVX512, exponent bits on AVX2 and scalar); at the end by 2^(k - K). The online
//   sum is therefore exactly as accurate as the recompute sum, whatever the order of the inputs.
//   Terms (and rescaled partial sums) whose exact value is below 2^-126 may be +0 or denormal; they
//   change output[1] by less than 2^-125 absolute, relative to a sum >= 0.7.
//   -inf (masked logits): contributes exactly +0. A row of only -inf gives output[0] = -inf and
//   output[1] = +0 (callers treat it as fully masked).
//   NaN anywhere: output[1] is NaN; output[0] is then unspecified (NaN or one of the inputs).
//   +inf anywhere (outside the valid range): output[0] = +inf, output[1] is NaN.
//   Denormal inputs are ordinary values (their terms are exp(~0) = ~1).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   Reads exactly the row; writes exactly output[0] and output[1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

// The smallest running k of a lane: k while a lane has seen only -inf. Any finite input in the
// valid range has round(input * scale_log2e) >= -23638 > this.
#define ATTNORM_RMAXADDEXP_MIN_K (-0x1.0p+15f)

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_rmaxaddexp_ukernel_fn(
    size_t batch,
    const float* input,
    float output[ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_rmaxaddexp_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
