// Parameters of the softplus-attention kernels (f32-raddsoftplus, f32-vsoftplusscale,
// f32-raddpowrelu, f32-vpowreluscale), built per row by the operator: the logit multiplier
// c of z = c * x, and for the re-weighting the affine map u = softplus(z) * alpha - offset
// and the power p of relu(u)^p.
#pragma once

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "microkernels/common.h"

#ifdef __cplusplus
extern "C" {
#endif

union attnorm_f32_softplus_params {
  struct {
    float scale;       // c > 0: z = fl(c * x)
    float alpha;       // re-weighting: u = fl(softplus(z) * alpha - offset) (one rounding)
    float offset;
    float power_frac;  // p - power_int, in [0, 1)
    uint32_t power_int;  // floor(p), p in [0, 64]
  } scalar;
};

typedef size_t attnorm_init_f32_softplus_params_fn(
    union attnorm_f32_softplus_params params[ATTNORM_MIN_ELEMENTS(1)], float scale, float alpha, float offset,
    float power);

static inline size_t attnorm_init_f32_softplus_params(
    union attnorm_f32_softplus_params params[ATTNORM_MIN_ELEMENTS(1)], float scale, float alpha, float offset,
    float power) {
  params->scalar.scale = scale;
  params->scalar.alpha = alpha;
  params->scalar.offset = offset;
  const float power_int = floorf(power);
  params->scalar.power_int = (uint32_t) power_int;
  params->scalar.power_frac = power - power_int;
  return sizeof(*params);
}

#ifdef __cplusplus
}  // extern "C"
#endif
