// f32-vscaleextexp: pass 2 of the Two-Pass softmax (Dukhan & Ablavatski 2020).
//   output[i] = exp(scale * input[i]) * multiplier_value * 2^multiplier_exp
// computed as p' * 2^(n + multiplier_exp) with exp(scale * input[i]) = exp(t) * 2^n
// range-reduced exactly as in f32-raddextexp and p' ~ multiplier_value * exp(t) the
// degree-5 polynomial with its coefficients multiplied by multiplier_value (once per
// call: no multiply per element), so that with
// multiplier_value = 1 / sum[0] and multiplier_exp = -sum[1] from f32-raddextexp
// the output is softmax(scale * input).
//
// Contract
//   Valid range, scale and accuracy of exp(scale * input[i]) as f32-raddextexp;
//   multiplier_exp is an integer-valued float. Each output is within 1e-6
//   relative error of the double-precision value for |scale * input[i]| <= 2^14
//   (measured: 2.0e-7 below 850, 3.7e-7 up to 2^14), and within 1e-6 +
//   1.1 * |scale * input[i]| * 2^-24 in the rest of the valid range (the rounding
//   of n * ln2_hi, see f32-raddextexp), when n + multiplier_exp <= 0
//   (true for the softmax use above: sum[1] is the largest n; the AVX2 and
//   scalar kernels build 2^(n + multiplier_exp) from exponent bits and need it
//   <= 127), unless
//   it is below FLT_MIN, where it may be flushed to zero (AVX2, scalar) or be a
//   denormal (AVX512 scalef). -inf input gives +0 (it is clamped up to
//   attnorm_f32_extexp_min_input, exponent about -0x1.Fp21 = -4.06e6, so its output
//   is p * 2^(-4.06e6 + multiplier_exp): +0 for any multiplier_exp from a row with
//   a finite input in the valid range, but not for the -ATTNORM_EXTEXP_MIN_EXPONENT
//   of a fully masked row); NaN
//   gives NaN.
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed. Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscaleextexp_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    float scale_mantissa,
    float scale_exponent,
    const union attnorm_f32_expminus_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscaleextexp_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
