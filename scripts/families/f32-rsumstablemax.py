"""f32-rsumstablemax: sum of StableMax's s(scale * x) over a row block, no exp
(StableMax and LogStableMax pass 1). div: 1 / (1 - z) by division; nr: by a
reciprocal estimate and Newton-Raphson steps (AVX512F nr1fma: VRCP14PS + 1;
AVX2 nr2fma: VRCPPS + 2)."""

PARAMS_TYPE = "union attnorm_f32_stablemax_params"
INIT_PARAMS = "attnorm_init_f32_stablemax_params"
SUMMING = True

S = {"TEMPLATE": "simd"}

KERNELS = [
    # template      BATCH_TILE  ACCUMULATORS  defines
    ("simd-div",    1,          1,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    2,          2,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    4,          2,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    4,          4,            dict(S, ISA="scalar", RECIPROCAL="div")),
    ("simd-div",    16,         2,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-div",    32,         2,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-div",    32,         4,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-div",    64,         4,            dict(S, ISA="avx2", RECIPROCAL="div")),
    ("simd-nr2fma", 32,         2,            dict(S, ISA="avx2", RECIPROCAL="nr")),
    ("simd-nr2fma", 32,         4,            dict(S, ISA="avx2", RECIPROCAL="nr")),
    ("simd-nr2fma", 64,         4,            dict(S, ISA="avx2", RECIPROCAL="nr")),
    ("simd-div",    32,         2,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-div",    64,         2,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-div",    64,         4,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-div",    128,        4,            dict(S, ISA="avx512f", RECIPROCAL="div")),
    ("simd-nr1fma", 64,         2,            dict(S, ISA="avx512f", RECIPROCAL="nr")),
    ("simd-nr1fma", 64,         4,            dict(S, ISA="avx512f", RECIPROCAL="nr")),
    ("simd-nr1fma", 128,        4,            dict(S, ISA="avx512f", RECIPROCAL="nr")),
]
