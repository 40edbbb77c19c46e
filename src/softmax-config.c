// Softmax kernel configs: one table row per ISA. To change the kernel an
// operator uses, change its name here (and say why in the commit: the
// benchmark numbers). Rows exist only for the ISAs this build compiles.
//
// Chosen on Zen 5 (2 vCPUs, shared) from the family benchmarks, median of 3,
// elements/ns at n = 4096 (in cache) and 16M (rotating over 1 GiB, DRAM):
// in-cache speed first (out of cache, every variant streams at the same
// bandwidth within noise). AVX512F: rmax u64_acc4 31/5.7; raddstoreexpminusmax
// rr1_lut16_p3_perm_scalef_u64_acc2 6.5 (p5_scalef_u64_acc4: 5.9)/2.7; vscale u64 14/3.1; raddexpminusmax
// rr1_p5_scalef_u64_acc4 6.2/5.6; vscaleexpminusmax rr1_p5_scalef_u64 5.2/3.2;
// raddextexp p5_scalef_u64 5.7/5.3; vscaleextexp p5_scalef_u64 5.0/3.0;
// (After the Two-Pass rewrite on the simd headers, n = 128/4096, median of 3: AVX512F
// raddextexp p5_scalef_u64 5.35/7.49, vscaleextexp p5_scalef_u64 5.00/8.07; AVX2
// raddextexp p5_u32 3.27/3.62, vscaleextexp p5_u32 3.98/4.31 (u64: 3.28/3.70).)
// vmuladdc u16 13/3.0. AVX2: rmax u64_acc4 38/5.9; raddstoreexpminusmax
// rr1_p5_u32_acc2 4.7/-; vscale u16 11/3.0; raddexpminusmax rr1_p5_u64_acc4
// 4.8/4.1; vscaleexpminusmax rr1_p5_u24 3.2/3.1; raddextexp p5_u32 3.4/3.2;
// vscaleextexp p5_u64 3.3/2.7; vmuladdc u16 22/2.7.
// Online (rmaxaddexp), in cache, elements/ns, best of 40 interleaved runs of a
// -O2 harness (the machine was loaded): AVX512F u128_acc2 10.65 at 4096, 6.95
// at 128 (rmax + raddexpminusmax: 8.24, 5.11); AVX2 u64_acc2 3.74 at 4096
// (3.19), 3.31 at 128 (3.36).
// Clipped softmax and softmax_log2 roles (2026-11-29, machine loaded: load average ~11 on 2
// vCPUs, so CPU time per call, best of 3, ns at n = 128 / 4096): AVX512F vscaleaddclamp u128
// 6.7/117 (u64 8.8/134, u16 6.0/163); vscaleextexpaddclamp p5_scalef_u128 21.7/541 (u64
// 23.0/583); vlog2quant u64 7.6/193 (u32 8.1/192, u128 7.8/194). AVX2 vscaleaddclamp u64
// 11.0/204 (u32 12.3/229); vscaleextexpaddclamp p5_u32 42.9/1305 (u16 42.2/1503); vlog2quant
// u32 13.8/376 (u64 14.0/371). Scalar: the u4 rows, as the softmax families.
#include "src/softmax-config.h"

#include "src/hardware-config.h"

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_softmax_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .rmax = attnorm_f32_rmax_ukernel__scalar_u4_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__scalar_rr2_p5_u4_acc2,
  .raddstoreexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddstoreexpminusmax_ukernel__scalar_rr2_p5_u4_acc2),
  .vscale = attnorm_f32_vscale_ukernel__scalar_u4,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__scalar_rr2_p5_u4_acc2,
  .raddexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddexpminusmax_ukernel__scalar_rr2_p5_u4_acc2),
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__scalar_rr2_p5_u4,
  .raddextexp = attnorm_f32_raddextexp_ukernel__scalar_p5_u4_acc2,
  .raddextexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddextexp_ukernel__scalar_p5_u4_acc2),
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__scalar_p5_u4,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__scalar_u4,
  .rmaxaddexp = attnorm_f32_rmaxaddexp_ukernel__scalar_rr2_p5_u4_acc2,
  .rmaxaddexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_rmaxaddexp_ukernel__scalar_rr2_p5_u4_acc2),
  .softmax = attnorm_f32_softmax_ukernel__scalar_rr2_p5_u64,
  .softmax_max_elements = attnorm_f32_softmax_ukernel__scalar_rr2_p5_u64_max_elements,
  .vscaleaddclamp = attnorm_f32_vscaleaddclamp_ukernel__scalar_u4,
  .vscaleextexpaddclamp = attnorm_f32_vscaleextexpaddclamp_ukernel__scalar_p5_u4,
  .vlog2quant = attnorm_f32_vlog2quant_ukernel__scalar_u4,
  .softmaxaddclamp = attnorm_f32_softmaxaddclamp_ukernel__scalar_rr2_p5_u64,
};
// Clipped softmax's short-row kernel takes the rows softmax's does.
_Static_assert((size_t) attnorm_f32_softmaxaddclamp_ukernel__scalar_rr2_p5_u64_max_elements ==
                   (size_t) attnorm_f32_softmax_ukernel__scalar_rr2_p5_u64_max_elements,
               "softmaxaddclamp and softmax short-row kernels differ in length");
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_softmax_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .rmax = attnorm_f32_rmax_ukernel__avx2_u64_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__avx2_rr1_p5_u32_acc2,
  .raddstoreexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddstoreexpminusmax_ukernel__avx2_rr1_p5_u32_acc2),
  .vscale = attnorm_f32_vscale_ukernel__avx2_u16,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__avx2_rr1_p5_u64_acc4,
  .raddexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddexpminusmax_ukernel__avx2_rr1_p5_u64_acc4),
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__avx2_rr1_p5_u24,
  .raddextexp = attnorm_f32_raddextexp_ukernel__avx2_p5_u32,
  .raddextexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddextexp_ukernel__avx2_p5_u32),
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__avx2_p5_u32,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__avx2_u16,
  .rmaxaddexp = attnorm_f32_rmaxaddexp_ukernel__avx2_rr1_p5_u64_acc2,
  .rmaxaddexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_rmaxaddexp_ukernel__avx2_rr1_p5_u64_acc2),
  .softmax = attnorm_f32_softmax_ukernel__avx2_rr1_p5_u128,
  .softmax_max_elements = attnorm_f32_softmax_ukernel__avx2_rr1_p5_u128_max_elements,
  .vscaleaddclamp = attnorm_f32_vscaleaddclamp_ukernel__avx2_u64,
  .vscaleextexpaddclamp = attnorm_f32_vscaleextexpaddclamp_ukernel__avx2_p5_u32,
  .vlog2quant = attnorm_f32_vlog2quant_ukernel__avx2_u32,
  .softmaxaddclamp = attnorm_f32_softmaxaddclamp_ukernel__avx2_rr1_p5_u128,
};
// Clipped softmax's short-row kernel takes the rows softmax's does.
_Static_assert((size_t) attnorm_f32_softmaxaddclamp_ukernel__avx2_rr1_p5_u128_max_elements ==
                   (size_t) attnorm_f32_softmax_ukernel__avx2_rr1_p5_u128_max_elements,
               "softmaxaddclamp and softmax short-row kernels differ in length");
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_softmax_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .rmax = attnorm_f32_rmax_ukernel__avx512f_u64_acc4,
  .raddstoreexpminusmax = attnorm_f32_raddstoreexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64_acc2,
  .raddstoreexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddstoreexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64_acc2),
  .vscale = attnorm_f32_vscale_ukernel__avx512f_u64,
  .raddexpminusmax = attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64_acc4,
  .raddexpminusmax_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64_acc4),
  .vscaleexpminusmax = attnorm_f32_vscaleexpminusmax_ukernel__avx512f_rr1_p5_scalef_u64,
  .raddextexp = attnorm_f32_raddextexp_ukernel__avx512f_p5_scalef_u64,
  .raddextexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_raddextexp_ukernel__avx512f_p5_scalef_u64),
  .vscaleextexp = attnorm_f32_vscaleextexp_ukernel__avx512f_p5_scalef_u64,
  .vmuladdc = attnorm_f32_vmuladdc_ukernel__avx512f_u16,
  .rmaxaddexp = attnorm_f32_rmaxaddexp_ukernel__avx512f_rr1_p5_scalef_u128_acc2,
  .rmaxaddexp_block = ATTNORM_SUM_BLOCK(attnorm_f32_rmaxaddexp_ukernel__avx512f_rr1_p5_scalef_u128_acc2),
  .softmax = attnorm_f32_softmax_ukernel__avx512f_rr1_p5_scalef_u256,
  .softmax_max_elements = attnorm_f32_softmax_ukernel__avx512f_rr1_p5_scalef_u256_max_elements,
  .vscaleaddclamp = attnorm_f32_vscaleaddclamp_ukernel__avx512f_u128,
  .vscaleextexpaddclamp = attnorm_f32_vscaleextexpaddclamp_ukernel__avx512f_p5_scalef_u128,
  .vlog2quant = attnorm_f32_vlog2quant_ukernel__avx512f_u64,
  .softmaxaddclamp = attnorm_f32_softmaxaddclamp_ukernel__avx512f_rr1_p5_scalef_u256,
};
// Clipped softmax's short-row kernel takes the rows softmax's does.
_Static_assert((size_t) attnorm_f32_softmaxaddclamp_ukernel__avx512f_rr1_p5_scalef_u256_max_elements ==
                   (size_t) attnorm_f32_softmax_ukernel__avx512f_rr1_p5_scalef_u256_max_elements,
               "softmaxaddclamp and softmax short-row kernels differ in length");
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

size_t attnorm_softmax_streaming_min_channels(void) {
  return attnorm_l2_cache_bytes() / (2 * sizeof(float));
}

const struct attnorm_softmax_config* attnorm_get_best_softmax_config(void) {
  // Best first (the ISA table's preference): AVX512F -> AVX2 -> scalar on x86,
  // NEON -> scalar on Arm.
  for (size_t i = 0; i < attnorm_isa_count; i++) {
    const enum attnorm_isa isa = attnorm_isas_best_first[i];
    const struct attnorm_softmax_config* config = attnorm_get_softmax_config(isa);
    if (config != NULL && attnorm_isa_supported(isa)) {
      return config;
    }
  }
  return attnorm_get_softmax_config(attnorm_isa_scalar);
}
