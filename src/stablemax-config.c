// StableMax / LogStableMax kernel configs: one table row per ISA (rows exist
// only for the ISAs this build compiles). To change a kernel, change its name
// here and say why in the commit (the benchmark numbers).
//
// CHOICE
#include "src/stablemax-config.h"

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_stablemax_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__scalar_div_u4_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__scalar_div_u4_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__scalar_div_u4,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__scalar_p9_u4,
};
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_stablemax_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__avx2_div_u32_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__avx2_div_u32_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__avx2_div_u32,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__avx2_p9_u32,
};
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_stablemax_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__avx512f_div_u64_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__avx512f_div_u64_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__avx512f_div_u64,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__avx512f_p9_u64,
};
#endif

const struct attnorm_stablemax_config* attnorm_get_stablemax_config(enum attnorm_isa isa) {
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
