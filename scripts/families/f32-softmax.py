"""f32-softmax: the whole softmax of one short row (up to BATCH_TILE elements)
held in registers: one read and one write per element, one kernel call per row.
BATCH_TILE is the longest row a kernel takes, not a loop step."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = False

KERNELS = [
    # template                BATCH_TILE  ACCUMULATORS
    ("scalar-rr2-p5",           64,         1),
    ("scalar-rr2-p5",           256,        1),
    ("avx2-rr1-p5",             32,         1),
    ("avx2-rr1-p5",             64,         1),
    ("avx2-rr1-p5",             128,        1),
    ("avx512f-rr1-p5-scalef",   64,         1),
    ("avx512f-rr1-p5-scalef",   128,        1),
    ("avx512f-rr1-p5-scalef",   256,        1),
]
