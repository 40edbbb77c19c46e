// Attention softmax kernel configs: one table row per ISA (see the family benchmarks,
// bench/f32-raddextexp-attn.cc and bench/f32-vscaleextexp-attn.cc, for the choice).
#include "src/attention-softmax-config.h"

#include "src/softmax-config.h"

#define RADD(name) attnorm_f32_raddextexp_attn_ukernel__##name
#define VSCALE(name) attnorm_f32_vscaleextexp_attn_ukernel__##name
#define RMAX(name) attnorm_f32_rmaxstore_attn_ukernel__##name
#define BLOCK(name) ATTNORM_SUM_BLOCK(attnorm_f32_raddextexp_attn_ukernel__##name)

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_attention_softmax_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .raddextexp = {RADD(scalar_p5_u4_acc2), RADD(scalar_p5_mask_u4_acc2), RADD(scalar_p5_softcap_u4_acc2),
                 RADD(scalar_p5_mask_softcap_u4_acc2)},
  .raddextexp_block = {BLOCK(scalar_p5_u4_acc2), BLOCK(scalar_p5_mask_u4_acc2), BLOCK(scalar_p5_softcap_u4_acc2),
                       BLOCK(scalar_p5_mask_softcap_u4_acc2)},
  .vscaleextexp = {VSCALE(scalar_p5_u4), VSCALE(scalar_p5_mask_u4), VSCALE(scalar_p5_softcap_u4),
                   VSCALE(scalar_p5_mask_softcap_u4)},
  .rmaxstore = {RMAX(scalar_u4_acc2), RMAX(scalar_mask_u4_acc2), RMAX(scalar_softcap_u4_acc2),
                RMAX(scalar_mask_softcap_u4_acc2)},
};
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_attention_softmax_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .raddextexp = {RADD(avx2_p5_u32_acc2), RADD(avx2_p5_mask_u32_acc2), RADD(avx2_p5_softcap_u32_acc2),
                 RADD(avx2_p5_mask_softcap_u32_acc2)},
  .raddextexp_block = {BLOCK(avx2_p5_u32_acc2), BLOCK(avx2_p5_mask_u32_acc2), BLOCK(avx2_p5_softcap_u32_acc2),
                       BLOCK(avx2_p5_mask_softcap_u32_acc2)},
  .vscaleextexp = {VSCALE(avx2_p5_u32), VSCALE(avx2_p5_mask_u32), VSCALE(avx2_p5_softcap_u32),
                   VSCALE(avx2_p5_mask_softcap_u32)},
  .rmaxstore = {RMAX(avx2_u32_acc2), RMAX(avx2_mask_u32_acc2), RMAX(avx2_softcap_u32_acc2),
                RMAX(avx2_mask_softcap_u32_acc2)},
};
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_attention_softmax_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .raddextexp = {RADD(avx512f_p5_scalef_u64_acc2), RADD(avx512f_p5_scalef_mask_u64_acc2),
                 RADD(avx512f_p5_scalef_softcap_u64_acc2), RADD(avx512f_p5_scalef_mask_softcap_u64_acc2)},
  .raddextexp_block = {BLOCK(avx512f_p5_scalef_u64_acc2), BLOCK(avx512f_p5_scalef_mask_u64_acc2),
                       BLOCK(avx512f_p5_scalef_softcap_u64_acc2), BLOCK(avx512f_p5_scalef_mask_softcap_u64_acc2)},
  .vscaleextexp = {VSCALE(avx512f_p5_scalef_u64), VSCALE(avx512f_p5_scalef_mask_u64),
                   VSCALE(avx512f_p5_scalef_softcap_u64), VSCALE(avx512f_p5_scalef_mask_softcap_u64)},
  .rmaxstore = {RMAX(avx512f_u64_acc2), RMAX(avx512f_mask_u64_acc2), RMAX(avx512f_softcap_u64_acc2),
                RMAX(avx512f_mask_softcap_u64_acc2)},
};
#endif

const struct attnorm_attention_softmax_config* attnorm_get_attention_softmax_config(enum attnorm_isa isa) {
  switch (isa) {
#if ATTNORM_ENABLE_SCALAR
    case attnorm_isa_scalar: return &scalar_config;
#endif
#if ATTNORM_ENABLE_AVX2
    case attnorm_isa_x86_avx2: return &avx2_config;
#endif
#if ATTNORM_ENABLE_AVX512F
    case attnorm_isa_x86_avx512f: return &avx512f_config;
#endif
    default: return NULL;
  }
}

size_t attnorm_attention_softmax_two_pass_min_keys(void) {
  return attnorm_softmax_streaming_min_channels();
}
