// Sigmoid-attention kernel configs: one table row per ISA (rows exist only for
// the ISAs this build compiles). To change a kernel, change its name here and
// say why in the commit (the benchmark numbers).
//
// Chosen from //:f32_vsigmoid_<isa>_bench, elements/ns at n = 128 / 4096, middle of 3
// repetitions (2026-11-29; the 2-vCPU machine was shared with other builds, so real time ran
// ~3x CPU time and only the ranking is meaningful): AVX512F div_u128 1.79/1.99 (div_u64
// 1.58/1.62, nr1fma_u32 1.69/1.50, nr1fma_u128 1.41/1.57: VDIVPS beats VRCP14PS + one
// Newton-Raphson step here); AVX2 div_u64 0.72/0.73 (div_u16 0.52/0.65, nr2fma_u64
// 0.57/0.55). Scalar: u4 (not measured).
#include "src/sigmoid-config.h"

#if ATTNORM_ENABLE_SCALAR
static const struct attnorm_sigmoid_config scalar_config = {
  .isa = attnorm_isa_scalar,
  .vsigmoid = attnorm_f32_vsigmoid_ukernel__scalar_rr2_p5_div_u4,
};
#endif

#if ATTNORM_ENABLE_AVX2
static const struct attnorm_sigmoid_config avx2_config = {
  .isa = attnorm_isa_x86_avx2,
  .vsigmoid = attnorm_f32_vsigmoid_ukernel__avx2_rr2_p5_div_u64,
};
#endif

#if ATTNORM_ENABLE_AVX512F
static const struct attnorm_sigmoid_config avx512f_config = {
  .isa = attnorm_isa_x86_avx512f,
  .vsigmoid = attnorm_f32_vsigmoid_ukernel__avx512f_rr2_p5_scalef_div_u128,
};
#endif

const struct attnorm_sigmoid_config* attnorm_get_sigmoid_config(enum attnorm_isa isa) {
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
