// Kernel config of the fused attention softmax (operators/attention-softmax-nc.c): for each
// ISA, the Two-Pass kernels of every feature combination (pure data).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "microkernels/common.h"
#include "microkernels/f32-raddextexp-attn/f32-raddextexp-attn.h"
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"
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
  // Reload form, pass 1 (z computed once, stored in the output, its max); passes 2 and 3 are
  // the softmax config's raddstoreexpminusmax (scale 1, in place) and vscale.
  attnorm_f32_rmaxstore_attn_ukernel_fn* rmaxstore[attnorm_attention_feature_count];
};

// Rows of at least this many keys run the Two-Pass form (2 reads of x and the mask, 1 write);
// shorter rows the reload form (1 read of x and the mask; z stored, reloaded twice, tanh and exp
// once per element), whose extra passes hit the cache while a row fits in L2.
size_t attnorm_attention_softmax_two_pass_min_keys(void);

// Internal flags of attnorm_create_attention_softmax_nc_f32 (tests and benchmarks): force one
// pass structure instead of the rule of attnorm_attention_softmax_two_pass_min_keys.
#define ATTNORM_ATTENTION_FLAG_TWO_PASS UINT32_C(0x00010000)
#define ATTNORM_ATTENTION_FLAG_RELOAD UINT32_C(0x00020000)

// The config of one ISA, or NULL when this build has no kernels for it.
const struct attnorm_attention_softmax_config* attnorm_get_attention_softmax_config(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
