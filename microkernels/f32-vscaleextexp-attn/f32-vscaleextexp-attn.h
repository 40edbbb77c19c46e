// f32-vscaleextexp-attn: pass 2 of the fused attention softmax, f32-vscaleextexp over the
// attention logits z of f32-raddextexp-attn (z recomputed from x and the mask, same formulas,
// same roundings, same kernels' feature suffixes plain / _mask / _softcap / _mask_softcap):
//   output[i] = exp(z_i) * multiplier_value * 2^multiplier_exp
//
// Contract
//   As f32-vscaleextexp.h with scale * input[i] replaced by z_i (valid range, accuracy of
//   exp(fl-evaluated z_i): 1e-6 relative for |z_i| <= 2^14, multiplier_exp integer-valued and
//   n + multiplier_exp <= 0); relative to the exact z of the formula, plus the intermediate
//   roundings f32-raddextexp-attn.h lists. -inf z gives +0 next to a finite sum, NaN gives NaN.
//   mask: the row of mask values (NULL for kernels without _mask).
//   batch: bytes, a non-zero multiple of sizeof(float). In place (output == input) is allowed.
//   Never writes past the row.
#pragma once

#include "microkernels/common.h"
#include "microkernels/microparams.h"
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vscaleextexp_attn_ukernel_fn(
    size_t batch,
    const float* input,
    const float* mask,
    float* output,
    float multiplier_value,
    float multiplier_exp,
    const struct attnorm_f32_attn_params* params);

#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vscaleextexp_attn_ukernel_fn ukernel;
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
