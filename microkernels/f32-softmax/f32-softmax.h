// f32-softmax: the whole softmax of one SHORT row held in registers (attention
// rows of 64..256 logits), in one kernel call: 1 read + 1 write per element,
// one prologue and two horizontal reductions per row instead of three kernel
// calls (f32-rmax, f32-raddstoreexpminusmax, f32-vscale) with 2 reads + 2
// writes more and three prologues.
//   output[i] = exp(scale * input[i] - M) / sum_j exp(scale * input[j] - M)
// computed as e_i = exp(scale * input[i] - k * ln2) with M = fl(scale * max_i input[i])
// and k = attnorm_f32_expminus_k(M) (the three-pass "expminus" contract of PLAN.md /
// microkernels/microparams.h; the factor exp(M - k ln2) in [2^-1/2, 2^1/2] cancels), then
// output[i] = e_i * fl(1 / sum_j e_j).
//
// Contract
//   params: attnorm_init_f32_expminus_params(params, scale), scale > 0 (the logit multiplier,
//   1 = plain softmax, 1/temperature); the kernels read scale and scale_log2e.
//   batch: bytes, 0 < batch <= BATCH_TILE * sizeof(float), a multiple of sizeof(float):
//   BATCH_TILE (the uN of the name, the batch_tile field of the .inc row) is the LONGEST row a
//   kernel takes, not a loop step; longer rows need the multi-pass families. No alignment
//   required. Reads exactly the row and writes exactly the row (masked loads and stores on
//   AVX512F, a mask table and 4/2/1 stores on AVX2). In place (output == input) is allowed.
//   Valid range: |scale * input[i]| <= 2^14 for every finite input.
//   Accuracy: every output is within 1e-6 relative error of the softmax computed in double from
//   the exact scale * input[i], at ANY spread of the logits within the valid range (the exp is
//   reduced from x itself: n = round(x * scale_log2e), t = fma(x, scale, -n * ln2_hi) - n * ln2_lo
//   with a 9-bit ln2_hi, so scale * x - M is never rounded to float); outputs whose exact value
//   is below 2^-126 (FLT_MIN) may be anything in [0, 2^-126) (in practice +0 or denormal).
//   Measured (tests: every row length 1..BATCH_TILE, logits U[90, 100], U[-60, 60],
//   U[-500, 500] at scales 1, 0.125 and 1.7, +-2^14): 6.1e-7 SIMD, 3.2e-7 scalar. Error budget: exp term <= 4e-7, the sum
//   of <= 256 positive terms in float, as SIMD-lane partial sums added in a tree (depth
//   <= 8: <= 8 * 2^-24 worst case, ~1e-7 in practice; the scalar kernel sums in double), the
//   reciprocal and the product (one rounding each).
//   -inf logits (masked): exactly +0 (AVX512F clamps inputs at scale * x = -3e6 / log2(e): exact
//   +0 whenever the row's maximum is above -2^21 / scale, always in the valid range; -FLT_MAX
//   masks give +0 too). A row of only -inf: every output +0 (the operator's fill of
//   a fully masked row). A NaN anywhere (also among -inf only): every output of the row is NaN.
//   +inf anywhere (outside the valid range): every output is NaN.
//   A row whose largest scaled logit is outside [-2^14, 2^14] (only -inf, or a row
//   masked with -1e9 or -FLT_MAX) takes the rare exact path,
//   attnorm_f32_softmax_exact (microkernels/exact-rows.h): correct in double.
//   Denormal inputs are ordinary values (their terms are exp(~0) = ~1).
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_softmax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_max_elements: its BATCH_TILE, the
// longest row it takes (for configs: `.softmax_max_elements = ukernel##_max_elements`).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_softmax_ukernel_fn ukernel;                                                                          \
  enum { ukernel##_max_elements = batch_tile };
#include "microkernels/f32-softmax/f32-softmax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
