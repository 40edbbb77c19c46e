"""f32-raddstoresoftplus: softplus(c*x), stored and summed (the LSSA sum pass that keeps
its terms, so that the output pass only scales them: f32-vscale)."""

PARAMS_TYPE = "union attnorm_f32_softplus_params"
INIT_PARAMS = "attnorm_init_f32_softplus_params"
SUMMING = True

KERNELS = [
    # variant                  BATCH_TILE  ACCUMULATORS  defines
    ("scalar-rr2-p6",           1,          1,            {"TEMPLATE": "simd"}),
    ("scalar-rr2-p6",           2,          2,            {"TEMPLATE": "simd"}),
    ("scalar-rr2-p6",           4,          2,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             8,          1,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             16,         2,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             32,         2,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             32,         4,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   16,         1,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   32,         2,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   64,         2,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   64,         4,            {"TEMPLATE": "simd"}),
]
