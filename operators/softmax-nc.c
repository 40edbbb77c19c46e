// Softmax and log-softmax operators over NC f32 tensors.
//
// Work plan (fixed at reshape, independent of the thread count, so results are
// bit-identical for any number of threads):
//   * Rows of at most kTileElements are one task each: every pass of a row runs
//     back to back on one thread while the row is in cache.
//   * Longer rows are cut into tiles of kTileElements; each pass is a parallel
//     loop over (row, tile), and between passes the caller merges the per-tile
//     partials of each row in tile order.
//   * Inside a tile, the summing kernels are called on blocks of the config's
//     *_block (ATTNORM_SUM_BLOCK) elements and the block sums are added in double, so the float
//     accumulators of the kernels never sum more than ~128 terms each: the
//     relative error of the row sum stays near 1e-7 for any row length.
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/operator.h"
#include "src/hardware-config.h"
#include "src/softmax-config.h"

enum {
  kTileElements = 32768,
};

#define ATTNORM_FLAG_FORCE_MASK \
  (ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2 | ATTNORM_FLAG_FORCE_AVX512F | ATTNORM_FLAG_FORCE_NEON)

// What a row whose logits are all -inf (or NaN) is filled with.
enum row_fill {
  row_fill_none = 0,   // ordinary row: run the output pass
  row_fill_masked,     // every logit is -inf: softmax 0, log-softmax -inf
  row_fill_nan,        // NaN among -inf logits: NaN
};

static const char* operator_name(enum attnorm_operator_type type) {
  switch (type) {
    case attnorm_operator_type_softmax_nc_f32: return "softmax_nc_f32";
    case attnorm_operator_type_log_softmax_nc_f32: return "log_softmax_nc_f32";
    default: return "invalid operator";
  }
}

// ---- Creation ------------------------------------------------------------------

static enum xnn_status select_config(uint32_t flags, const char* name, const struct attnorm_softmax_config** config) {
  enum attnorm_isa isa;
  switch (flags & ATTNORM_FLAG_FORCE_MASK) {
    case 0:
      *config = attnorm_get_best_softmax_config();
      return xnn_status_success;
    case ATTNORM_FLAG_FORCE_SCALAR: isa = attnorm_isa_scalar; break;
    case ATTNORM_FLAG_FORCE_AVX2: isa = attnorm_isa_x86_avx2; break;
    case ATTNORM_FLAG_FORCE_AVX512F: isa = attnorm_isa_x86_avx512f; break;
    case ATTNORM_FLAG_FORCE_NEON: isa = attnorm_isa_arm_neon; break;
    default:
      attnorm_log_error("create %s: more than one ATTNORM_FLAG_FORCE_* flag (flags 0x%08x)", name, flags);
      return xnn_status_invalid_parameter;
  }
  const struct attnorm_softmax_config* forced = attnorm_get_softmax_config(isa);
  if (forced == NULL || !attnorm_isa_supported(isa)) {
    attnorm_log_error("create %s: %s kernels requested, but %s", name, attnorm_isa_name(isa),
                      forced == NULL ? "this build has none" : "the CPU lacks the ISA");
    return xnn_status_unsupported_hardware;
  }
  *config = forced;
  return xnn_status_success;
}

static enum xnn_status create_operator(
    enum attnorm_operator_type type,
    enum attnorm_softmax_algorithm algorithm,
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out)
{
  const char* name = operator_name(type);
  if (!attnorm_is_initialized()) {
    attnorm_log_error("create %s: attnorm_initialize() has not been called", name);
    return xnn_status_uninitialized;
  }
  if (op_out == NULL) {
    attnorm_log_error("create %s: NULL op_out", name);
    return xnn_status_invalid_parameter;
  }
  *op_out = NULL;
  // The kernels multiply scale by log2(e): it must stay finite.
  if (!(scale > 0.0f && scale <= 0x1.0p+127f)) {
    attnorm_log_error("create %s: scale %g must be positive, finite and at most 2^127", name, (double) scale);
    return xnn_status_invalid_parameter;
  }
  if ((unsigned) algorithm > (unsigned) attnorm_softmax_algorithm_three_pass_recompute) {
    attnorm_log_error("create %s: unknown algorithm %d", name, (int) algorithm);
    return xnn_status_invalid_parameter;
  }
  if ((flags & ~ATTNORM_FLAG_FORCE_MASK) != 0) {
    attnorm_log_error("create %s: unknown flags 0x%08x", name, flags & ~ATTNORM_FLAG_FORCE_MASK);
    return xnn_status_invalid_parameter;
  }
  const struct attnorm_softmax_config* config;
  const enum xnn_status status = select_config(flags, name, &config);
  if (status != xnn_status_success) {
    return status;
  }
  struct attnorm_operator* op = calloc(1, sizeof(struct attnorm_operator));
  if (op == NULL) {
    attnorm_log_error("create %s: out of memory", name);
    return xnn_status_out_of_memory;
  }
  op->type = type;
  op->requested_algorithm = algorithm;
  op->algorithm = algorithm;
  op->scale = scale;
  op->flags = flags;
  op->config = config;
  op->state = attnorm_operator_state_needs_reshape;
  *op_out = op;
  return xnn_status_success;
}

enum xnn_status attnorm_create_softmax_nc_f32(
    enum attnorm_softmax_algorithm algorithm,
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out)
{
  return create_operator(attnorm_operator_type_softmax_nc_f32, algorithm, scale, flags, op_out);
}

enum xnn_status attnorm_create_log_softmax_nc_f32(
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out)
{
  // Log-softmax always runs the Two-Pass reduction: log(v * 2^e) = log(v) + e*ln2
  // needs no max pass, and the output pass is one fused multiply-add.
  return create_operator(attnorm_operator_type_log_softmax_nc_f32, attnorm_softmax_algorithm_two_pass,
                         scale, flags, op_out);
}

// ---- Reshape and setup ---------------------------------------------------------

// The rule behind attnorm_softmax_algorithm_auto (README "Auto").
static enum attnorm_softmax_algorithm resolve_algorithm(enum attnorm_softmax_algorithm algorithm, size_t channels)
{
  if (algorithm != attnorm_softmax_algorithm_auto) {
    return algorithm;
  }
  return channels >= attnorm_softmax_two_pass_min_channels() ? attnorm_softmax_algorithm_two_pass
                                                             : attnorm_softmax_algorithm_three_pass_reload;
}

static enum xnn_status reshape_operator(
    attnorm_operator_t op,
    enum attnorm_operator_type expected_type,
    size_t channels,
    size_t input_stride,
    size_t output_stride,
    size_t batch_size)
{
  const char* name = operator_name(expected_type);
  if (op == NULL || op->type != expected_type) {
    attnorm_log_error("reshape %s: %s", name, op == NULL ? "NULL operator" : "operator of another type");
    return xnn_status_invalid_parameter;
  }
  op->state = attnorm_operator_state_needs_reshape;
  if (channels == 0) {
    attnorm_log_error("reshape %s: channels must be non-zero", name);
    return xnn_status_invalid_parameter;
  }
  if (input_stride < channels || output_stride < channels) {
    attnorm_log_error("reshape %s: strides (input %zu, output %zu) must be >= channels (%zu)", name, input_stride,
                      output_stride, channels);
    return xnn_status_invalid_parameter;
  }
  // The farthest element addressed must fit in size_t bytes.
  const size_t max_stride = input_stride > output_stride ? input_stride : output_stride;
  if (batch_size != 0 && (batch_size - 1) > (SIZE_MAX / sizeof(float) - channels) / max_stride) {
    attnorm_log_error("reshape %s: tensor of %zu rows x stride %zu overflows the address space", name, batch_size,
                      max_stride);
    return xnn_status_invalid_parameter;
  }
  op->channels = channels;
  op->input_stride = input_stride;
  op->output_stride = output_stride;
  op->batch_size = batch_size;
  op->algorithm = resolve_algorithm(op->requested_algorithm, channels);
  op->tile_elements = kTileElements;
  op->tiles_per_row = channels > kTileElements ? (channels + kTileElements - 1) / kTileElements : 1;

  if (op->tiles_per_row > 1 && batch_size != 0) {
    if (batch_size > SIZE_MAX / sizeof(struct attnorm_row_partial) / op->tiles_per_row) {
      attnorm_log_error("reshape %s: %zu rows of %zu tiles: out of memory", name, batch_size, op->tiles_per_row);
      return xnn_status_out_of_memory;
    }
    const size_t partials = batch_size * op->tiles_per_row;
    if (partials > op->partials_capacity) {
      struct attnorm_row_partial* p = realloc(op->partials, partials * sizeof(struct attnorm_row_partial));
      if (p == NULL) {
        attnorm_log_error("reshape %s: out of memory for %zu partials", name, partials);
        return xnn_status_out_of_memory;
      }
      op->partials = p;
      op->partials_capacity = partials;
    }
    if (batch_size > op->plans_capacity) {
      struct attnorm_row_plan* p = realloc(op->plans, batch_size * sizeof(struct attnorm_row_plan));
      if (p == NULL) {
        attnorm_log_error("reshape %s: out of memory for %zu row plans", name, batch_size);
        return xnn_status_out_of_memory;
      }
      op->plans = p;
      op->plans_capacity = batch_size;
    }
  }
  op->input = NULL;
  op->output = NULL;
  op->state = attnorm_operator_state_needs_setup;
  return xnn_status_success;
}

enum xnn_status attnorm_reshape_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  (void) threadpool;  // the work plan does not depend on the thread count
  return reshape_operator(op, attnorm_operator_type_softmax_nc_f32, channels, input_stride, output_stride,
                          batch_size);
}

enum xnn_status attnorm_reshape_log_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  (void) threadpool;
  return reshape_operator(op, attnorm_operator_type_log_softmax_nc_f32, channels, input_stride, output_stride,
                          batch_size);
}

static enum xnn_status setup_operator(
    attnorm_operator_t op, enum attnorm_operator_type expected_type, const float* input, float* output)
{
  const char* name = operator_name(expected_type);
  if (op == NULL || op->type != expected_type) {
    attnorm_log_error("setup %s: %s", name, op == NULL ? "NULL operator" : "operator of another type");
    return xnn_status_invalid_parameter;
  }
  if (op->state == attnorm_operator_state_needs_reshape) {
    attnorm_log_error("setup %s: reshape has not succeeded", name);
    return xnn_status_invalid_state;
  }
  if (op->batch_size != 0 && (input == NULL || output == NULL)) {
    attnorm_log_error("setup %s: NULL %s", name, input == NULL ? "input" : "output");
    return xnn_status_invalid_parameter;
  }
  if (op->batch_size != 0 && (const float*) output != input) {
    // Only exact in-place (same pointer, same strides) may overlap.
    const uintptr_t in_begin = (uintptr_t) input;
    const uintptr_t in_end = (uintptr_t) (input + (op->batch_size - 1) * op->input_stride + op->channels);
    const uintptr_t out_begin = (uintptr_t) output;
    const uintptr_t out_end = (uintptr_t) (output + (op->batch_size - 1) * op->output_stride + op->channels);
    if (in_begin < out_end && out_begin < in_end) {
      attnorm_log_error("setup %s: input and output overlap without being the same buffer", name);
      return xnn_status_invalid_parameter;
    }
  }
  if (op->batch_size > 1 && (const float*) output == input && op->input_stride != op->output_stride) {
    attnorm_log_error("setup %s: in-place operation needs equal input and output strides", name);
    return xnn_status_invalid_parameter;
  }
  op->input = input;
  op->output = output;
  op->state = attnorm_operator_state_ready;
  return xnn_status_success;
}

enum xnn_status attnorm_setup_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return setup_operator(op, attnorm_operator_type_softmax_nc_f32, input, output);
}

enum xnn_status attnorm_setup_log_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return setup_operator(op, attnorm_operator_type_log_softmax_nc_f32, input, output);
}

// ---- Reductions over one tile --------------------------------------------------

static float tile_max(const struct attnorm_operator* op, const float* x, size_t n) {
  float max;
  union attnorm_f32_default_params params;
  attnorm_init_f32_default_params(&params);
  op->config->rmax(n * sizeof(float), x, &max, &params);
  return max;
}

// Sum of exp(scale * x - max) over n elements, optionally storing the terms.
static double tile_sum_exp(const struct attnorm_operator* op, const float* x, float* y, size_t n, float max) {
  const size_t block_elements =
      y != NULL ? op->config->raddstoreexpminusmax_block : op->config->raddexpminusmax_block;
  union attnorm_f32_expminus_params params;
  attnorm_init_f32_expminus_params(&params, op->scale);
  double sum = 0.0;
  for (size_t i = 0; i < n; i += block_elements) {
    const size_t block = n - i < block_elements ? n - i : block_elements;
    float block_sum;
    if (y != NULL) {
      op->config->raddstoreexpminusmax(block * sizeof(float), x + i, &max, y + i, &block_sum, &params);
    } else {
      op->config->raddexpminusmax(block * sizeof(float), x + i, &block_sum, max, &params);
    }
    sum += (double) block_sum;
  }
  return sum;
}

// (value, exp) += (other_value, other_exp), in double, exactly scaled by powers of 2.
static void ext_add(double* value, float* exp, double other_value, float other_exp) {
  if (isnan(other_value) || isnan(other_exp) || isnan(*value)) {
    *value = NAN;
    return;
  }
  if (other_exp > *exp) {
    *value = ldexp(*value, (int) (*exp - other_exp)) + other_value;
    *exp = other_exp;
  } else {
    *value += ldexp(other_value, (int) (other_exp - *exp));
  }
}

// Sum of exp(scale * x) over n elements as value * 2^exp.
static void tile_sum_extexp(const struct attnorm_operator* op, const float* x, size_t n, double* value, float* exp) {
  *value = 0.0;
  *exp = ATTNORM_EXTEXP_MIN_EXPONENT;
  const size_t block_elements = op->config->raddextexp_block;
  union attnorm_f32_expminus_params params;
  attnorm_init_f32_expminus_params(&params, op->scale);
  for (size_t i = 0; i < n; i += block_elements) {
    const size_t block = n - i < block_elements ? n - i : block_elements;
    float block_sum[2];
    op->config->raddextexp(block * sizeof(float), x + i, block_sum, &params);
    ext_add(value, exp, (double) block_sum[0], block_sum[1]);
  }
}

static bool has_nan(const float* x, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) return true;
  }
  return false;
}

// ---- Row plans: from merged reductions to output-pass arguments ----------------

// Three-pass, after the max: decides whether the row is fully masked.
static void plan_from_max(const struct attnorm_operator* op, const float* row, float max, struct attnorm_row_plan* plan) {
  plan->fill = row_fill_none;
  plan->max = max * op->scale;
  if (max == -INFINITY) {
    // Every logit is -inf, or NaN (which rmax may skip).
    plan->fill = has_nan(row, op->channels) ? row_fill_nan : row_fill_masked;
  }
}

// Two-Pass and log-softmax, after the extended-exponent sum.
static void plan_from_extexp(const struct attnorm_operator* op, const float* row, double value, float exp,
                             struct attnorm_row_plan* plan) {
  plan->fill = row_fill_none;
  if (isnan(value)) {
    plan->fill = row_fill_nan;
  } else if (exp == ATTNORM_EXTEXP_MIN_EXPONENT) {
    // Only -inf logits (a finite logit has an exponent far above the minimum).
    plan->fill = has_nan(row, op->channels) ? row_fill_nan : row_fill_masked;
  } else if (op->type == attnorm_operator_type_log_softmax_nc_f32) {
    // log(sum) = log(value) + exp * ln(2); y = scale * x - log(sum).
    plan->multiplier = (float) -(log(value) + (double) exp * 0.69314718055994530942);
  } else {
    plan->multiplier = (float) (1.0 / value);
    plan->multiplier_exp = -exp;
  }
}

static void fill_row(const struct attnorm_operator* op, float* y, size_t n, int fill) {
  float value;
  if (fill == row_fill_nan) {
    value = NAN;
  } else {
    value = op->type == attnorm_operator_type_log_softmax_nc_f32 ? -INFINITY : 0.0f;
  }
  for (size_t i = 0; i < n; i++) {
    y[i] = value;
  }
}

// The last pass over n elements of a row whose plan is known.
static void output_pass(const struct attnorm_operator* op, const float* x, float* y, size_t n,
                        const struct attnorm_row_plan* plan) {
  if (plan->fill != row_fill_none) {
    fill_row(op, y, n, plan->fill);
    return;
  }
  const size_t bytes = n * sizeof(float);
  union attnorm_f32_expminus_params params;
  attnorm_init_f32_expminus_params(&params, op->scale);
  if (op->type == attnorm_operator_type_log_softmax_nc_f32) {
    op->config->vmuladdc(bytes, x, y, plan->multiplier, &params);
    return;
  }
  switch (op->algorithm) {
    case attnorm_softmax_algorithm_two_pass:
      op->config->vscaleextexp(bytes, x, y, plan->multiplier, plan->multiplier_exp, &params);
      break;
    case attnorm_softmax_algorithm_three_pass_reload:
      // y already holds exp(scale * x - max).
      op->config->vscale(bytes, y, y, plan->multiplier);
      break;
    case attnorm_softmax_algorithm_three_pass_recompute:
      op->config->vscaleexpminusmax(bytes, x, y, plan->max, plan->multiplier, &params);
      break;
    default:
      assert(false);
  }
}

// ---- Whole rows: one task per row ----------------------------------------------

static void compute_row(const struct attnorm_operator* op, size_t row) {
  const float* x = op->input + row * op->input_stride;
  float* y = op->output + row * op->output_stride;
  const size_t n = op->channels;
  struct attnorm_row_plan plan;
  if (op->algorithm == attnorm_softmax_algorithm_two_pass) {
    double value;
    float exp;
    tile_sum_extexp(op, x, n, &value, &exp);
    plan_from_extexp(op, x, value, exp, &plan);
  } else {
    plan_from_max(op, x, tile_max(op, x, n), &plan);
    if (plan.fill == row_fill_none) {
      const bool reload = op->algorithm == attnorm_softmax_algorithm_three_pass_reload;
      plan.multiplier = (float) (1.0 / tile_sum_exp(op, x, reload ? y : NULL, n, plan.max));
    }
  }
  output_pass(op, x, y, n, &plan);
}

static void compute_row_task(void* context, size_t row) {
  compute_row((const struct attnorm_operator*) context, row);
}

// ---- Long rows: one task per (row, tile), passes separated by merges -----------

static size_t tile_length(const struct attnorm_operator* op, size_t tile) {
  const size_t begin = tile * op->tile_elements;
  return op->channels - begin < op->tile_elements ? op->channels - begin : op->tile_elements;
}

static struct attnorm_row_partial* partial_of(const struct attnorm_operator* op, size_t row, size_t tile) {
  return &op->partials[row * op->tiles_per_row + tile];
}

static void tile_max_task(void* context, size_t row, size_t tile) {
  const struct attnorm_operator* op = context;
  const float* x = op->input + row * op->input_stride + tile * op->tile_elements;
  partial_of(op, row, tile)->max = tile_max(op, x, tile_length(op, tile));
}

static void tile_sum_exp_task(void* context, size_t row, size_t tile) {
  const struct attnorm_operator* op = context;
  const struct attnorm_row_plan* plan = &op->plans[row];
  if (plan->fill != row_fill_none) return;
  const size_t offset = tile * op->tile_elements;
  const float* x = op->input + row * op->input_stride + offset;
  float* y = op->algorithm == attnorm_softmax_algorithm_three_pass_reload
                 ? op->output + row * op->output_stride + offset : NULL;
  partial_of(op, row, tile)->sum = tile_sum_exp(op, x, y, tile_length(op, tile), plan->max);
}

static void tile_sum_extexp_task(void* context, size_t row, size_t tile) {
  const struct attnorm_operator* op = context;
  const float* x = op->input + row * op->input_stride + tile * op->tile_elements;
  struct attnorm_row_partial* partial = partial_of(op, row, tile);
  tile_sum_extexp(op, x, tile_length(op, tile), &partial->ext_value, &partial->ext_exp);
}

static void tile_output_task(void* context, size_t row, size_t tile) {
  const struct attnorm_operator* op = context;
  const size_t offset = tile * op->tile_elements;
  output_pass(op, op->input + row * op->input_stride + offset, op->output + row * op->output_stride + offset,
              tile_length(op, tile), &op->plans[row]);
}

static void compute_tiled(struct attnorm_operator* op, pthreadpool_t threadpool) {
  const size_t rows = op->batch_size;
  const size_t tiles = op->tiles_per_row;
  if (op->algorithm == attnorm_softmax_algorithm_two_pass) {
    pthreadpool_parallelize_2d(threadpool, tile_sum_extexp_task, op, rows, tiles, 0);
    for (size_t row = 0; row < rows; row++) {
      double value = 0.0;
      float exp = ATTNORM_EXTEXP_MIN_EXPONENT;
      for (size_t tile = 0; tile < tiles; tile++) {
        const struct attnorm_row_partial* partial = partial_of(op, row, tile);
        ext_add(&value, &exp, partial->ext_value, partial->ext_exp);
      }
      plan_from_extexp(op, op->input + row * op->input_stride, value, exp, &op->plans[row]);
    }
  } else {
    pthreadpool_parallelize_2d(threadpool, tile_max_task, op, rows, tiles, 0);
    for (size_t row = 0; row < rows; row++) {
      float max = -INFINITY;
      for (size_t tile = 0; tile < tiles; tile++) {
        const float tile_max_value = partial_of(op, row, tile)->max;
        if (isnan(tile_max_value) || tile_max_value > max) max = tile_max_value;
        if (isnan(max)) break;
      }
      plan_from_max(op, op->input + row * op->input_stride, max, &op->plans[row]);
    }
    pthreadpool_parallelize_2d(threadpool, tile_sum_exp_task, op, rows, tiles, 0);
    for (size_t row = 0; row < rows; row++) {
      double sum = 0.0;
      for (size_t tile = 0; tile < tiles; tile++) {
        sum += partial_of(op, row, tile)->sum;
      }
      op->plans[row].multiplier = (float) (1.0 / sum);
    }
  }
  pthreadpool_parallelize_2d(threadpool, tile_output_task, op, rows, tiles, 0);
}

enum xnn_status attnorm_run_operator(attnorm_operator_t op, pthreadpool_t threadpool) {
  if (op == NULL || op->type == attnorm_operator_type_invalid) {
    attnorm_log_error("run: %s", op == NULL ? "NULL operator" : "invalid operator");
    return xnn_status_invalid_parameter;
  }
  if (op->state != attnorm_operator_state_ready) {
    attnorm_log_error("run %s: %s has not succeeded", operator_name(op->type),
                      op->state == attnorm_operator_state_needs_reshape ? "reshape" : "setup");
    return xnn_status_invalid_state;
  }
  if (op->batch_size == 0) {
    return xnn_status_success;
  }
  if (op->tiles_per_row == 1) {
    pthreadpool_parallelize_1d(threadpool, compute_row_task, op, op->batch_size, 0);
  } else {
    compute_tiled(op, threadpool);
  }
  return xnn_status_success;
}
