"""f32-vscaleextexpaddclamp: y = clamp(exp(scale * x) * multiplier_value * 2^multiplier_exp
+ addend, 0, 1): the output pass of clipped softmax on the Two-Pass algorithm (f32-vscaleextexp
with the affine map and the clamp fused)."""

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
    ("avx2-p5",              32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx2-p5",              64,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    16,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    32,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    64,         1,           {"TEMPLATE": "simd-p5"}),
    ("avx512f-p5-scalef",    128,        1,           {"TEMPLATE": "simd-p5"}),
]
