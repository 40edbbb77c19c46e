"""f32-vlogstablemax: y = log s(scale * x) - log(sum s), LogStableMax's output
pass. log s = +-log(1 + |z|) with 1 + |z| an FMA of x (no division); p9: the
log core's log1p(t) = t + t^2 q(t), q of degree 7."""

PARAMS_TYPE = "union attnorm_f32_stablemax_params"
INIT_PARAMS = "attnorm_init_f32_stablemax_params"
SUMMING = False

KERNELS = [
    # template   BATCH_TILE  ACCUMULATORS  defines
    ("simd-p9",  1,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  2,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  4,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  16,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  32,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  64,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  32,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  64,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-p9",  128,        1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "p9"}),
    ("simd-lut8-p4",   16,     1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "lut"}),
    ("simd-lut8-p4",   32,     1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "lut"}),
    ("simd-lut8-p4",   64,     1,            {"ISA": "avx2", "TEMPLATE": "simd", "LOG": "lut"}),
    ("simd-lut16-p3",  32,     1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "lut"}),
    ("simd-lut16-p3",  64,     1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "lut"}),
    ("simd-lut16-p3",  128,    1,            {"ISA": "avx512f", "TEMPLATE": "simd", "LOG": "lut"}),
]
