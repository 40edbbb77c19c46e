// f32-vlog2quant: the output pass of softmax to log2 codes (RepQ-ViT / FQ-ViT
// style post-softmax log2 quantizers), with no exp:
//   v_i = slope * input[i] + bias,  output[i] = min(round_half_even(max(v_i, 0)), code_max)
// where, for y = softmax(scale * input) and c codes per octave (1, or 2 for the sqrt(2)
// quantizer), -c * log2(y_i) = c * (log2(sum_j exp(scale * x_j)) - scale * x_i * log2(e)):
// slope = -c * scale * log2(e) (per operator, in the params) and bias = c * log2(sum) (per row,
// the caller's). slope and bias come as float pairs (hi + lo) and the kernel evaluates
// fma(x, slope_hi, bias_hi) + fma(x, slope_lo, bias_lo), so scale * x * log2(e) is never
// rounded on its own and the cancellation against bias (large logits) costs nothing: the
// error is that of rounding v itself.
//
// Contract
//   params: attnorm_init_f32_log2quant_params(params, scale, codes_per_octave, code_max),
//   scale > 0 and finite, codes_per_octave 1 or 2, code_max = 2^bits - 1 for bits in [1, 8].
//   bias_hi + bias_lo: the row's bias with |bias_lo| <= ulp(bias_hi) (a double split in two).
//   Accuracy: with v the exact slope * input[i] + bias (slope as the double c * scale * log2(e)
//   rounded to 48 bits), the computed value is within 2^-23 * |v| + 2^-40 * (|slope * x| + 1)
//   of v (SIMD: two float roundings of a value of about v; scalar: double arithmetic, far
//   tighter); the code is the correctly rounded (ties to even) code of v unless v lies within
//   that distance of a half-integer, where either neighbour may come out. Codes saturate at
//   code_max (v >= code_max - 0.5) and at 0 (v < 0.5, e.g. v slightly negative).
//   -inf input: code_max (the "zero" code); NaN input: code_max; +inf input: unspecified
//   (0 or code_max: softmax's operators never pass it to the kernel).
//   batch: ELEMENTS * sizeof(float) (bytes of the input), a non-zero multiple of sizeof(float);
//   the output has batch / sizeof(float) bytes. No alignment required. Input and output must
//   not overlap. Reads exactly the row; never writes past output[batch / sizeof(float) - 1].
#pragma once

#include <math.h>
#include <stdint.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

union attnorm_f32_log2quant_params {
  struct {
    float slope_hi;  // -codes_per_octave * scale * log2(e), rounded to float
    float slope_lo;  // the rest, rounded to float
    float code_max;  // 2^bits - 1
  } scalar;
};

// Returns sizeof(*params), as the other init functions.
static inline size_t attnorm_init_f32_log2quant_params(
    union attnorm_f32_log2quant_params params[ATTNORM_MIN_ELEMENTS(1)], float scale, float codes_per_octave,
    float code_max) {
  const double slope = -(double) codes_per_octave * (double) scale * 1.4426950408889634074;
  params->scalar.slope_hi = (float) slope;
  params->scalar.slope_lo = (float) (slope - (double) params->scalar.slope_hi);
  params->scalar.code_max = code_max;
  return sizeof(*params);
}

typedef size_t attnorm_init_f32_log2quant_params_fn(
    union attnorm_f32_log2quant_params params[ATTNORM_MIN_ELEMENTS(1)], float scale, float codes_per_octave,
    float code_max);

typedef void attnorm_f32_vlog2quant_ukernel_fn(
    size_t batch,
    const float* input,
    uint8_t* output,
    float bias_hi,
    float bias_lo,
    const union attnorm_f32_log2quant_params params[ATTNORM_MIN_ELEMENTS(1)]);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums
// (for ATTNORM_SUM_BLOCK).
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vlog2quant_ukernel_fn ukernel;                                                                     \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vlog2quant/f32-vlog2quant.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
