// StableMax / LogStableMax kernel configs: one table row per ISA (rows exist
// only for the ISAs this build compiles). To change a kernel, change its name
// here and say why in the commit (the benchmark numbers).
//
// Chosen from //:f32_*stablemax_<isa>_bench, elements/ns at n = 128 / 4096, middle of 3
// repetitions (2026-11-29, machine shared with other builds: only the ranking is
// meaningful). AVX512F: rsumstablemax div_u64_acc2 3.96/7.02 (div_u128_acc4 2.55/5.99,
// nr1fma_u64_acc2 3.23/4.53); vstablemax div_u128 5.92/5.38 (div_u64 4.43/4.74, nr1fma_u128
// 3.82/3.94); vlogstablemax p9_u64 1.09/1.32 (u128 1.15/1.18, u32 1.00/1.17). AVX2:
// rsumstablemax div_u32_acc2 2.44/2.29 (div_u64_acc4 2.08/2.27, nr2fma_u32_acc2 1.49/1.42);
// vstablemax div_u32 1.93/2.08 (div_u16 1.99/1.92, nr2fma_u32 1.24/1.42); vlogstablemax
// p9_u32 0.66/0.61 (u64 0.59/0.49). Division beats the reciprocal estimate + Newton-Raphson
// on this Zen in every family. Scalar: u4 (not measured).
//
// stablemax2 (2026-11-29, CPU time per 512K elements, machine loaded by other builds):
// vlogstablemax with the stablemax2 log core: AVX512F lut16_p3_u128 508 ns at 4K (lut16_p3_u64
// 586, p9_u64 1018, p9_u32 1031); AVX2 lut8_p4_u32 1374 ns (lut8_p4_u16 1447, p9_u32 1837).
// Short rows (f32-stablemax / f32-logstablemax, rows of n in a 4 MiB buffer): AVX512F
// stablemax div_u256 71.5 us at n = 256 and 74 us at 128 (div_u128 72 us at 128),
// logstablemax lut16_p3_u256 112 us at 256, 143 us at 128 (lut16_p3_u128 114 us at 128): the
// operator takes rows up to 256 with u256 kernels (one config value for both; softmax's short
// rows go to 256 as well). AVX2: stablemax div_u128 100 us, logstablemax lut8_p4_u128 288 us at
// 128. Scalar: u64 (not measured).
#include "src/stablemax-config.h"

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_stablemax_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__scalar_div_u4_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__scalar_div_u4_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__scalar_div_u4,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__scalar_p9_u4,
  .stablemax = attnorm_f32_stablemax_ukernel__scalar_div_u64,
  .logstablemax = attnorm_f32_logstablemax_ukernel__scalar_p9_u64,
  .short_row_max_elements = 64,
};
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_stablemax_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__avx2_div_u32_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__avx2_div_u32_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__avx2_div_u32,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__avx2_lut8_p4_u32,
  .stablemax = attnorm_f32_stablemax_ukernel__avx2_div_u128,
  .logstablemax = attnorm_f32_logstablemax_ukernel__avx2_lut8_p4_u128,
  .short_row_max_elements = 128,
};
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_stablemax_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .rsumstablemax = attnorm_f32_rsumstablemax_ukernel__avx512f_div_u64_acc2,
  .rsumstablemax_block = ATTNORM_SUM_BLOCK(attnorm_f32_rsumstablemax_ukernel__avx512f_div_u64_acc2),
  .vstablemax = attnorm_f32_vstablemax_ukernel__avx512f_div_u128,
  .vlogstablemax = attnorm_f32_vlogstablemax_ukernel__avx512f_lut16_p3_u128,
  .stablemax = attnorm_f32_stablemax_ukernel__avx512f_div_u256,
  .logstablemax = attnorm_f32_logstablemax_ukernel__avx512f_lut16_p3_u256,
  .short_row_max_elements = 256,
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
