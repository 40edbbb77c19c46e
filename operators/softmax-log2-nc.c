// Softmax to log2 codes (RepQ-ViT / FQ-ViT style post-softmax log2
// quantizers) over NC tensors, f32 in, qu8 codes out:
//   q_i = min(round_half_even(-c * log2 y_i), 2^bits - 1), y = softmax(scale * x),
// c = 1, or 2 with ATTNORM_FLAG_LOG2_SQRT2. Two passes for every row length:
// softmax's Two-Pass stage (the sum of exp(scale * x) as (sum, exponent), as
// log-softmax) and the output pass f32-vlog2quant, which has no exp:
//   -c * log2 y_i = c * (log2(sum) + exponent) - c * scale * log2(e) * x_i,
// the row's bias c * (log2(sum) + exponent) computed in double and passed as a
// float pair (hi, lo). Fully masked and NaN rows are filled with the "zero"
// code 2^bits - 1 (the engine takes it from the operator's parameters); rows
// beyond the kernels' range are computed in double here.
#include <math.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/operator.h"
#include "operators/softmax-stages.h"
#include "src/softmax-config.h"

static const struct attnorm_softmax_config* config_of(const struct attnorm_operator* op) {
  return (const struct attnorm_softmax_config*) op->config;
}

static const struct attnorm_softmax_derived_op_params* params_of(const struct attnorm_operator* op) {
  return &op->params.softmax_derived;
}

static const void* get_softmax_config(enum attnorm_isa isa) {
  return attnorm_get_softmax_config(isa);
}

static float fill_value(const struct attnorm_operator* op, enum attnorm_row_fill fill) {
  (void) fill;
  return params_of(op)->code_max;
}

// Rows the kernels do not cover (largest |scale * x| beyond 2^14, e.g. masked
// with -1e9; only -inf; NaN or +inf): the codes in double, correctly rounded
// but for the sum's ~1e-16.
static void log2_exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row,
                           struct attnorm_row_plan* plan) {
  const float* x = row->input;
  uint8_t* q = row->output;
  const size_t n = row->elements;
  const double s = (double) params_of(op)->softmax.scale;
  const double c = (double) params_of(op)->codes_per_octave;
  const double code_max = (double) params_of(op)->code_max;
  double m = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i]) || x[i] == INFINITY) {
      plan->fill = attnorm_row_fill_nan;
      return;
    }
    const double z = s * (double) x[i];
    if (z > m) m = z;
  }
  if (m == -INFINITY) {
    plan->fill = attnorm_row_fill_masked;
    return;
  }
  double sum = 0.0;
  for (size_t i = 0; i < n; i++) sum += exp(s * (double) x[i] - m);
  const double log2_sum = log2(sum);
  for (size_t i = 0; i < n; i++) {
    const double v = c * ((m - s * (double) x[i]) * 1.4426950408889634074 + log2_sum);
    q[i] = (uint8_t) (v >= code_max ? code_max : v <= 0.0 ? 0.0 : fmin(nearbyint(v), code_max));
  }
  plan->fill = attnorm_row_fill_done;
}

// bias = c * log2(sum * 2^exponent), split into floats hi + lo (plan->addend, plan->multiplier).
static void finish_extexp(const struct attnorm_operator* op, const struct attnorm_tile* row,
                          const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (attnorm_softmax_finish_extexp_with(op, row, merged, plan, log2_exact_row)) {
    const double bias = (double) params_of(op)->codes_per_octave * (log2(merged->sum) + (double) merged->exponent);
    plan->addend = (float) bias;
    plan->multiplier = (float) (bias - (double) plan->addend);
  }
}

static void output_codes(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                         const struct attnorm_row_plan* plan) {
  union attnorm_f32_log2quant_params params;
  attnorm_init_f32_log2quant_params(&params, params_of(op)->softmax.scale, params_of(op)->codes_per_octave,
                                    params_of(op)->code_max);
  config_of(op)->vlog2quant(tile->elements * sizeof(float), tile->input, tile->output, plan->addend,
                            plan->multiplier, &params);
}

static const struct attnorm_operator_description softmax_log2 = {
  .type = attnorm_operator_type_softmax_log2_nc_f32_qu8,
  .name = "softmax_log2_nc_f32_qu8",
  .input_type = attnorm_datatype_f32,
  .output_type = attnorm_datatype_qu8,
  .num_stages = 1,
  .stages = {{attnorm_softmax_reduce_extexp, ATTNORM_SOFTMAX_EXTEXP_IDENTITY, attnorm_softmax_merge_extexp,
              finish_extexp}},
  .output = output_codes,
  .fill_masked = 255.0f,  // overridden by fill_value: 2^bits - 1
  .fill_nan = 255.0f,
  .fill_value = fill_value,
};

enum xnn_status attnorm_create_softmax_log2_nc_f32_qu8(float scale, uint32_t bits, uint32_t flags,
                                                       attnorm_operator_t* op_out) {
  const char* name = softmax_log2.name;
  if (!(scale > 0.0f && scale <= 0x1.0p+127f)) {
    attnorm_log_error("create %s: scale %g must be positive, finite and at most 2^127", name, (double) scale);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  if (bits < 1 || bits > 8) {
    attnorm_log_error("create %s: bits %u must be in [1, 8]", name, bits);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  union attnorm_operator_params params = {0};
  params.softmax_derived.softmax.scale = scale;
  attnorm_init_f32_expminus_params(&params.softmax_derived.softmax.expminus, scale);
  params.softmax_derived.code_max = (float) ((1u << bits) - 1);
  params.softmax_derived.codes_per_octave = (flags & ATTNORM_FLAG_LOG2_SQRT2) != 0 ? 2.0f : 1.0f;
  return attnorm_create_operator(&softmax_log2, get_softmax_config, &params, flags, ATTNORM_FLAG_LOG2_SQRT2, op_out);
}

enum xnn_status attnorm_reshape_softmax_log2_nc_f32_qu8(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &softmax_log2, channels, input_stride, output_stride, batch_size, threadpool);
}

enum xnn_status attnorm_setup_softmax_log2_nc_f32_qu8(attnorm_operator_t op, const float* input, uint8_t* output) {
  return attnorm_setup_operator(op, &softmax_log2, input, output);
}
