// attnorm: attention-normalization operators (public API).
//
// XNNPACK-style operators over SIMD microkernels: create -> reshape -> setup ->
// run -> delete. Every call returns an enum xnn_status (from xnnpack.h);
// threads come from a pthreadpool (NULL runs on the calling thread).
//
// Tensors are NC: batch_size rows of `channels` floats; strides are in
// elements, as in XNNPACK. In-place (input == output, equal strides) works.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <pthreadpool.h>
#include <xnnpack.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct attnorm_operator* attnorm_operator_t;

// Detects the CPU. Idempotent and thread-safe. Every create call returns
// xnn_status_uninitialized until it has been called.
enum xnn_status attnorm_initialize(void);

enum attnorm_softmax_algorithm {
  // The library picks per row length and CPU (see README "Auto").
  attnorm_softmax_algorithm_auto = 0,
  // Dukhan & Ablavatski 2020: extended-exponent sum, then scale. 2 reads + 1 write.
  attnorm_softmax_algorithm_two_pass,
  // max; exp + sum + store; scale by 1/sum. 3 reads + 2 writes (XNNPACK's).
  attnorm_softmax_algorithm_three_pass_reload,
  // max; sum of exp; exp * (1/sum) + store. 3 reads + 1 write.
  attnorm_softmax_algorithm_three_pass_recompute,
  // Milakov & Gimelshein 2018: max and sum of exp in one pass (the sum
  // rescaled as the max grows), then exp * (1/sum) + store. 2 reads + 1 write.
  attnorm_softmax_algorithm_online = 4,
};

// Creation flags: run only the kernels of one ISA (for tests and benchmarks).
// Create returns xnn_status_unsupported_hardware if the CPU lacks it.
// Without any of them the best ISA of the running CPU is used.
#define ATTNORM_FLAG_FORCE_SCALAR  UINT32_C(0x00000100)
#define ATTNORM_FLAG_FORCE_AVX2    UINT32_C(0x00000200)
#define ATTNORM_FLAG_FORCE_AVX512F UINT32_C(0x00000400)
#define ATTNORM_FLAG_FORCE_NEON    UINT32_C(0x00000800)

// Softmax over each row of scale * input:
//   y_i = exp(scale * x_i - max_j scale * x_j) / sum_j exp(...)
// scale must be > 0 and <= 2^127 (1.0f = plain softmax; 1/temperature).
// Masked logits (-inf) give exactly 0; a row of only -inf gives all zeros;
// a NaN anywhere in a row gives NaN in the whole row.
enum xnn_status attnorm_create_softmax_nc_f32(
    enum attnorm_softmax_algorithm algorithm,
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out);

enum xnn_status attnorm_reshape_softmax_nc_f32(
    attnorm_operator_t op,
    size_t channels,
    size_t input_stride,
    size_t output_stride,
    size_t batch_size,
    pthreadpool_t threadpool);

enum xnn_status attnorm_setup_softmax_nc_f32(
    attnorm_operator_t op,
    const float* input,
    float* output);

// Log-softmax over each row of scale * input:
//   y_i = scale * x_i - max - log(sum_j exp(scale * x_j - max))
// Masked logits give -inf; a row of only -inf gives all -inf; NaN -> NaN row.
enum xnn_status attnorm_create_log_softmax_nc_f32(
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out);

enum xnn_status attnorm_reshape_log_softmax_nc_f32(
    attnorm_operator_t op,
    size_t channels,
    size_t input_stride,
    size_t output_stride,
    size_t batch_size,
    pthreadpool_t threadpool);

enum xnn_status attnorm_setup_log_softmax_nc_f32(
    attnorm_operator_t op,
    const float* input,
    float* output);

enum xnn_status attnorm_run_operator(
    attnorm_operator_t op,
    pthreadpool_t threadpool);

enum xnn_status attnorm_delete_operator(attnorm_operator_t op);

#ifdef __cplusplus
}  // extern "C"
#endif
