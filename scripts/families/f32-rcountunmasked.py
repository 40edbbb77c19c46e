"""f32-rcountunmasked: the number of x != -inf (pass 1 of softplus attention with the
log-length scale)."""

PARAMS_TYPE = "union attnorm_f32_default_params"
INIT_PARAMS = "attnorm_init_f32_default_params"
SUMMING = False

KERNELS = [
    # variant                  BATCH_TILE  ACCUMULATORS  defines
    ("scalar",                  1,          1,            {"TEMPLATE": "simd"}),
    ("scalar",                  4,          4,            {"TEMPLATE": "simd"}),
    ("avx2",                    16,         2,            {"TEMPLATE": "simd"}),
    ("avx2",                    32,         4,            {"TEMPLATE": "simd"}),
    ("avx512f",                 32,         2,            {"TEMPLATE": "simd"}),
    ("avx512f",                 64,         4,            {"TEMPLATE": "simd"}),
]
