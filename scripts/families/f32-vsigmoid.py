"""f32-vsigmoid: y = sigmoid(fma(scale, x, bias)), sigmoid attention's only pass.

Names: rr2_p5 (exp(-|z|) by a two-constant range reduction and a degree-5
polynomial; AVX512F scales by VSCALEFPS: scalef), then the reciprocal of
1 + exp(-|z|) by division (div) or by a reciprocal estimate and Newton-Raphson
steps (AVX512F nr1fma: VRCP14PS + 1 step; AVX2 nr2fma: VRCPPS + 2 steps).
"""

PARAMS_TYPE = "union attnorm_f32_sigmoid_params"
INIT_PARAMS = "attnorm_init_f32_sigmoid_params"
SUMMING = False

KERNELS = [
    # template                    BATCH_TILE  ACCUMULATORS  defines
    ("simd-rr2-p5-div",           1,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           2,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           4,          1,            {"ISA": "scalar", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           8,          1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           16,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           32,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-div",           64,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-nr2fma",        16,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
    ("simd-rr2-p5-nr2fma",        32,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
    ("simd-rr2-p5-nr2fma",        64,         1,            {"ISA": "avx2", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
    ("simd-rr2-p5-scalef-div",    16,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-scalef-div",    32,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-scalef-div",    64,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-scalef-div",    128,        1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "div"}),
    ("simd-rr2-p5-scalef-nr1fma", 32,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
    ("simd-rr2-p5-scalef-nr1fma", 64,         1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
    ("simd-rr2-p5-scalef-nr1fma", 128,        1,            {"ISA": "avx512f", "TEMPLATE": "simd", "RECIPROCAL": "nr"}),
]
