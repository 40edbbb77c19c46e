"""f32-raddextexp: sum of exp(scale * x) as an extended-exponent pair (v, e),
pass 1 of the Two-Pass softmax (Dukhan & Ablavatski 2020)."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = True

KERNELS = [
    # template              BATCH_TILE  ACCUMULATORS
    ("scalar-p5",            1,          1),
    ("scalar-p5",            2,          2),
    ("scalar-p5",            4,          2),
    ("scalar-p5",            4,          4),
    ("avx2-p5",              8,          1),
    ("avx2-p5",              16,         1),
    ("avx2-p5",              16,         2),
    ("avx2-p5",              32,         1),
    ("avx2-p5",              32,         2),
    ("avx2-p5",              32,         4),
    ("avx2-p5",              64,         2),
    ("avx2-p5",              64,         4),
    ("avx512f-p5-scalef",    16,         1),
    ("avx512f-p5-scalef",    32,         1),
    ("avx512f-p5-scalef",    32,         2),
    ("avx512f-p5-scalef",    64,         1),
    ("avx512f-p5-scalef",    64,         2),
    ("avx512f-p5-scalef",    64,         4),
    ("avx512f-p5-scalef",    128,        2),
    ("avx512f-p5-scalef",    128,        4),
    ("avx512f-p5-scalef",    192,        3),
]
