"""f32-vmuladdc: output = fma(input, multiplier, addend), log-softmax's output pass."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = False

KERNELS = [
    # template   BATCH_TILE  ACCUMULATORS
    ("scalar",    1,          1),
    ("scalar",    2,          1),
    ("scalar",    4,          1),
    ("avx2",      8,          1),
    ("avx2",      16,         1),
    ("avx2",      32,         1),
    ("avx2",      64,         1),
    ("avx512f",   16,         1),
    ("avx512f",   32,         1),
    ("avx512f",   64,         1),
    ("avx512f",   128,        1),
]
