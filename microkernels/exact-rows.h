// Softmax and log-softmax of one row computed in double: the rare path for
// rows the SIMD kernels do not cover, those whose largest scaled logit M is
// outside [-2^14, 2^14] (e.g. rows masked with -1e9 or -FLT_MAX instead of
// -inf), where reducing exp from x would lose the argument's precision.
//
// y_i = exp(s*x_i - M) / sum_j exp(s*x_j - M) (log: s*x_i - M - log(sum)),
// with s*x_i - M in double, so the result is correctly rounded to float but
// for the sum's ~1e-16. A NaN (or +inf) anywhere gives NaN in the whole row;
// a row of only -inf gives +0 (log: -inf). Reads every input before writing
// its output element, so output == input is allowed. Slow (libm exp in
// double); callers use it only for such rows.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// The largest |s * max| the SIMD kernels' range reduction covers.
#define ATTNORM_EXP_VALID_RANGE 0x1.0p+14f

void attnorm_f32_softmax_exact(size_t elements, const float* input, float* output, float scale, bool log_softmax);

#ifdef __cplusplus
}  // extern "C"
#endif
