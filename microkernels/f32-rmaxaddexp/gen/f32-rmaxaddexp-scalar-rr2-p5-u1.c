// Auto-generated file. Do not edit!
//   Template: microkernels/f32-rmaxaddexp/scalar-rr2-p5.c.in
//   Generator: scripts/families/f32-rmaxaddexp.py

// Copyright 2026 The attnorm Authors.

#include <assert.h>
#include <math.h>

#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/simd/f32-scalar.h"

// 2^d for an integer-valued d <= 1 (a difference of exponents), built from exponent bits: d is
// clamped up to -127, where the biased exponent 0 gives exactly +0; a NaN d gives +0 too.
static inline float exp2_delta(float d) {
  d = d >= -127.0f ? d : -127.0f;
  return attnorm_exp2_bits_f32(d + 0x1.8000FEp23f);
}

// Online softmax pass 1 (Milakov & Gimelshein 2018), "rr2_p5": a running maximum m, an integer
// k ~ m * scale_log2e (never below ATTNORM_RMAXADDEXP_MIN_K) and 1 partial sum(s) of
// exp(s * x - k * ln2). Each main-loop iteration first takes the maximum of its 1
// element(s), moves (m, k) up to it and rescales the partial sums by 2^(k_old - k_new) built from
// exponent bits (exact: a power of two, +0 below 2^-126), with no branch (the factor is 1 when the
// maximum did not grow); then it adds the exp terms relative to the new k, evaluated by the shared
// three-pass exp core (attnorm_expminus_f32 of microkernels/simd/f32-scalar.h) with k in its
// constants, so exp is evaluated once per element. At the end the sum is rescaled by 2^(k - K).
//
// The core holds k as magic_bias = 1.5 * 2^23 + 127 - k: x * scale_log2e + magic_bias rounds
// x * scale_log2e to an integer n and leaves n - k + 127, the biased exponent of 2^(n - k), in the
// low mantissa bits; it clamps x up to min_input = (k - 127) / scale_log2e, where that exponent
// field is exactly 0 (the term +0), so min_input moves with k too.
void attnorm_f32_rmaxaddexp_ukernel__scalar_rr2_p5_u1(
    size_t batch,
    const float* input,
    float output[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(2)],
    const union attnorm_f32_expminus_params params[ATTNORM_RESTRICT ATTNORM_MIN_ELEMENTS(1)])
{
  assert(batch != 0);
  assert(batch % sizeof(float) == 0);
  assert(input != NULL);
  assert(output != NULL);
  assert(params != NULL);

  const float scale = params->scalar.scale;
  const float scale_log2e = params->scalar.scale_log2e;
  // 1.5 * 2^23 + 127: the magic_bias of k = 0; and 1.5 * 2^23, whose low bits are 0.
  const float vmagic_bias = 0x1.8000FEp23f;
  const float vmagic_bias_zero = 0x1.8p23f;
  // The largest magic_bias, of k = MIN_K: the magic_bias while only -inf has been seen.
  const float vmax_magic_bias = 0x1.8000FEp23f - ATTNORM_RMAXADDEXP_MIN_K;
  // 1 / scale_log2e: min_input = (1.5 * 2^23 - magic_bias) / scale_log2e = (k - 127) / scale_log2e;
  // its two roundings move min_input * scale_log2e by less than 0.01 from k - 127 for |k| < 2^15.
  const float vlog2e_scale_inv = 1.0f / scale_log2e;

  // The exp core's constants; magic_bias and min_input move with k.
  struct attnorm_expminus_f32 vexp;
  vexp.scale = scale;
  vexp.scale_log2e = scale_log2e;
  vexp.magic_bias = vmax_magic_bias;
  vexp.min_input = (vmagic_bias_zero - vexp.magic_bias) * vlog2e_scale_inv;

  float vmax = -INFINITY;
  float vacc0 = 0.0f;
  for (; batch != 0; batch -= sizeof(float)) {
    const float vx = *input++;

    // The same steps as above for a block of one element.
    vmax = vx > vmax ? vx : vmax;
    float vmagic_bias_k = vmagic_bias - vmax * scale_log2e;
    vmagic_bias_k = vmagic_bias_k < vmax_magic_bias ? vmagic_bias_k : vmax_magic_bias;
    vacc0 *= exp2_delta(vmagic_bias_k - vexp.magic_bias);
    vexp.magic_bias = vmagic_bias_k;
    vexp.min_input = (vmagic_bias_zero - vmagic_bias_k) * vlog2e_scale_inv;

    vacc0 += attnorm_expminus_f32(vx, &vexp);
  }
  // The contract's K (attnorm_f32_expminus_k of M = fl(scale * max), the function every expminus
  // kernel uses); k is at most K + 1 (nearly the same product, rounded), so the rescaling by
  // 2^(k - K) = 2^((1.5 * 2^23 + 127 - K) - magic_bias) is exact. A row of only -inf takes K = 0:
  // its sum of +0 terms stays +0 (or NaN).
  float row_k = attnorm_f32_expminus_k(scale * vmax);
  if (vmax == -INFINITY) {
    row_k = 0.0f;
  }
  output[0] = vmax;
  output[1] = vacc0 * exp2_delta((vmagic_bias - row_k) - vexp.magic_bias);
}
