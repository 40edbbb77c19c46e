// f32-rmaxstore-attn: pass 1 of the fused attention softmax's reload form
// (operators/attention-softmax-nc.c): computes the row's attention logits z once, stores them
// in the output row and returns their maximum; passes 2 and 3 are softmax's
// f32-raddstoreexpminusmax (scale 1, in place) and f32-vscale, so exp and tanh are evaluated
// once per element.
//   output[i] = z_i,  max[0] = max_i z_i
//   z_i = fl(s * x_i)                                  (plain kernels)
//   z_i = fma(x_i, s, fl(slope * mask_i))              (_mask; scalar: fl(fl(s*x) + fl(slope*mask)))
//   z_i = fl(c * tanh(fl(x_i * fl(s / c))))            (_softcap; x = -inf stays -inf)
//   z_i = fl(fl(c * tanh(...)) + fl(slope * mask_i))   (_mask_softcap)
// with the parameters of struct attnorm_f32_attn_params (f32-raddextexp-attn.h).
//
// Contract
//   Each z_i is the value the f32-raddextexp-attn kernel of the same ISA and features evaluates
//   (same operations, same roundings; tanh: the simd headers' rational 9/8 core), except the
//   plain kernels, which round s * x_i once (|z_i| * 2^-24 in exp(z_i)).
//   max[0]: the largest z_i; -inf for a row of only -inf z. A NaN z is stored, but max[0] may or
//   may not be NaN (callers detect NaN from the stored row: f32-raddstoreexpminusmax returns a
//   NaN sum for it). +inf z gives max[0] = +inf.
//   mask: the row of mask values (NULL for kernels without _mask).
//   batch: bytes, a non-zero multiple of sizeof(float). In place (output == input) is allowed.
//   Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_rmaxstore_attn_ukernel_fn(
    size_t batch,
    const float* input,
    const float* mask,
    float* output,
    float max[ATTNORM_MIN_ELEMENTS(1)],
    const struct attnorm_f32_attn_params* params);

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_rmaxstore_attn_ukernel_fn ukernel;
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
