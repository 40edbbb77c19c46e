"""f32-logstablemax: the whole LogStableMax of one short row (up to BATCH_TILE
elements) held in registers: one read and one write per element, one kernel call
per row. lut8_p4 / lut16_p3: the stablemax2 log core (AVX2 / AVX512F); scalar
p9: attnorm_log_f32."""

PARAMS_TYPE = "union attnorm_f32_stablemax_params"
INIT_PARAMS = "attnorm_init_f32_stablemax_params"
SUMMING = False

KERNELS = [
    # template          BATCH_TILE  ACCUMULATORS  defines
    ("scalar-p9",       64,         1,            {"TEMPLATE": "scalar"}),
    ("scalar-p9",       256,        1,            {"TEMPLATE": "scalar"}),
    ("simd-lut8-p4",    32,         1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-lut8-p4",    64,         1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-lut8-p4",    128,        1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-lut16-p3",   64,         1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
    ("simd-lut16-p3",   128,        1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
    ("simd-lut16-p3",   256,        1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
]
