// Init functions of microkernels/microparams.h (built into the scalar
// microkernel library, so every build has them).
#include "microkernels/microparams.h"

#include <assert.h>

size_t attnorm_init_f32_default_params(union attnorm_f32_default_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  params->scalar.unused = 0;
  return sizeof(*params);
}

size_t attnorm_init_f32_expminus_params(union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)],
                                        float scale) {
  assert(scale > 0.0f);
  params->scalar.scale = scale;
  params->scalar.scale_log2e = scale * 0x1.715476p+0f;
  return sizeof(*params);
}
