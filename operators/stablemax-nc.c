// StableMax and LogStableMax (Prieto et al. 2025) over NC f32 tensors:
//   s(z) = z + 1 for z >= 0, 1 / (1 - z) for z < 0, z = scale * x,
//   StableMax y = s / sum s, LogStableMax y = log s - log sum s.
// No max subtraction (StableMax is not shift-invariant) and no exp: one stage
// (the sum of s, f32-rsumstablemax on blocks of ATTNORM_SUM_BLOCK elements, the
// block sums added in double) and one output pass (f32-vstablemax: s * (1/sum);
// f32-vlogstablemax: log s - log sum), 2 reads + 1 write (src/stablemax-config.h).
//
// s(-inf) = 0, so the sum decides every special row: a NaN or +inf sum is a row
// holding NaN or +inf (NaN row), unless the float block sums overflowed on huge
// finite logits; a zero sum is a fully masked row (all 0, log: all -inf),
// unless finite logits so large and negative that every s underflowed. Those
// two rare cases, and rows whose sum is below 2^-60 (every |scale * x| above
// 2^60), are computed in double by the finish step.
//
// Short rows (at most config->short_row_max_elements, chosen by `resolve`) run one fused
// kernel per row instead (f32-stablemax / f32-logstablemax: the row in registers, 1 read +
// 1 write); the rows it refuses fall back to the stage and output pass above.
#include <math.h>
#include <stdbool.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/operator.h"
#include "src/stablemax-config.h"

static const struct attnorm_stablemax_config* config_of(const struct attnorm_operator* op) {
  return (const struct attnorm_stablemax_config*) op->config;
}

static union attnorm_f32_stablemax_params params_of(const struct attnorm_operator* op) {
  union attnorm_f32_stablemax_params params;
  attnorm_init_f32_stablemax_params(&params, op->params.sigstable.scale);
  return params;
}

static const void* get_stablemax_config(enum attnorm_isa isa) {
  return attnorm_get_stablemax_config(isa);
}

static bool is_log(const struct attnorm_operator* op) {
  return op->type == attnorm_operator_type_log_stablemax_nc_f32;
}

// ---- The exact path: one row in double (rare rows, see the top) ---------------------

static void compute_exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row,
                              struct attnorm_row_plan* plan) {
  const float* x = row->input;
  float* y = row->output;
  const double scale = (double) op->params.sigstable.scale;
  double sum = 0.0;
  for (size_t i = 0; i < row->elements; i++) {
    const double z = scale * (double) x[i];  // exact
    sum += z >= 0.0 ? z + 1.0 : 1.0 / (1.0 - z);
  }
  if (is_log(op)) {
    const double log_sum = log(sum);
    for (size_t i = 0; i < row->elements; i++) {
      const double z = scale * (double) x[i];
      y[i] = (float) ((z >= 0.0 ? log1p(z) : -log1p(-z)) - log_sum);
    }
  } else {
    for (size_t i = 0; i < row->elements; i++) {
      const double z = scale * (double) x[i];
      y[i] = (float) ((z >= 0.0 ? z + 1.0 : 1.0 / (1.0 - z)) / sum);
    }
  }
  plan->fill = attnorm_row_fill_done;
}

// ---- The stage: the sum of s ---------------------------------------------------------

static void reduce_sum(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                       const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  const struct attnorm_stablemax_config* config = config_of(op);
  const union attnorm_f32_stablemax_params params = params_of(op);
  const size_t block = config->rsumstablemax_block;
  const float* x = tile->input;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    config->rsumstablemax(n * sizeof(float), x + i, &block_sum, &params);
    sum += (double) block_sum;
  }
  partial->sum = sum;
}

static void merge_sum(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->sum += next->sum;
}

static void finish_sum(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  const double sum = merged->sum;
  const float* x = row->input;
  if (!isfinite(sum)) {
    for (size_t i = 0; i < row->elements; i++) {
      if (isnan(x[i]) || x[i] == INFINITY) {
        plan->fill = attnorm_row_fill_nan;
        return;
      }
    }
    compute_exact_row(op, row, plan);  // float block sums overflowed on finite logits
    return;
  }
  if (sum == 0.0) {
    for (size_t i = 0; i < row->elements; i++) {
      if (x[i] != -INFINITY) {
        compute_exact_row(op, row, plan);  // every s underflowed on finite logits
        return;
      }
    }
    plan->fill = attnorm_row_fill_masked;
    return;
  }
  if (sum < 0x1.0p-60) {
    compute_exact_row(op, row, plan);
    return;
  }
  if (is_log(op)) {
    // -log(sum) as addend + multiplier (hi + lo): its float rounding costs nothing.
    const double addend = -log(sum);
    plan->addend = (float) addend;
    plan->multiplier = (float) (addend - (double) plan->addend);
  } else {
    plan->multiplier = (float) (1.0 / sum);
  }
}

// ---- Output passes -------------------------------------------------------------------

static void output_stablemax(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan) {
  const union attnorm_f32_stablemax_params params = params_of(op);
  config_of(op)->vstablemax(tile->elements * sizeof(float), tile->input, tile->output, plan->multiplier, &params);
}

static void output_log_stablemax(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                 const struct attnorm_row_plan* plan) {
  const union attnorm_f32_stablemax_params params = params_of(op);
  config_of(op)->vlogstablemax(tile->elements * sizeof(float), tile->input, tile->output, plan->addend,
                               plan->multiplier, &params);
}

// Short rows (at most config->short_row_max_elements): one kernel call per row (f32-stablemax /
// f32-logstablemax: 1 read + 1 write). A row the kernel refuses without writing (its float sum
// is NaN, +inf, 0 or below 2^-60: NaN / +inf / fully masked / extreme rows) runs the stage and the
// output pass of the two-pass descriptions right here, with their fills and exact path.
static void output_short_row(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan) {
  (void) plan;
  const struct attnorm_stablemax_config* config = config_of(op);
  const union attnorm_f32_stablemax_params params = params_of(op);
  const bool log = is_log(op);
  const size_t batch = tile->elements * sizeof(float);
  if (log ? config->logstablemax(batch, tile->input, tile->output, &params)
          : config->stablemax(batch, tile->input, tile->output, &params)) {
    return;
  }
  struct attnorm_partial partial = {.sum = 0.0};
  struct attnorm_row_plan row_plan = {.fill = attnorm_row_fill_none};
  reduce_sum(op, tile, &row_plan, &partial);
  finish_sum(op, tile, &partial, &row_plan);
  if (row_plan.fill == attnorm_row_fill_done) return;
  if (row_plan.fill != attnorm_row_fill_none) {
    const float value = row_plan.fill == attnorm_row_fill_nan ? NAN : (log ? -INFINITY : 0.0f);
    float* y = tile->output;
    for (size_t i = 0; i < tile->elements; i++) y[i] = value;
    return;
  }
  if (log) {
    output_log_stablemax(op, tile, &row_plan);
  } else {
    output_stablemax(op, tile, &row_plan);
  }
}

// ---- The descriptions ------------------------------------------------------------------

#define STAGE_SUM {reduce_sum, {.sum = 0.0}, merge_sum, finish_sum}

#define STABLEMAX_NC_F32                        \
  .type = attnorm_operator_type_stablemax_nc_f32, \
  .name = "stablemax_nc_f32",                     \
  .input_type = attnorm_datatype_f32,             \
  .output_type = attnorm_datatype_f32,            \
  .fill_masked = 0.0f,                            \
  .fill_nan = NAN

#define LOG_STABLEMAX_NC_F32                          \
  .type = attnorm_operator_type_log_stablemax_nc_f32, \
  .name = "log_stablemax_nc_f32",                     \
  .input_type = attnorm_datatype_f32,                 \
  .output_type = attnorm_datatype_f32,                \
  .fill_masked = -INFINITY,                           \
  .fill_nan = NAN

static const struct attnorm_operator_description stablemax_two_pass = {
  STABLEMAX_NC_F32,
  .num_stages = 1,
  .stages = {STAGE_SUM},
  .output = output_stablemax,
};

static const struct attnorm_operator_description stablemax_short_row = {
  STABLEMAX_NC_F32,
  .num_stages = 0,
  .output = output_short_row,
};

static const struct attnorm_operator_description log_stablemax_two_pass = {
  LOG_STABLEMAX_NC_F32,
  .num_stages = 1,
  .stages = {STAGE_SUM},
  .output = output_log_stablemax,
};

static const struct attnorm_operator_description log_stablemax_short_row = {
  LOG_STABLEMAX_NC_F32,
  .num_stages = 0,
  .output = output_short_row,
};

static const struct attnorm_operator_description* resolve_stablemax(const struct attnorm_operator* op,
                                                                    size_t channels) {
  return channels <= config_of(op)->short_row_max_elements ? &stablemax_short_row : &stablemax_two_pass;
}

static const struct attnorm_operator_description* resolve_log_stablemax(const struct attnorm_operator* op,
                                                                        size_t channels) {
  return channels <= config_of(op)->short_row_max_elements ? &log_stablemax_short_row : &log_stablemax_two_pass;
}

static const struct attnorm_operator_description stablemax = {
  STABLEMAX_NC_F32,
  .resolve = resolve_stablemax,
};

static const struct attnorm_operator_description log_stablemax = {
  LOG_STABLEMAX_NC_F32,
  .resolve = resolve_log_stablemax,
};

// ---- Public API --------------------------------------------------------------------------

static enum xnn_status create(const struct attnorm_operator_description* description, float scale, uint32_t flags,
                              attnorm_operator_t* op_out) {
  if (!(scale > 0.0f && isfinite(scale))) {
    attnorm_log_error("create %s: scale %g must be positive and finite", description->name, (double) scale);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  union attnorm_operator_params params;
  params.sigstable.scale = scale;
  params.sigstable.bias = 0.0f;
  return attnorm_create_operator(description, get_stablemax_config, &params, flags, 0, op_out);
}

enum xnn_status attnorm_create_stablemax_nc_f32(float scale, uint32_t flags, attnorm_operator_t* op_out) {
  return create(&stablemax, scale, flags, op_out);
}

enum xnn_status attnorm_reshape_stablemax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &stablemax, channels, input_stride, output_stride, batch_size, threadpool);
}

enum xnn_status attnorm_setup_stablemax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &stablemax, input, output);
}

enum xnn_status attnorm_create_log_stablemax_nc_f32(float scale, uint32_t flags, attnorm_operator_t* op_out) {
  return create(&log_stablemax, scale, flags, op_out);
}

enum xnn_status attnorm_reshape_log_stablemax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &log_stablemax, channels, input_stride, output_stride, batch_size,
                                  threadpool);
}

enum xnn_status attnorm_setup_log_stablemax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &log_stablemax, input, output);
}
