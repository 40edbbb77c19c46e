"""f32-raddextexp: sum of exp(scale * x) as an extended-exponent pair (v, e),
pass 1 of the Two-Pass softmax (Dukhan & Ablavatski 2020)."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = True

KERNELS = [
    # variant               BATCH_TILE  ACCUMULATORS  defines
    ("scalar-p5",            1,          1,           {"TEMPLATE": "simd-p5"}),
    ("scalar-p5",            2,          2,           {"TEMPLATE": "simd-p5"}),
    ("scalar-p5",            4,          2,           {"TEMPLATE": "simd-p5"}),
    ("scalar-p5",            4,          4,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              8,          1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              16,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              16,         2,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              32,         2,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              32,         4,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              64,         2,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              64,         4,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    16,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    32,         2,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    64,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    64,         2,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    64,         4,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    128,        2,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    128,        4,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    192,        3,           {"TEMPLATE": "simd-p5"}),
]
