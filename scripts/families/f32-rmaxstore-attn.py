"""f32-rmaxstore-attn: pass 1 of the fused attention softmax's reload form, the
attention logits z computed once (temperature, soft-cap, mask, ALiBi), stored in
the output row, and their maximum (plain, _mask, _softcap, _mask_softcap)."""

PARAMS_TYPE = "struct attnorm_f32_attn_params"
INIT_PARAMS = None
SUMMING = False

_ISAS = [("scalar", [(1, 1), (4, 2)]),
         ("avx2", [(16, 2), (32, 2), (32, 4)]),
         ("avx512f", [(32, 2), (64, 2), (64, 4), (128, 4)])]
_FEATURES = [("", 0, 0), ("-mask", 1, 0), ("-softcap", 0, 1), ("-mask-softcap", 1, 1)]

KERNELS = [
    (isa + suffix, tile, acc, {"TEMPLATE": "simd", "MASK": mask, "SOFTCAP": softcap})
    for isa, tiles in _ISAS
    for suffix, mask, softcap in _FEATURES
    for tile, acc in tiles
]
