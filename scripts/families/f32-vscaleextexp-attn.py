"""f32-vscaleextexp-attn: pass 2 of the fused attention softmax, exp(z) times
an extended-exponent multiplier, z recomputed from x and the mask as in
f32-raddextexp-attn (plain, _mask, _softcap, _mask_softcap)."""

PARAMS_TYPE = "struct attnorm_f32_attn_params"
INIT_PARAMS = None
SUMMING = False

_ISAS = [("scalar-p5", [1, 4]),
         ("avx2-p5", [16, 32, 64]),
         ("avx512f-p5-scalef", [32, 64, 128])]
_FEATURES = [("", 0, 0), ("-mask", 1, 0), ("-softcap", 0, 1), ("-mask-softcap", 1, 1)]

KERNELS = [
    (isa + suffix, tile, 1, {"TEMPLATE": "simd-p5", "MASK": mask, "SOFTCAP": softcap})
    for isa, tiles in _ISAS
    for suffix, mask, softcap in _FEATURES
    for tile in tiles
]
