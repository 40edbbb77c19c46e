// Init functions of microkernels/microparams.h (built into the scalar
// microkernel library, so every build has them).
#include "microkernels/microparams.h"

#include <assert.h>
#include <float.h>
#include <math.h>

size_t attnorm_init_f32_default_params(union attnorm_f32_default_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  params->scalar.unused = 0;
  return sizeof(*params);
}

size_t attnorm_init_f32_expminus_params(union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)],
                                        float scale) {
  assert(scale > 0.0f);
  params->scalar.scale = scale;
  params->scalar.scale_log2e = scale * 0x1.715476p+0f;
  const float min_input = -3.0e6f / params->scalar.scale_log2e;
  params->scalar.min_input = isinf(min_input) ? -FLT_MAX : min_input;
  return sizeof(*params);
}

float attnorm_f32_expminus_k(float max) {
  // fl(M * log2(e)) rounded to an integer (to nearest even) by adding and subtracting
  // 1.5 * 2^23; exact for |M * log2(e)| < 2^22. This library is built without -mfma, so
  // the product is rounded on its own, as the contract says; no libm call.
  volatile float product = max * 0x1.715476p+0f;
  const float magic_bias = 0x1.8p23f;
  return (product + magic_bias) - magic_bias;
}
