"""f32-vscaleextexp: y = exp(scale * x) * multiplier_value * 2^multiplier_exp,
pass 2 of the Two-Pass softmax (Dukhan & Ablavatski 2020)."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = False

KERNELS = [
    # variant               BATCH_TILE  ACCUMULATORS  defines
    ("scalar-p5",            1,          1,           {"TEMPLATE": "simd-p5"}),
    ("scalar-p5",            2,          1,           {"TEMPLATE": "simd-p5"}),
    ("scalar-p5",            4,          1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              8,          1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              16,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              24,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              64,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    16,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    48,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    64,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    128,        1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    192,        1,           {"TEMPLATE": "simd-p5"}),
]
