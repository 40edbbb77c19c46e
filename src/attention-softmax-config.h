// Kernel config of the fused attention softmax (operators/attention-softmax-nc.c): for each
// ISA, the Two-Pass kernels of every feature combination (pure data).
#pragma once

#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"
#include "microkernels/f32-vscaleextexp-attn/f32-vscaleextexp-attn.h"

#ifdef __cplusplus
extern "C" {
#endif

// Feature combination index: plain, mask, softcap, mask + softcap.
enum attnorm_attention_features {
  attnorm_attention_plain = 0,
  attnorm_attention_mask = 1,
  attnorm_attention_softcap = 2,
  attnorm_attention_mask_softcap = 3,
  attnorm_attention_feature_count = 4,
};

struct attnorm_attention_softmax_config {
  enum attnorm_isa isa;
  // Pass 1 (sum of exp(z), extended exponent), called on blocks of at most *_block elements
  // (128 terms per float partial sum), the block sums added in double.
  attnorm_f32_raddextexp_attn_ukernel_fn* raddextexp[attnorm_attention_feature_count];
  size_t raddextexp_block[attnorm_attention_feature_count];
  // Pass 2 (exp(z) times 1/sum, written).
  attnorm_f32_vscaleextexp_attn_ukernel_fn* vscaleextexp[attnorm_attention_feature_count];
};

// The config of one ISA, or NULL when this build has no kernels for it.
const struct attnorm_attention_softmax_config* attnorm_get_attention_softmax_config(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
