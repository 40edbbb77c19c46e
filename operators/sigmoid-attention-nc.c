// Sigmoid attention (Ramapuram et al. 2024) over NC f32 tensors:
// y = sigmoid(scale * x + bias), elementwise. A description with no reduction
// stage: the engine runs the output pass, one f32-vsigmoid call per row tile
// (src/sigmoid-config.h), 1 read + 1 write. -inf -> 0, +inf -> 1, NaN -> NaN in
// that element only (the kernel's contract), so the fill values are never used.
#include <math.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/operator.h"
#include "src/sigmoid-config.h"

static const void* get_sigmoid_config(enum attnorm_isa isa) {
  return attnorm_get_sigmoid_config(isa);
}

static void output_sigmoid(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                           const struct attnorm_row_plan* plan) {
  (void) plan;
  union attnorm_f32_sigmoid_params params;
  attnorm_init_f32_sigmoid_params(&params, op->params.sigstable.scale, op->params.sigstable.bias);
  ((const struct attnorm_sigmoid_config*) op->config)->vsigmoid(tile->elements * sizeof(float), tile->input,
                                                                 tile->output, &params);
}

static const struct attnorm_operator_description sigmoid_attention = {
  .type = attnorm_operator_type_sigmoid_attention_nc_f32,
  .name = "sigmoid_attention_nc_f32",
  .input_type = attnorm_datatype_f32,
  .output_type = attnorm_datatype_f32,
  .num_stages = 0,
  .output = output_sigmoid,
  .fill_masked = 0.0f,  // unused: no stage decides a row
  .fill_nan = NAN,      // unused
};

enum xnn_status attnorm_create_sigmoid_attention_nc_f32(float scale, float bias, uint32_t flags,
                                                        attnorm_operator_t* op_out) {
  if (!(scale > 0.0f && isfinite(scale)) || !isfinite(bias)) {
    attnorm_log_error("create %s: scale %g must be positive and finite, bias %g finite", sigmoid_attention.name,
                      (double) scale, (double) bias);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  union attnorm_operator_params params;
  params.sigstable.scale = scale;
  params.sigstable.bias = bias;
  return attnorm_create_operator(&sigmoid_attention, get_sigmoid_config, &params, flags, 0, op_out);
}

enum xnn_status attnorm_reshape_sigmoid_attention_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  // Elementwise: contiguous rows (both strides = channels) are one row of
  // batch_size * channels elements, which the engine cuts into 32K tiles run in
  // parallel: one kernel call per tile instead of one per (short) row. Same
  // results, any thread count; the engine still validates the caller's shape.
  if (channels != 0 && batch_size > 1 && input_stride == channels && output_stride == channels &&
      batch_size <= SIZE_MAX / sizeof(float) / channels) {
    const size_t elements = batch_size * channels;
    return attnorm_reshape_operator(op, &sigmoid_attention, elements, elements, elements, 1, threadpool);
  }
  return attnorm_reshape_operator(op, &sigmoid_attention, channels, input_stride, output_stride, batch_size,
                                  threadpool);
}

enum xnn_status attnorm_setup_sigmoid_attention_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &sigmoid_attention, input, output);
}
