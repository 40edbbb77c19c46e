// f32-logstablemax: the whole LogStableMax of one SHORT row (attention rows of 32..256 logits) in
// one kernel call, as f32-softmax is for softmax: the row is loaded once into registers, m and s
// computed once, s summed, -log(sum) computed once as hi + lo, y = (log s + hi) + lo stored:
// 1 read + 1 write per element instead of f32-rsumstablemax + f32-vlogstablemax (2 reads +
// 1 write, two calls and prologues, and log(sum) in double in the operator).
//   log s(z) = log(1 + z) for z >= 0, -log(1 - z) for z < 0, z = scale * x;
//   output[i] = log s_i - log sum_j s_j.
//
// Contract (the f32-logstablemax tester checks exactly this against a long-double reference fed
// the same float x and scale):
//   params: attnorm_init_f32_stablemax_params(params, scale), scale > 0 and finite.
//   batch: bytes, 0 < batch <= BATCH_TILE * sizeof(float), a multiple of sizeof(float):
//   BATCH_TILE (the uN of the name) is the LONGEST row a kernel takes, not a loop step. No
//   alignment required. Reads exactly the row, writes exactly the row. In place is allowed.
//   Returns true when it wrote the row. Returns false, WITHOUT writing anything, when the float
//   sum of s is not in [2^-60, +inf) (a NaN or +inf input, every input -inf, a float overflow
//   of the sum, every |scale * x| above ~2^60): the caller runs its multi-pass path.
//   m = 1 + |z| = fma(|x|, scale, 1) rounded once, s = m or 1 / m summed in float (one partial
//   sum per lane and accumulator, <= 8 terms each; the scalar kernels: 4 partial sums): a row is
//   one ATTNORM_SUM_BLOCK block, like the multi-pass path's. log m by the stablemax2 log core of
//   microkernels/simd (SIMD: VPERMPS table + degree 3 / 4 polynomial, 6e-8 + 0.5 ulp absolute;
//   scalar: attnorm_log_f32), -log(sum) as hi + lo (within 6e-8; scalar: double).
//   |y - exact| <= 1e-6 * max(1, |y|) + 2^-24 * |log s| (the second term: rounding the named
//   intermediate log s once), exact = log s - log(exact sum), as f32-vlogstablemax.
//   -inf inputs (with a finite row sum): exactly -inf.
#pragma once

#include <stdbool.h>

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef bool attnorm_f32_logstablemax_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_stablemax_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_max_elements: its BATCH_TILE, the
// longest row it takes.
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_logstablemax_ukernel_fn ukernel;                                                                     \
  enum { ukernel##_max_elements = batch_tile };
#include "microkernels/f32-logstablemax/f32-logstablemax.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
