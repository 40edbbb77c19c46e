// Parameters of the sigmoid-attention and StableMax microkernels
// (f32-vsigmoid, f32-rsumstablemax, f32-vstablemax, f32-vlogstablemax), as
// microkernels/microparams.h does for the exp kernels: built once per operator
// by the init functions below. A kernel reads params->scalar.*.
#pragma once

#include <stddef.h>

#include "microkernels/common.h"

#ifdef __cplusplus
extern "C" {
#endif

// f32-vsigmoid: y = sigmoid(fma(scale, x, bias)).
union attnorm_f32_sigmoid_params {
  struct {
    float scale;  // > 0, finite
    float bias;   // finite
  } scalar;
};

// f32-*stablemax: z = scale * x, never rounded on its own: the kernels compute
// 1 + z = fma(x, scale, 1) and 1 - z = fma(x, -scale, 1).
union attnorm_f32_stablemax_params {
  struct {
    float scale;        // > 0, finite
    float minus_scale;  // -scale
  } scalar;
};

typedef size_t attnorm_init_f32_sigmoid_params_fn(union attnorm_f32_sigmoid_params params[ATTNORM_MIN_ELEMENTS(1)],
                                                  float scale, float bias);
typedef size_t attnorm_init_f32_stablemax_params_fn(
    union attnorm_f32_stablemax_params params[ATTNORM_MIN_ELEMENTS(1)], float scale);

static inline size_t attnorm_init_f32_sigmoid_params(
    union attnorm_f32_sigmoid_params params[ATTNORM_MIN_ELEMENTS(1)], float scale, float bias) {
  params->scalar.scale = scale;
  params->scalar.bias = bias;
  return sizeof(*params);
}

static inline size_t attnorm_init_f32_stablemax_params(
    union attnorm_f32_stablemax_params params[ATTNORM_MIN_ELEMENTS(1)], float scale) {
  params->scalar.scale = scale;
  params->scalar.minus_scale = -scale;
  return sizeof(*params);
}

#ifdef __cplusplus
}  // extern "C"
#endif
