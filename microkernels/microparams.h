// Parameters of the microkernels, built once per operator by the init
// functions below (upstream XNNPACK's microparams.h and microparams-init.h).
// A kernel reads params->scalar.*; per-ISA layouts (pre-broadcast vectors) can
// be added as union members without changing any signature.
#pragma once

#include <stddef.h>

#include "microkernels/common.h"

#ifdef __cplusplus
extern "C" {
#endif

// Parameters of kernels that need none (rmax); upstream's xnn_f32_default_params.
union attnorm_f32_default_params {
  struct {
    char unused;
  } scalar;
};

// Parameters of every kernel that evaluates exp of scaled logits.
union attnorm_f32_expminus_params {
  struct {
    float scale;        // logit multiplier s > 0 (1 = plain softmax; 1/temperature)
    float scale_log2e;  // s * log2(e), rounded once (log2(e) as the float 0x1.715476p+0f)
    // -3e6 / scale_log2e (-FLT_MAX if that overflows): a clamp for inputs that
    // does not depend on the row. Kernels that scale by VSCALEFPS use it: any x
    // below it has n - k < -2.9e6 for every row maximum in the valid range
    // (|s * max| <= 2^14), so its term, and -inf's, is exactly +0, and its t
    // stays finite.
    float min_input;
  } scalar;
};

// Both return sizeof(*params), as upstream's init functions.
typedef size_t attnorm_init_f32_default_params_fn(union attnorm_f32_default_params params[ATTNORM_MIN_ELEMENTS(1)]);
typedef size_t attnorm_init_f32_expminus_params_fn(union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)],
                                                   float scale);

size_t attnorm_init_f32_default_params(union attnorm_f32_default_params params[ATTNORM_MIN_ELEMENTS(1)]);
size_t attnorm_init_f32_expminus_params(union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)],
                                        float scale);

// The integer-valued float k of the three-pass "expminus" contract for the row's
// scaled max M (f32-raddstoreexpminusmax.h): k = round-to-nearest-even(fl(M * log2(e))).
// Every kernel (and the online f32-rmaxaddexp) derives k from M with this one function,
// compiled without FMA contraction (microparams-init.c, scalar library), so all agree.
float attnorm_f32_expminus_k(float max);

// The input where round(x * scale_log2e) = k - depth (depth: an integer-valued float,
// 127 for the exponent-bits kernels, 200 for scalef): clamping x up to it makes -inf and
// the terms below 2^(-depth) of the max exactly +0 (see the simd headers).
static inline float attnorm_f32_expminus_min_input(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)], float k, float depth) {
  return (float) ((double) (k - depth) / (double) params->scalar.scale_log2e);
}

// The Two-Pass ("extexp") kernels clamp every input up to this value, NaN-preserving, once:
// fl(s*log2e) * min_input ~ -0x1.Fp21 (round() of it is ATTNORM_EXTEXP_CLAMPED_EXPONENT
// give or take 1), below every term of the valid range |s*x| <= 2^21 (n >= -3.03e6) and
// inside the magic-bias range 2^22, so a -inf input becomes a finite term that every finite
// term outweighs by 2^600000 or more. Below scale 8e-33 the bound would pass -FLT_MAX; it is
// -FLT_MAX there, which finite inputs never go below.
static inline float attnorm_f32_extexp_min_input(
    const union attnorm_f32_expminus_params params[ATTNORM_MIN_ELEMENTS(1)]) {
  const double min_input = -0x1.Fp21 / (double) params->scalar.scale_log2e;
  return min_input < -0x1.FFFFFEp+127 ? -0x1.FFFFFEp+127f : (float) min_input;
}

#ifdef __cplusplus
}  // extern "C"
#endif
