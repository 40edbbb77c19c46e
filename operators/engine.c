// The row-normalization engine: the lifecycle of every operator (create /
// reshape / setup / run / delete, validation, logging) and the one driver that
// runs any operator description (operators/operator.h).
//
// Work plan (fixed at reshape from the shape alone, so results are
// bit-identical for any number of threads):
//   * Rows of at most kTileElements are one tile each; a task runs every stage
//     and the output pass of rows_per_task consecutive rows, back to back,
//     while each row is in cache.
//   * Longer rows are cut into tiles of kTileElements; each stage is a parallel
//     loop over (row, tile), and between stages the calling thread merges the
//     per-tile partials of each row in tile order and finishes the row's plan.
//     Rows already decided (filled) skip the later stages.
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fp16.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/allocator.h"
#include "operators/operator.h"
#include "src/hardware-config.h"

enum {
  kTileElements = 32768,
  // Whole rows: a task covers at least this many elements (amortizes the
  // per-task cost of the thread pool on short rows)...
  kTaskElements = 16384,
  // ...unless that leaves fewer than this many tasks per thread.
  kTasksPerThread = 4,
};

size_t attnorm_datatype_size(enum attnorm_datatype datatype) {
  switch (datatype) {
    case attnorm_datatype_f32: return sizeof(float);
    case attnorm_datatype_f16: return sizeof(uint16_t);
    case attnorm_datatype_qu8: return sizeof(uint8_t);
  }
  return 0;
}

// ---- Lifecycle ------------------------------------------------------------------

static enum xnn_status select_isa(uint32_t flags, const char* name, const void* (*get_config)(enum attnorm_isa),
                                  enum attnorm_isa* isa_out, const void** config_out) {
  const uint32_t force_flags = flags & ATTNORM_FLAG_FORCE_MASK;
  if (force_flags != 0) {
    enum attnorm_isa forced;
    if (!attnorm_isa_from_force_flags(force_flags, &forced)) {
      attnorm_log_error("create %s: more than one ATTNORM_FLAG_FORCE_* flag (flags 0x%08x)", name, flags);
      return xnn_status_invalid_parameter;
    }
    const void* config = get_config(forced);
    if (config == NULL || !attnorm_isa_supported(forced)) {
      attnorm_log_error("create %s: %s kernels requested, but %s", name, attnorm_isa_name(forced),
                        config == NULL ? "this build has none" : "the CPU lacks the ISA");
      return xnn_status_unsupported_hardware;
    }
    *isa_out = forced;
    *config_out = config;
    return xnn_status_success;
  }
  // The best ISA the CPU supports and this build has kernels for.
  for (size_t i = 0; i < (size_t) attnorm_isa_count; i++) {
    const enum attnorm_isa isa = attnorm_isas_best_first[i];
    const void* config = get_config(isa);
    if (config != NULL && attnorm_isa_supported(isa)) {
      *isa_out = isa;
      *config_out = config;
      return xnn_status_success;
    }
  }
  attnorm_log_error("create %s: no kernels for this CPU", name);
  return xnn_status_unsupported_hardware;
}

enum xnn_status attnorm_create_operator(
    const struct attnorm_operator_description* description,
    const void* (*get_config)(enum attnorm_isa isa),
    const union attnorm_operator_params* params,
    uint32_t flags,
    uint32_t allowed_flags,
    attnorm_operator_t* op_out)
{
  const char* name = description->name;
  if (!attnorm_is_initialized()) {
    attnorm_log_error("create %s: attnorm_initialize() has not been called", name);
    return xnn_status_uninitialized;
  }
  if (op_out == NULL) {
    attnorm_log_error("create %s: NULL op_out", name);
    return xnn_status_invalid_parameter;
  }
  *op_out = NULL;
  const uint32_t unknown = flags & ~(allowed_flags | ATTNORM_FLAG_FORCE_MASK);
  if (unknown != 0) {
    attnorm_log_error("create %s: unknown flags 0x%08x", name, unknown);
    return xnn_status_invalid_parameter;
  }
  enum attnorm_isa isa;
  const void* config;
  const enum xnn_status status = select_isa(flags, name, get_config, &isa, &config);
  if (status != xnn_status_success) {
    return status;
  }
  struct attnorm_operator* op = attnorm_allocate_zeroed(1, sizeof(struct attnorm_operator));
  if (op == NULL) {
    attnorm_log_error("create %s: out of memory", name);
    return xnn_status_out_of_memory;
  }
  op->description = description;
  op->run = description;
  op->type = description->type;
  op->flags = flags;
  op->isa = isa;
  op->config = config;
  op->params = *params;
  op->state = attnorm_operator_state_needs_reshape;
  *op_out = op;
  return xnn_status_success;
}

// Grows *buffer to hold count elements of `size` bytes.
static bool reserve(void** buffer, size_t* capacity, size_t count, size_t size) {
  if (count <= *capacity) return true;
  if (count > SIZE_MAX / size) return false;
  void* grown = attnorm_reallocate(*buffer, count * size);
  if (grown == NULL) return false;
  *buffer = grown;
  *capacity = count;
  return true;
}

enum xnn_status attnorm_reshape_operator(
    attnorm_operator_t op,
    const struct attnorm_operator_description* description,
    size_t channels,
    size_t input_stride,
    size_t output_stride,
    size_t batch_size,
    pthreadpool_t threadpool)
{
  const char* name = description->name;
  if (op == NULL || op->type != description->type) {
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
  const struct attnorm_operator_description* run =
      op->description->resolve != NULL ? op->description->resolve(op, channels) : op->description;
  const size_t input_size = attnorm_datatype_size(run->input_type);
  const size_t output_size = attnorm_datatype_size(run->output_type);
  // The farthest byte addressed, (batch_size - 1) * stride + channels elements,
  // must fit in size_t, for the input and the output alike.
  if (batch_size != 0) {
    const size_t max_stride_bytes_in = SIZE_MAX / input_size;
    const size_t max_stride_bytes_out = SIZE_MAX / output_size;
    const bool in_ok = input_stride <= max_stride_bytes_in &&
                       (batch_size - 1) <= (SIZE_MAX / input_size - channels) / input_stride;
    const bool out_ok = output_stride <= max_stride_bytes_out &&
                        (batch_size - 1) <= (SIZE_MAX / output_size - channels) / output_stride;
    if (!in_ok || !out_ok) {
      attnorm_log_error("reshape %s: tensor of %zu rows x stride %zu overflows the address space", name, batch_size,
                        in_ok ? output_stride : input_stride);
      return xnn_status_invalid_parameter;
    }
  }
  op->run = run;
  op->channels = channels;
  op->input_stride = input_stride * input_size;
  op->output_stride = output_stride * output_size;
  op->batch_size = batch_size;
  op->tile_elements = kTileElements;
  op->tiles_per_row = channels > kTileElements ? (channels + kTileElements - 1) / kTileElements : 1;

  // Whole rows: several per task when rows are short and there are enough.
  const size_t threads = threadpool != NULL ? pthreadpool_get_threads_count(threadpool) : 1;
  size_t rows_per_task = kTaskElements / channels;
  const size_t min_tasks = threads * kTasksPerThread;
  if (rows_per_task > 1 && batch_size / rows_per_task < min_tasks) {
    rows_per_task = batch_size / min_tasks;
  }
  op->rows_per_task = rows_per_task > 1 ? rows_per_task : 1;

  if (op->tiles_per_row > 1 && batch_size != 0) {
    if (batch_size > SIZE_MAX / op->tiles_per_row ||
        !reserve((void**) &op->partials, &op->partials_capacity, batch_size * op->tiles_per_row,
                 sizeof(struct attnorm_partial)) ||
        !reserve((void**) &op->plans, &op->plans_capacity, batch_size, sizeof(struct attnorm_row_plan))) {
      attnorm_log_error("reshape %s: out of memory for %zu rows of %zu tiles", name, batch_size, op->tiles_per_row);
      return xnn_status_out_of_memory;
    }
  }
  op->input = NULL;
  op->output = NULL;
  memset(op->side_inputs, 0, sizeof(op->side_inputs));
  op->state = attnorm_operator_state_needs_setup;
  return xnn_status_success;
}

enum xnn_status attnorm_setup_operator(
    attnorm_operator_t op,
    const struct attnorm_operator_description* description,
    const void* input,
    void* output)
{
  const char* name = description->name;
  if (op == NULL || op->type != description->type) {
    attnorm_log_error("setup %s: %s", name, op == NULL ? "NULL operator" : "operator of another type");
    return xnn_status_invalid_parameter;
  }
  if (op->state == attnorm_operator_state_needs_reshape) {
    attnorm_log_error("setup %s: reshape has not succeeded", name);
    return xnn_status_invalid_state;
  }
  if (op->batch_size != 0) {
    if (input == NULL || output == NULL) {
      attnorm_log_error("setup %s: NULL %s", name, input == NULL ? "input" : "output");
      return xnn_status_invalid_parameter;
    }
    const size_t input_row = op->channels * attnorm_datatype_size(op->run->input_type);
    const size_t output_row = op->channels * attnorm_datatype_size(op->run->output_type);
    const uintptr_t in_begin = (uintptr_t) input;
    const uintptr_t in_end = in_begin + (op->batch_size - 1) * op->input_stride + input_row;
    const uintptr_t out_begin = (uintptr_t) output;
    const uintptr_t out_end = out_begin + (op->batch_size - 1) * op->output_stride + output_row;
    if (in_begin == out_begin) {
      // In place: the same rows, element for element.
      if (op->run->input_type != op->run->output_type) {
        attnorm_log_error("setup %s: in-place operation needs equal input and output types", name);
        return xnn_status_invalid_parameter;
      }
      if (op->batch_size > 1 && op->input_stride != op->output_stride) {
        attnorm_log_error("setup %s: in-place operation needs equal input and output strides", name);
        return xnn_status_invalid_parameter;
      }
    } else if (in_begin < out_end && out_begin < in_end) {
      attnorm_log_error("setup %s: input and output overlap without being the same buffer", name);
      return xnn_status_invalid_parameter;
    }
  }
  op->input = input;
  op->output = output;
  op->state = attnorm_operator_state_ready;
  return xnn_status_success;
}

enum xnn_status attnorm_delete_operator(attnorm_operator_t op) {
  if (op == NULL) {
    attnorm_log_error("attnorm_delete_operator: NULL operator");
    return xnn_status_invalid_parameter;
  }
  attnorm_free(op->partials);
  attnorm_free(op->plans);
  op->type = attnorm_operator_type_invalid;
  attnorm_free(op);
  return xnn_status_success;
}

// ---- The driver -------------------------------------------------------------------

static struct attnorm_tile make_tile(const struct attnorm_operator* op, size_t row, size_t offset, size_t elements) {
  const struct attnorm_operator_description* d = op->run;
  struct attnorm_tile tile = {
    .row = row,
    .offset = offset,
    .elements = elements,
    .input = (const char*) op->input + row * op->input_stride + offset * attnorm_datatype_size(d->input_type),
    .output = (char*) op->output + row * op->output_stride + offset * attnorm_datatype_size(d->output_type),
  };
  return tile;
}

static void fill_tile(const struct attnorm_operator* op, const struct attnorm_tile* tile, enum attnorm_row_fill fill) {
  const float value = op->run->fill_value != NULL ? op->run->fill_value(op, fill)
                      : fill == attnorm_row_fill_nan ? op->run->fill_nan : op->run->fill_masked;
  const size_t n = tile->elements;
  switch (op->run->output_type) {
    case attnorm_datatype_f32: {
      float* y = tile->output;
      for (size_t i = 0; i < n; i++) y[i] = value;
      break;
    }
    case attnorm_datatype_f16: {
      uint16_t* y = tile->output;
      const uint16_t h = fp16_ieee_from_fp32_value(value);
      for (size_t i = 0; i < n; i++) y[i] = h;
      break;
    }
    case attnorm_datatype_qu8:
      memset(tile->output, (int) (uint8_t) value, n);
      break;
  }
}

static void run_row(const struct attnorm_operator* op, size_t row) {
  const struct attnorm_operator_description* d = op->run;
  const struct attnorm_tile tile = make_tile(op, row, 0, op->channels);
  struct attnorm_row_plan plan = {.fill = attnorm_row_fill_none};
  for (size_t s = 0; s < d->num_stages; s++) {
    struct attnorm_partial partial;
    d->stages[s].reduce(op, &tile, &plan, &partial);
    d->stages[s].finish(op, &tile, &partial, &plan);
    if (plan.fill != attnorm_row_fill_none) {
      if (plan.fill != attnorm_row_fill_done) fill_tile(op, &tile, plan.fill);
      return;
    }
  }
  d->output(op, &tile, &plan);
}

static void run_row_task(void* context, size_t row) {
  run_row((const struct attnorm_operator*) context, row);
}

static void run_rows_task(void* context, size_t first_row, size_t rows) {
  const struct attnorm_operator* op = context;
  for (size_t row = first_row; row < first_row + rows; row++) {
    run_row(op, row);
  }
}

static size_t tile_length(const struct attnorm_operator* op, size_t tile) {
  const size_t begin = tile * op->tile_elements;
  return op->channels - begin < op->tile_elements ? op->channels - begin : op->tile_elements;
}

// Long rows: the context of one stage's (row, tile) loop.
struct stage_context {
  struct attnorm_operator* op;
  const struct attnorm_stage* stage;
};

static void reduce_tile_task(void* context, size_t row, size_t tile) {
  const struct stage_context* c = context;
  const struct attnorm_operator* op = c->op;
  const struct attnorm_row_plan* plan = &op->plans[row];
  if (plan->fill != attnorm_row_fill_none) return;  // decided by an earlier stage
  const struct attnorm_tile t = make_tile(op, row, tile * op->tile_elements, tile_length(op, tile));
  c->stage->reduce(op, &t, plan, &op->partials[row * op->tiles_per_row + tile]);
}

static void output_tile_task(void* context, size_t row, size_t tile) {
  const struct attnorm_operator* op = context;
  const struct attnorm_row_plan* plan = &op->plans[row];
  const struct attnorm_tile t = make_tile(op, row, tile * op->tile_elements, tile_length(op, tile));
  if (plan->fill == attnorm_row_fill_done) {
    return;  // written by a finish step
  } else if (plan->fill != attnorm_row_fill_none) {
    fill_tile(op, &t, plan->fill);
  } else {
    op->run->output(op, &t, plan);
  }
}

static void run_tiled(struct attnorm_operator* op, pthreadpool_t threadpool) {
  const struct attnorm_operator_description* d = op->run;
  const size_t rows = op->batch_size;
  const size_t tiles = op->tiles_per_row;
  for (size_t row = 0; row < rows; row++) {
    op->plans[row] = (struct attnorm_row_plan) {.fill = attnorm_row_fill_none};
  }
  for (size_t s = 0; s < d->num_stages; s++) {
    const struct attnorm_stage* stage = &d->stages[s];
    struct stage_context context = {op, stage};
    pthreadpool_parallelize_2d(threadpool, reduce_tile_task, &context, rows, tiles, 0);
    for (size_t row = 0; row < rows; row++) {
      struct attnorm_row_plan* plan = &op->plans[row];
      if (plan->fill != attnorm_row_fill_none) continue;  // its tiles were skipped: nothing to merge
      struct attnorm_partial merged = stage->identity;
      for (size_t tile = 0; tile < tiles; tile++) {
        stage->merge(&merged, &op->partials[row * tiles + tile]);
      }
      const struct attnorm_tile whole_row = make_tile(op, row, 0, op->channels);
      stage->finish(op, &whole_row, &merged, plan);
    }
  }
  pthreadpool_parallelize_2d(threadpool, output_tile_task, op, rows, tiles, 0);
}

enum xnn_status attnorm_run_operator(attnorm_operator_t op, pthreadpool_t threadpool) {
  if (op == NULL || op->type == attnorm_operator_type_invalid) {
    attnorm_log_error("run: %s", op == NULL ? "NULL operator" : "invalid operator");
    return xnn_status_invalid_parameter;
  }
  if (op->state != attnorm_operator_state_ready) {
    attnorm_log_error("run %s: %s has not succeeded", op->description->name,
                      op->state == attnorm_operator_state_needs_reshape ? "reshape" : "setup");
    return xnn_status_invalid_state;
  }
  if (op->batch_size == 0) {
    return xnn_status_success;
  }
  if (op->tiles_per_row == 1) {
    if (op->rows_per_task == 1) {
      pthreadpool_parallelize_1d(threadpool, run_row_task, op, op->batch_size, 0);
    } else {
      pthreadpool_parallelize_1d_tile_1d(threadpool, run_rows_task, op, op->batch_size, op->rows_per_task, 0);
    }
  } else {
    run_tiled(op, threadpool);
  }
  return xnn_status_success;
}
