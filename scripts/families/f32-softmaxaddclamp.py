"""f32-softmaxaddclamp: the whole clipped softmax of one short row (up to BATCH_TILE elements)
held in registers, y = clamp((zeta - gamma) * softmax + gamma, 0, 1): f32-softmax with the
affine map and the clamp fused into its store. BATCH_TILE is the longest row a kernel takes."""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = False

KERNELS = [
    # template                BATCH_TILE  ACCUMULATORS
    ("scalar-rr2-p5",           64,         1),
    ("scalar-rr2-p5",           256,        1),
    ("avx2-rr1-p5",             64,         1),
    ("avx2-rr1-p5",             128,        1),
    ("avx512f-rr1-p5-scalef",   128,        1),
    ("avx512f-rr1-p5-scalef",   256,        1),
]
