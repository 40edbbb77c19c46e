"""f32-rmax: row maximum, pass 1 of the three-pass softmax algorithms."""

PARAMS_TYPE = "union attnorm_f32_default_params"
INIT_PARAMS = "attnorm_init_f32_default_params"
SUMMING = False

KERNELS = [
    # template   BATCH_TILE  ACCUMULATORS
    ("scalar",    1,          1),
    ("scalar",    2,          2),
    ("scalar",    4,          4),
    ("avx2",      8,          1),
    ("avx2",      16,         2),
    ("avx2",      24,         3),
    ("avx2",      32,         2),
    ("avx2",      32,         4),
    ("avx2",      64,         4),
    ("avx512f",   16,         1),
    ("avx512f",   32,         2),
    ("avx512f",   48,         3),
    ("avx512f",   64,         2),
    ("avx512f",   64,         4),
    ("avx512f",   128,        4),
]
