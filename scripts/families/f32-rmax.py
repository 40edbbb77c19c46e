"""f32-rmax: row maximum, pass 1 of the three-pass softmax algorithms."""

PARAMS_TYPE = "union attnorm_f32_default_params"
INIT_PARAMS = "attnorm_init_f32_default_params"
SUMMING = False

KERNELS = [
    # template  BATCH_TILE  ACCUMULATORS  defines
    ("simd",    1,          1,            {"ISA": "scalar"}),
    ("simd",    2,          2,            {"ISA": "scalar"}),
    ("simd",    4,          4,            {"ISA": "scalar"}),
    ("simd",    8,          1,            {"ISA": "avx2"}),
    ("simd",    16,         2,            {"ISA": "avx2"}),
    ("simd",    24,         3,            {"ISA": "avx2"}),
    ("simd",    32,         2,            {"ISA": "avx2"}),
    ("simd",    32,         4,            {"ISA": "avx2"}),
    ("simd",    64,         4,            {"ISA": "avx2"}),
    ("simd",    16,         1,            {"ISA": "avx512f"}),
    ("simd",    32,         2,            {"ISA": "avx512f"}),
    ("simd",    48,         3,            {"ISA": "avx512f"}),
    ("simd",    64,         2,            {"ISA": "avx512f"}),
    ("simd",    64,         4,            {"ISA": "avx512f"}),
    ("simd",    128,        4,            {"ISA": "avx512f"}),
]
