"""f32-vstablemax: y = s(scale * x) * multiplier, StableMax's output pass
(multiplier = 1 / sum s). div / nr2fma / nr1fma as in f32-rsumstablemax."""

PARAMS_TYPE = "union attnorm_f32_stablemax_params"
INIT_PARAMS = "attnorm_init_f32_stablemax_params"
SUMMING = False

S = {"TEMPLATE": "simd"}

KERNELS = [
    # template      BATCH_TILE  ACCUMULATORS  defines
    ("simd-div",    1,          1,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    2,          1,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    4,          1,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    16,         1,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-div",    32,         1,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-div",    64,         1,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-nr2fma", 32,         1,            dict(S, ISA="avx2", RECIPROCAL="nr")),
    ("simd-nr2fma", 64,         1,            dict(S, ISA="avx2", RECIPROCAL="nr")),
    ("simd-div",    32,         1,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-div",    64,         1,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-div",    128,        1,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-nr1fma", 64,         1,            dict(S, ISA="avx512f", RECIPROCAL="nr")),
    ("simd-nr1fma", 128,        1,            dict(S, ISA="avx512f", RECIPROCAL="nr")),
]
