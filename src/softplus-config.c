// Softplus-attention kernel configs: one table row per ISA (chosen from the
// bench/f32-raddsoftplus.cc, ... measurements; see the commit messages).
#include "src/softplus-config.h"

#include "src/hardware-config.h"

// Summing kernels run on blocks of 16 terms per float partial sum (softmax uses 128): a
// row of equal terms (a uniform row) rounds its float partial sums the same way at every
// step, 1.1e-6 relative at 128 terms per partial sum, ~1.5e-7 at 16; the block sums are
// added in double. A block of 16 x 32 (AVX512F u64_acc2) is 512 elements, so the extra
// calls cost little.
#define SOFTPLUS_SUM_BLOCK(ukernel) ((size_t) 16 * (size_t) (ukernel##_partial_sums))

#define SOFTPLUS_CONFIG(isa_, count, sum, scale, powsum, powscale, storesum, rescale) \
  {                                                                \
    .isa = isa_,                                                   \
    .rcountunmasked = count,                                       \
    .raddsoftplus = sum,                                           \
    .raddsoftplus_block = SOFTPLUS_SUM_BLOCK(sum),                 \
    .vsoftplusscale = scale,                                       \
    .raddpowrelu = powsum,                                         \
    .raddpowrelu_block = SOFTPLUS_SUM_BLOCK(powsum),                \
    .vpowreluscale = powscale,                                     \
    .raddstoresoftplus = storesum,                                 \
    .raddstoresoftplus_block = SOFTPLUS_SUM_BLOCK(storesum),       \
    .vscale = rescale,                                             \
  }

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_softplus_config scalar_config = SOFTPLUS_CONFIG(
    attnorm_isa_scalar,
    attnorm_f32_rcountunmasked_ukernel__scalar_u4_acc4,
    attnorm_f32_raddsoftplus_ukernel__scalar_rr2_p6_u4_acc2,
    attnorm_f32_vsoftplusscale_ukernel__scalar_rr2_p6_u4,
    attnorm_f32_raddpowrelu_ukernel__scalar_rr2_p6_u4_acc2,
    attnorm_f32_vpowreluscale_ukernel__scalar_rr2_p6_u4,
    attnorm_f32_raddstoresoftplus_ukernel__scalar_rr2_p6_u4_acc2,
    attnorm_f32_vscale_ukernel__scalar_u4);
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_softplus_config avx2_config = SOFTPLUS_CONFIG(
    attnorm_isa_x86_avx2,
    attnorm_f32_rcountunmasked_ukernel__avx2_u32_acc4,
    attnorm_f32_raddsoftplus_ukernel__avx2_rr2_p6_u32_acc2,
    attnorm_f32_vsoftplusscale_ukernel__avx2_rr2_p6_u32,
    attnorm_f32_raddpowrelu_ukernel__avx2_rr2_p6_u32_acc2,
    attnorm_f32_vpowreluscale_ukernel__avx2_rr2_p6_u32,
    attnorm_f32_raddstoresoftplus_ukernel__avx2_rr2_p6_u32_acc2,
    attnorm_f32_vscale_ukernel__avx2_u16);
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_softplus_config avx512f_config = SOFTPLUS_CONFIG(
    attnorm_isa_x86_avx512f,
    attnorm_f32_rcountunmasked_ukernel__avx512f_u64_acc4,
    attnorm_f32_raddsoftplus_ukernel__avx512f_rr2_p6_scalef_u64_acc2,
    attnorm_f32_vsoftplusscale_ukernel__avx512f_rr2_p6_scalef_u64,
    attnorm_f32_raddpowrelu_ukernel__avx512f_rr2_p6_scalef_u64_acc2,
    attnorm_f32_vpowreluscale_ukernel__avx512f_rr2_p6_scalef_u64,
    attnorm_f32_raddstoresoftplus_ukernel__avx512f_rr2_p6_scalef_u64_acc2,
    attnorm_f32_vscale_ukernel__avx512f_u64);
#endif

const struct attnorm_softplus_config* attnorm_get_softplus_config(enum attnorm_isa isa) {
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
