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

// ---- Attention-normalization variants (softmax replacements) ---------------------
// Same lifecycle, states, status codes and logging as softmax; NC strides in
// elements; in-place when input == output with equal strides; a NULL
// threadpool runs on the calling thread. Parameters that are not finite or out
// of range are xnn_status_invalid_parameter with a log line. The
// ATTNORM_FLAG_FORCE_* flags work on every operator.

// Sigmoid attention (Ramapuram et al. 2024): y = 1 / (1 + exp(-(scale * x + bias))),
// elementwise. The paper's bias is -ln(n) with n the training sequence length
// (e.g. -ln 2048 = -7.62). -inf -> 0, +inf -> 1, NaN -> NaN (that element only).
enum xnn_status attnorm_create_sigmoid_attention_nc_f32(
    float scale, float bias, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_sigmoid_attention_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool);
enum xnn_status attnorm_setup_sigmoid_attention_nc_f32(attnorm_operator_t op, const float* input, float* output);

// Softplus attention (LSSA) with optional re-weighting (LSSAR), per row, over
// its N finite logits (-inf = masked; N counts the others):
//   a_i = softplus(c * x_i) / sum_j softplus(c * x_j), c = scale, times ln(N)
//   when ATTNORM_FLAG_SCALE_BY_LOG_LENGTH is set (the paper's ln(d) * ln(N_i)
//   with scale = ln d).
//   reweight_power p > 0: r_i = relu(a_i * N - o)^p with o = 1 if N > 3 else 0,
//   y = r / sum r; a row whose r are all 0 keeps y = a. p = 0: y = a.
// Masked logits -> 0; a fully masked row -> all 0; NaN -> NaN row.
#define ATTNORM_FLAG_SCALE_BY_LOG_LENGTH UINT32_C(0x00000001)
enum xnn_status attnorm_create_softplus_attention_nc_f32(
    float scale, float reweight_power, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_softplus_attention_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool);
enum xnn_status attnorm_setup_softplus_attention_nc_f32(attnorm_operator_t op, const float* input, float* output);

// Clipped softmax (Bondarenko et al. 2023):
//   y = clamp((zeta - gamma) * softmax(scale * x) + gamma, 0, 1), zeta >= 1, gamma <= 0
// (the paper uses zeta = 1, gamma = -alpha / sequence length). Fused into the
// output pass. -inf -> 0; fully masked row -> all 0; NaN -> NaN row.
enum xnn_status attnorm_create_clipped_softmax_nc_f32(
    float scale, float zeta, float gamma, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_clipped_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool);
enum xnn_status attnorm_setup_clipped_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output);

// StableMax (Prieto et al. 2025): s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0,
// z = scale * x; y = s / sum s, no max subtraction (StableMax is not
// shift-invariant). LogStableMax: y = log s - log sum s. -inf -> 0 (log: -inf);
// fully masked row -> all 0 (log: -inf); +inf or NaN -> NaN row.
enum xnn_status attnorm_create_stablemax_nc_f32(float scale, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_stablemax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool);
enum xnn_status attnorm_setup_stablemax_nc_f32(attnorm_operator_t op, const float* input, float* output);
enum xnn_status attnorm_create_log_stablemax_nc_f32(float scale, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_log_stablemax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool);
enum xnn_status attnorm_setup_log_stablemax_nc_f32(attnorm_operator_t op, const float* input, float* output);

// Fused attention softmax over heads x queries rows of `keys` logits; row
// (h, q) starts at input + (h * queries + q) * input_stride (output likewise).
// Per element, in this order:
//   z = scale * (query_scales ? query_scales[q] : 1) * x          (per-query temperature)
//   z = softcap > 0 ? softcap * tanh(z / softcap) : z             (logit soft-capping)
//   z = z + (mask ? slope_h * mask[q * mask_stride + k] : 0)      (additive mask / bias, shared by heads)
//   slope_h = 1 when alibi_max_bias == 0, else llama.cpp's ALiBi rule:
//     n = 2^floor(log2 heads), m0 = 2^(-max_bias / n), m1 = 2^(-max_bias / 2 / n),
//     slope_h = h < n ? m0^(h+1) : m1^(2(h-n)+1)
//   y_k = exp(z_k - m) / (sum_j exp(z_j - m) + (sinks ? exp(sinks[h] - m) : 0)),
//   m = max(max_j z_j, sinks ? sinks[h] : -inf); the sink logit is not scaled.
// -inf in x or mask -> 0; a row with no finite z -> all 0 (with or without a
// sink); NaN -> NaN row. mask_stride >= keys (ignored when mask is NULL);
// query_scales > 0 and finite.
enum xnn_status attnorm_create_attention_softmax_nc_f32(
    float scale, float softcap, float alibi_max_bias, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_attention_softmax_nc_f32(
    attnorm_operator_t op, size_t heads, size_t queries, size_t keys, size_t input_stride, size_t output_stride,
    size_t mask_stride, pthreadpool_t threadpool);
enum xnn_status attnorm_setup_attention_softmax_nc_f32(
    attnorm_operator_t op, const float* input, const float* mask, const float* sinks, const float* query_scales,
    float* output);

enum xnn_status attnorm_run_operator(
    attnorm_operator_t op,
    pthreadpool_t threadpool);

enum xnn_status attnorm_delete_operator(attnorm_operator_t op);

// Softmax to log2 codes (RepQ-ViT / FQ-ViT style), bits in [1, 8]:
//   q_i = min(round(-log2 y_i), 2^bits - 1), y = softmax(scale * x);
//   with ATTNORM_FLAG_LOG2_SQRT2: q_i = min(round(-2 log2 y_i), 2^bits - 1) (the sqrt(2) quantizer).
// Code 2^bits - 1 is reserved for "zero" (probabilities too small for the other codes, and masked
// logits); a code q < 2^bits - 1 dequantizes to 2^-q (2^(-q/2) with the flag). Computed from
// -log2 y = (max - z) * log2(e) + log2(sum), with no exp on the output pass. Ties round to even.
// A fully masked row gives all codes 2^bits - 1. A row holding a NaN (or +inf) gives all codes
// 2^bits - 1 and xnn_status_success: codes have no NaN. Output strides are in bytes (elements of
// uint8_t); in-place operation is not possible (f32 in, qu8 out).
#define ATTNORM_FLAG_LOG2_SQRT2 UINT32_C(0x00000002)
enum xnn_status attnorm_create_softmax_log2_nc_f32_qu8(float scale, uint32_t bits, uint32_t flags, attnorm_operator_t* op_out);
enum xnn_status attnorm_reshape_softmax_log2_nc_f32_qu8(attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size, pthreadpool_t threadpool);
enum xnn_status attnorm_setup_softmax_log2_nc_f32_qu8(attnorm_operator_t op, const float* input, uint8_t* output);

#ifdef __cplusplus
}  // extern "C"
#endif
