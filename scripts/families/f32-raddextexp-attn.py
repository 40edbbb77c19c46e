"""f32-raddextexp-attn: pass 1 of the fused attention softmax, the Two-Pass
extended-exponent sum of exp(z) over the attention logits z (temperature,
soft-cap, mask, ALiBi computed in the pass). One template, four feature
combinations: plain, _mask, _softcap, _mask_softcap."""

PARAMS_TYPE = "struct attnorm_f32_attn_params"
INIT_PARAMS = None
SUMMING = True

_ISAS = [("scalar-p5", [(1, 1), (4, 2)]),
         ("avx2-p5", [(16, 2), (32, 2), (32, 4)]),
         ("avx512f-p5-scalef", [(32, 2), (64, 2), (64, 4), (128, 4)])]
_FEATURES = [("", 0, 0), ("-mask", 1, 0), ("-softcap", 0, 1), ("-mask-softcap", 1, 1)]

KERNELS = [
    (isa + suffix, tile, acc, {"TEMPLATE": "simd-p5", "MASK": mask, "SOFTCAP": softcap})
    for isa, tiles in _ISAS
    for suffix, mask, softcap in _FEATURES
    for tile, acc in tiles
]
