// Sigmoid-attention kernel config: for each ISA, the f32-vsigmoid kernel the
// operator runs (chosen from bench/f32-vsigmoid.cc measurements; src/sigmoid-config.c).
// Pure data.
#pragma once

#include "microkernels/common.h"
#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"

#ifdef __cplusplus
extern "C" {
#endif

struct attnorm_sigmoid_config {
  enum attnorm_isa isa;
  attnorm_f32_vsigmoid_ukernel_fn* vsigmoid;
};

// The config of one ISA, or NULL when this build has no kernels for it.
// Does not check the CPU: see attnorm_isa_supported().
const struct attnorm_sigmoid_config* attnorm_get_sigmoid_config(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
