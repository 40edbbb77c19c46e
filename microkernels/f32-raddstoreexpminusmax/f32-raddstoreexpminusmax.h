// f32-raddstoreexpminusmax: pass 2 of three-pass softmax with reload.
//   output[i] = exp(scale * input[i] - max);  sum[0] = sum_i output[i]
//
// Contract (the "expminusmax" contract, shared with f32-raddexpminusmax and
// f32-vscaleexpminusmax)
//   scale > 0 multiplies the logits (1.0f = plain softmax; 1/temperature); it
//   is applied with one rounding, z = fma(input[i], scale, -max) (SIMD FMA;
//   scalar kernels compute it in double, as x86-64's baseline has no FMA), so
//   scale == 1 costs nothing and loses nothing. max must be >= scale * input[i]
//   for every finite input (callers pass scale * rmax(input), rounded).
//   Accuracy: each exp(z) is within 1e-6 relative error of exp(z) computed in
//   double from the same z, for z in [-87.33654, 0]. Two exp algorithms:
//   "p5": range reduction by ln2 (Cody-Waite) and a degree-5 minimax
//   polynomial; "lut16_p3" (AVX512F): reduction by ln2/16, a 16-entry table of
//   2^(k/16) in one register and a degree-3 polynomial (measured 3.2e-7 over
//   every float z in the range).
//   Against exp of the exact scale * input[i] - max, the one rounding of z
//   adds up to |z| * 2^-24 relative error (none when z is exact, as for
//   scale == 1 and input within a factor 2 of max).
//   z < -87.33654 (where exp(z) < 2^-126) gives exactly +0; in particular
//   input -inf gives +0. NaN input gives NaN output (and so a NaN sum).
//   The sum is accumulated in float with ACCUMULATORS x SIMD-width partial sums;
//   callers that need 1e-6 on long rows call the kernel on blocks of at most
//   a few thousand elements and add the block sums in double (the operators do).
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
