// Softmax kernel configs: one table row per ISA. To change the kernel an
// operator uses, change its name here (and say why in the commit: the
// benchmark numbers). Rows exist only for the ISAs this build compiles.
#include "src/softmax-config.h"

#include "src/hardware-config.h"

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_softmax_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .sum_block_elements = 256,    // 2 accumulators
  .rmax = attnorm_f32_rmax_ukernel__scalar_u4_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__scalar_rr2_p5_u4_acc2,
  .vscale = attnorm_f32_vscale_ukernel__scalar_u4,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__scalar_rr2_p5_u4_acc2,
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__scalar_rr2_p5_u4,
  .raddextexp = attnorm_f32_raddextexp_ukernel__scalar_p5_u4_acc2,
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__scalar_p5_u4,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__scalar_u4,
};
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_softmax_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .sum_block_elements = 2048,   // 2 accumulators x 8 lanes
  .rmax = attnorm_f32_rmax_ukernel__avx2_u32_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__avx2_rr1_p5_u32_acc2,
  .vscale = attnorm_f32_vscale_ukernel__avx2_u32,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__avx2_rr1_p5_u32_acc2,
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__avx2_rr1_p5_u32,
  .raddextexp = attnorm_f32_raddextexp_ukernel__avx2_p5_u32_acc2,
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__avx2_p5_u32,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__avx2_u32,
};
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_softmax_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .sum_block_elements = 4096,   // 2 accumulators x 16 lanes
  .rmax = attnorm_f32_rmax_ukernel__avx512f_u64_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__avx512f_rr1_p5_u64_acc2,
  .vscale = attnorm_f32_vscale_ukernel__avx512f_u64,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_u64_acc2,
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__avx512f_rr1_p5_u64,
  .raddextexp = attnorm_f32_raddextexp_ukernel__avx512f_p5_scalef_u64_acc2,
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__avx512f_p5_scalef_u64,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__avx512f_u64,
};
#endif

const struct attnorm_softmax_config* attnorm_get_softmax_config(enum attnorm_isa isa) {
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

const struct attnorm_softmax_config* attnorm_get_best_softmax_config(void) {
  // Best first: AVX512F -> AVX2 -> scalar on x86 (NEON -> scalar on Arm).
  static const enum attnorm_isa preference[] = {
    attnorm_isa_x86_avx512f, attnorm_isa_x86_avx2, attnorm_isa_arm_neon, attnorm_isa_scalar,
  };
  for (size_t i = 0; i < sizeof(preference) / sizeof(preference[0]); i++) {
    const struct attnorm_softmax_config* config = attnorm_get_softmax_config(preference[i]);
    if (config != NULL && attnorm_isa_supported(preference[i])) {
      return config;
    }
  }
  return attnorm_get_softmax_config(attnorm_isa_scalar);
}
