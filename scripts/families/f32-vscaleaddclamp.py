"""f32-vscaleaddclamp: y = clamp(x * multiplier + addend, 0, 1), one fused multiply-add:
the output pass of clipped softmax over stored exp terms (three-pass reload) or over a
short row's softmax."""

PARAMS_TYPE = "void"
INIT_PARAMS = None
SUMMING = False

KERNELS = [
    # template  BATCH_TILE  ACCUMULATORS  defines
    ("simd",    1,          1,            {"ISA": "scalar"}),
    ("simd",    2,          1,            {"ISA": "scalar"}),
    ("simd",    4,          1,            {"ISA": "scalar"}),
    ("simd",    8,          1,            {"ISA": "avx2"}),
    ("simd",    16,         1,            {"ISA": "avx2"}),
    ("simd",    32,         1,            {"ISA": "avx2"}),
    ("simd",    64,         1,            {"ISA": "avx2"}),
    ("simd",    16,         1,            {"ISA": "avx512f"}),
    ("simd",    32,         1,            {"ISA": "avx512f"}),
    ("simd",    64,         1,            {"ISA": "avx512f"}),
    ("simd",    128,        1,            {"ISA": "avx512f"}),
]
