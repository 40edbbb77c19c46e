"""f32-vscale: x * multiplier (pass 3 of three-pass softmax with reload)."""

PARAMS_TYPE = "void"
INIT_PARAMS = None
SUMMING = False

KERNELS = [
    # template                BATCH_TILE  ACCUMULATORS
    ("scalar",                  1,          1),
    ("scalar",                  2,          1),
    ("scalar",                  4,          1),
    ("scalar",                  8,          1),
    ("avx2",                    8,          1),
    ("avx2",                    16,         1),
    ("avx2",                    32,         1),
    ("avx2",                    64,         1),
    ("avx512f",                 16,         1),
    ("avx512f",                 32,         1),
    ("avx512f",                 64,         1),
    ("avx512f",                 128,        1),
]
