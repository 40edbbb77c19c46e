"""f32-stablemax: the whole StableMax of one short row (up to BATCH_TILE elements)
held in registers: one read and one write per element, one kernel call per row
(as f32-softmax for softmax). BATCH_TILE is the longest row a kernel takes, not a
loop step. div: 1 / m by a correctly rounded division."""

PARAMS_TYPE = "union attnorm_f32_stablemax_params"
INIT_PARAMS = "attnorm_init_f32_stablemax_params"
SUMMING = False

KERNELS = [
    # template      BATCH_TILE  ACCUMULATORS  defines
    ("scalar-div",  64,         1,            {"TEMPLATE": "scalar"}),
    ("scalar-div",  256,        1,            {"TEMPLATE": "scalar"}),
    ("simd-div",    32,         1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-div",    64,         1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-div",    128,        1,            {"ISA": "avx2", "TEMPLATE": "simd"}),
    ("simd-div",    64,         1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
    ("simd-div",    128,        1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
    ("simd-div",    256,        1,            {"ISA": "avx512f", "TEMPLATE": "simd"}),
]
