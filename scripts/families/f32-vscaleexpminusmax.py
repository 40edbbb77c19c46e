"""f32-vscaleexpminusmax: exp(scale*x - max) * multiplier (pass 3 of three-pass
softmax with recompute)."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = False

KERNELS = [
    # variant                  BATCH_TILE  ACCUMULATORS  defines
    ("scalar-rr2-p5",           1,          1,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           2,          1,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           4,          1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             8,          1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             16,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             24,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             32,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             64,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   16,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   32,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   64,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   128,        1,            {"TEMPLATE": "simd-p5"}),
]
