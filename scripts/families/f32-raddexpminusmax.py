"""f32-raddexpminusmax: sum of exp(scale*x - max), nothing stored (pass 2 of
three-pass softmax with recompute)."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = True

KERNELS = [
    # variant                  BATCH_TILE  ACCUMULATORS  defines
    ("scalar-rr2-p5",           1,          1,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           2,          2,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           4,          1,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           4,          2,            {"TEMPLATE": "simd-p5"}),
    ("scalar-rr2-p5",           4,          4,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             8,          1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             16,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             16,         2,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             32,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             32,         2,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             32,         4,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             64,         2,            {"TEMPLATE": "simd-p5"}),
    ("avx2-rr1-p5",             64,         4,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   16,         1,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   64,         2,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   64,         4,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   128,        4,            {"TEMPLATE": "simd-p5"}),
    ("avx512f-rr1-p5-scalef",   192,        3,            {"TEMPLATE": "simd-p5"}),
]
