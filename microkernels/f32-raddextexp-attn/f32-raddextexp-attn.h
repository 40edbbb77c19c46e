// f32-raddextexp-attn: pass 1 of the fused attention softmax (operators/attention-softmax-nc.c),
// the Two-Pass extended-exponent sum of f32-raddextexp over the row's attention logits z:
//   sum[0] * 2^sum[1] = sum_i exp(z_i)
//   z_i = s * x_i                                   (plain kernels: reduced from x, never rounded)
//   z_i = s * x_i + slope * mask_i                  (_mask kernels)
//   z_i = c * tanh(x_i * fl(s / c))                 (_softcap kernels; x = -inf stays -inf)
//   z_i = c * tanh(x_i * fl(s / c)) + slope * mask_i (_mask_softcap kernels)
// s = scale * query scale, c = soft-cap, slope = the head's ALiBi slope (1 without ALiBi), all
// per call in struct attnorm_f32_attn_params. The kernels that compute z round it once per step
// named above (SIMD: fma(x, s, fl(slope * mask)); scalar: fl(fl(s * x) + fl(slope * mask));
// softcap: fl(u = x * fl(s/c)), tanh(u) to the core's accuracy, fl(c * tanh), fl(+ slope*mask)),
// then evaluate exp(z) exactly as f32-raddextexp with scale 1.
//
// Contract
//   Everything f32-raddextexp.h states, with scale * input[i] replaced by z_i: valid range
//   |z_i| <= 2^21, each term within 1e-6 relative error of exp(fl-evaluated z_i) for |z_i| <= 2^14,
//   -inf z contributes nothing, a row of only -inf z returns sum[1] == ATTNORM_EXTEXP_MIN_EXPONENT
//   and sum[0] == 1 (NaN if a NaN was present), NaN anywhere (x, mask) gives a NaN sum[0], +inf z
//   a NaN or infinite sum.
//   Relative to the exact z_i of the formula (long double from the same float inputs), the term's
//   error adds the rounding of the intermediates: plain: 0 (scale s itself is the caller's float);
//   _mask: |z_i| * 2^-24 (+ |slope * mask_i| * 2^-24 when slope != 1; scalar: + |s * x_i| * 2^-24);
//   _softcap: c * (2 * |u| * 2^-24 * (1 - tanh^2 u) + E_tanh) + |z_i| * 2^-24 with E_tanh the tanh
//   core's absolute error (rational 9/8; AVX512F: reciprocal estimate + one Newton step, AVX2 and
//   scalar: a division). The contract states E_tanh <= 6e-7 (SIMD) / 8e-7 (scalar), which the
//   tester checks; measured with c = 1 (z = tanh u, |u| <= 10, exp's own error included):
//   <= 3.5e-7 AVX2 / AVX512F, 4.5e-7 scalar.
//   Measured worst relative errors against the exact z (test/f32-*-attn.cc): plain 2.1e-7; _mask
//   1.1e-6 at |x| <= 20, 1.5e-5 at |x| <= 500 (the |z| * 2^-24 term); _softcap c = 30: 6.1e-6.
//   mask: the row of mask values (NULL for kernels without _mask); mask[i] = -inf masks x_i.
//   batch: bytes, a non-zero multiple of sizeof(float). Reads exactly the row (and mask row);
//   writes exactly sum[0] and sum[1].
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"

#ifdef __cplusplus
extern "C" {
#endif

// Per-call (per-row) parameters of the attention kernels.
struct attnorm_f32_attn_params {
  union attnorm_f32_expminus_params expminus;  // exp core: scale s (plain kernels)
  union attnorm_f32_expminus_params unit;      // exp core: scale 1 (kernels that compute z)
  float scale;        // s
  float softcap_inv;  // fl(s / c)
  float softcap;      // c (0: no soft-capping; only _softcap kernels read it)
  float slope;        // ALiBi slope of the row's head (1 without ALiBi)
};

// unit must already hold attnorm_init_f32_expminus_params(&unit, 1.0f) (it never changes):
// callers keep it across rows, this fills the rest.
static inline void attnorm_update_f32_attn_params(struct attnorm_f32_attn_params* params, float scale,
                                                  float softcap, float slope, bool plain) {
  params->scale = scale;
  params->softcap = softcap;
  params->softcap_inv = softcap > 0.0f ? scale / softcap : 0.0f;
  params->slope = slope;
  if (plain) {
    attnorm_init_f32_expminus_params(&params->expminus, scale);
  }
}

static inline size_t attnorm_init_f32_attn_params(struct attnorm_f32_attn_params* params, float scale,
                                                  float softcap, float slope) {
  attnorm_init_f32_expminus_params(&params->unit, 1.0f);
  attnorm_update_f32_attn_params(params, scale, softcap, slope, true);
  return sizeof(*params);
}

typedef void attnorm_f32_raddextexp_attn_ukernel_fn(
    size_t batch,
    const float* input,
    const float* mask,
    float sum[ATTNORM_MIN_ELEMENTS(2)],
    const struct attnorm_f32_attn_params* params);

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_raddextexp_attn_ukernel_fn ukernel;                                                                    \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
