"""f32-rmaxaddexp: the row's maximum and the sum of exp(scale*x - K ln2) in one
pass (pass 1 of online softmax, Milakov & Gimelshein 2018).

Measured (Zen 5 VM, 1 thread, in cache, best of 40 interleaved runs, elements/ns,
n = 128 / 4096; f32-rmax + f32-raddexpminusmax of the same ISA in brackets):
  avx512f rr1_p5_scalef u128_acc2 6.95 / 10.65  [5.11 / 8.24 with the configs' kernels]
  avx2    rr1_p5 u64_acc2          3.31 / 3.74   [3.36 / 3.19]
  scalar  rr2_p5 u4_acc2           0.11 / 0.13   (f32-raddexpminusmax alone: 0.13)
"""

PARAMS_TYPE = "union attnorm_f32_expminus_params"
INIT_PARAMS = "attnorm_init_f32_expminus_params"
SUMMING = True

KERNELS = [
    # template                BATCH_TILE  ACCUMULATORS
    ("scalar-rr2-p5",           1,          1),
    ("scalar-rr2-p5",           2,          2),
    ("scalar-rr2-p5",           4,          2),
    ("scalar-rr2-p5",           4,          4),
    ("avx2-rr1-p5",             8,          1),
    ("avx2-rr1-p5",             16,         2),
    ("avx2-rr1-p5",             32,         2),
    ("avx2-rr1-p5",             32,         4),
    ("avx2-rr1-p5",             64,         2),
    ("avx2-rr1-p5",             64,         4),
    ("avx2-rr1-p5",             96,         3),
    ("avx512f-rr1-p5-scalef",   16,         1),
    ("avx512f-rr1-p5-scalef",   32,         2),
    ("avx512f-rr1-p5-scalef",   64,         2),
    ("avx512f-rr1-p5-scalef",   64,         4),
    ("avx512f-rr1-p5-scalef",   128,        2),
    ("avx512f-rr1-p5-scalef",   128,        4),
    ("avx512f-rr1-p5-scalef",   192,        3),
    ("avx512f-rr1-p5-scalef",   256,        4),
]
