// f32-vsigmoid: y = sigmoid(z) = 1 / (1 + exp(-z)), z = scale * x + bias, elementwise
// (sigmoid attention, Ramapuram et al. 2024: one read, one write).
//
// Contract (the f32-vsigmoid tester checks exactly this against a long-double
// reference fed the same float x, scale and bias):
//   z = fma(x, scale, bias) is rounded once to float (scalar: in double, then
//   to float). Against the exact sigmoid(scale * x + bias), every output
//   y >= FLT_MIN has relative error <= 1e-6 + |z| * 2^-24 (the second term is
//   the rounding of z: d log(sigmoid)/dz = 1 - sigmoid <= 1, and only z < 88
//   gives y >= FLT_MIN, so it is below 5.3e-6 and vanishes for |z| < 1);
//   measured max 3.6e-7 beyond z's rounding. Where the reference is below
//   FLT_MIN the output is 0 or within FLT_MIN of it (never negative).
//   x = -inf -> exactly +0, x = +inf -> exactly 1, NaN -> NaN (that element);
//   z = +-inf from a finite x (overflow) behaves the same.
//   scale > 0 and bias finite (the operator checks).
//   batch: bytes, a non-zero multiple of sizeof(float). No alignment required.
//   In place (output == input) is allowed; otherwise the buffers must not
//   overlap. Reads exactly the row; never writes past output[batch/4 - 1].
#pragma once

#include "microkernels/common.h"
#include "microkernels/sigstable-microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void attnorm_f32_vsigmoid_ukernel_fn(
    size_t batch,
    const float* input,
    float* output,
    const union attnorm_f32_sigmoid_params* params);

// Declares every kernel of the enumerator list, and ukernel##_partial_sums.
#define ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  attnorm_f32_vsigmoid_ukernel_fn ukernel;                                                                         \
  enum { ukernel##_partial_sums = partial_sums };
#include "microkernels/f32-vsigmoid/f32-vsigmoid.inc"
#undef ATTNORM_UKERNEL

#ifdef __cplusplus
}  // extern "C"
#endif
