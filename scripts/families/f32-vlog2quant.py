"""f32-vlog2quant: softmax to log2 codes, the output pass (no exp):
code = min(round(max(slope * x + bias, 0)), code_max), slope and bias as float pairs."""

PARAMS_TYPE = "union attnorm_f32_log2quant_params"
INIT_PARAMS = "attnorm_init_f32_log2quant_params"
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
