"""f32-vsoftplusscale: softplus(c*x) * multiplier (the LSSA output pass)."""

PARAMS_TYPE = "union attnorm_f32_softplus_params"
INIT_PARAMS = "attnorm_init_f32_softplus_params"
SUMMING = False

KERNELS = [
    # variant                  BATCH_TILE  ACCUMULATORS  defines
    ("scalar-rr2-p6",           1,          1,            {"TEMPLATE": "simd"}),
    ("scalar-rr2-p6",           2,          1,            {"TEMPLATE": "simd"}),
    ("scalar-rr2-p6",           4,          1,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             8,          1,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             16,         1,            {"TEMPLATE": "simd"}),
    ("avx2-rr2-p6",             32,         1,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   16,         1,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   32,         1,            {"TEMPLATE": "simd"}),
    ("avx512f-rr2-p6-scalef",   64,         1,            {"TEMPLATE": "simd"}),
]
