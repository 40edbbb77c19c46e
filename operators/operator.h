// The operator object behind attnorm_operator_t and the row-normalization
// engine that runs it (internal).
//
// An operator is a *description* (struct attnorm_operator_description): the
// element types of its input and output, up to ATTNORM_MAX_STAGES reduction
// stages and one output pass, each a callback over one tile of one row. One
// driver (operators/engine.c) validates, plans and runs every description:
//
//   for each row:                                    (rows in parallel)
//     plan = {0}
//     for each stage s:
//       partial[tile] = s.reduce(tile, plan)         (tiles of a long row in parallel)
//       merged = s.identity; s.merge(&merged, partial[tile]) in tile order
//       s.finish(row, merged, &plan)                 (may decide to fill the row)
//     plan.fill ? fill the row : output(tile, plan)  (tiles in parallel)
//
// A row of at most tile_elements elements is one tile: all of its stages and
// its output pass run back to back on one thread while the row is in cache.
// The tiling depends only on the shape, so results are bit-identical for any
// thread count. An operator is added as a description plus its kernels; the
// lifecycle (create / reshape / setup / run / delete), validation and logging
// all live in the engine.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "microkernels/common.h"
#include "microkernels/microparams.h"

#ifdef __cplusplus
extern "C" {
#endif

enum attnorm_operator_type {
  attnorm_operator_type_invalid = 0,
  attnorm_operator_type_softmax_nc_f32,
  attnorm_operator_type_log_softmax_nc_f32,
  attnorm_operator_type_sigmoid_attention_nc_f32,
  attnorm_operator_type_softplus_attention_nc_f32,
  attnorm_operator_type_clipped_softmax_nc_f32,
  attnorm_operator_type_stablemax_nc_f32,
  attnorm_operator_type_log_stablemax_nc_f32,
  attnorm_operator_type_attention_softmax_nc_f32,
  attnorm_operator_type_softmax_log2_nc_f32_qu8,
};

enum attnorm_operator_state {
  attnorm_operator_state_needs_reshape = 0,
  attnorm_operator_state_needs_setup,
  attnorm_operator_state_ready,
};

// Element types of operator inputs and outputs.
enum attnorm_datatype {
  attnorm_datatype_f32 = 0,
  attnorm_datatype_f16,  // IEEE binary16
  attnorm_datatype_qu8,  // unsigned 8-bit codes
};

size_t attnorm_datatype_size(enum attnorm_datatype datatype);

// How a row ends: through the output pass, or filled with one of the
// description's fill values without running it.
enum attnorm_row_fill {
  attnorm_row_fill_none = 0,  // run the output pass
  attnorm_row_fill_masked,    // every logit is masked (-inf)
  attnorm_row_fill_nan,       // the row holds a NaN
  attnorm_row_fill_done,      // a finish step wrote the whole row itself (a rare exact path)
};

// What one tile's reduction produced; stages give the fields their meaning.
struct attnorm_partial {
  float max;       // a running maximum
  float exponent;  // binary exponent of `sum` when the sum is extended-range (sum * 2^exponent)
  double sum;      // a running sum
  double sum2;     // a second running sum
  size_t count;    // a running count
};

// What the output pass of a row needs, built by the stages' finish steps.
struct attnorm_row_plan {
  enum attnorm_row_fill fill;
  float max;         // e.g. the scaled row maximum
  float multiplier;  // e.g. 1 / sum
  float exponent;    // e.g. -exponent of an extended-range sum
  float addend;      // e.g. -log(sum)
};

// One tile of one row: the unit every callback works on.
struct attnorm_tile {
  size_t row;          // row index in the batch (for per-row side inputs)
  size_t offset;       // index of the tile's first element in the row
  size_t elements;     // elements in the tile (> 0)
  const void* input;   // the tile's first input element
  void* output;        // the tile's first output element
};

struct attnorm_operator;

// Reduces one tile into *partial (which the callback initializes).
typedef void (*attnorm_reduce_fn)(
    const struct attnorm_operator* op, const struct attnorm_tile* tile, const struct attnorm_row_plan* plan,
    struct attnorm_partial* partial);
// Folds `next` (the partial of the next tile) into *merged.
typedef void (*attnorm_merge_fn)(struct attnorm_partial* merged, const struct attnorm_partial* next);
// Turns a row's merged partial into plan fields (or plan->fill). `row` spans
// the whole row; a finish step may also write the row's output itself (for
// rows its kernels do not cover) and set plan->fill = attnorm_row_fill_done.
typedef void (*attnorm_finish_fn)(
    const struct attnorm_operator* op, const struct attnorm_tile* row, const struct attnorm_partial* merged,
    struct attnorm_row_plan* plan);
// Writes the output of one tile of a row whose plan is complete.
typedef void (*attnorm_output_fn)(
    const struct attnorm_operator* op, const struct attnorm_tile* tile, const struct attnorm_row_plan* plan);

struct attnorm_stage {
  attnorm_reduce_fn reduce;
  struct attnorm_partial identity;  // the start of the merge
  attnorm_merge_fn merge;
  attnorm_finish_fn finish;
};

enum { ATTNORM_MAX_STAGES = 3 };

struct attnorm_operator_description {
  enum attnorm_operator_type type;
  const char* name;  // as in the public API, e.g. "softmax_nc_f32"
  enum attnorm_datatype input_type;
  enum attnorm_datatype output_type;
  size_t num_stages;
  struct attnorm_stage stages[ATTNORM_MAX_STAGES];
  attnorm_output_fn output;
  // Values of every element of a fully masked row and of a NaN row, converted
  // to the output type.
  float fill_masked;
  float fill_nan;
  // Optional: at reshape, the description to run for rows of `channels`
  // elements (e.g. softmax's auto algorithm); NULL runs this one.
  const struct attnorm_operator_description* (*resolve)(const struct attnorm_operator* op, size_t channels);
  // Optional: the fill value of `fill` (masked or NaN) when it depends on the
  // operator's parameters (e.g. the "zero" code of a qu8 output); NULL uses
  // fill_masked / fill_nan.
  float (*fill_value)(const struct attnorm_operator* op, enum attnorm_row_fill fill);
};

// Softmax and log-softmax: the logit scale and its kernel parameters.
struct attnorm_softmax_op_params {
  float scale;
  union attnorm_f32_expminus_params expminus;
};

// Sigmoid attention (scale, bias), StableMax and LogStableMax (scale; bias
// unused): the kernels' parameters are built from these per call.
struct attnorm_sigstable_op_params {
  float scale;
  float bias;
};

// Operators derived from softmax (clipped softmax, softmax to log2 codes):
// softmax's parameters first, so that softmax's shared stages
// (operators/softmax-stages.h) read them as op->params.softmax.
struct attnorm_softmax_derived_op_params {
  struct attnorm_softmax_op_params softmax;
  // Clipped softmax: y = clamp((zeta - gamma) * softmax + gamma, 0, 1).
  float zeta;
  float gamma;
  // Softmax to log2 codes: the largest code 2^bits - 1 ("zero"), and 1 or 2
  // (ATTNORM_FLAG_LOG2_SQRT2) codes per octave.
  float code_max;
  float codes_per_octave;
};

// Softplus attention: the logit scale, the re-weighting power p (0: none) and
// whether the scale is multiplied by ln N per row (ATTNORM_FLAG_SCALE_BY_LOG_LENGTH).
struct attnorm_softplus_attention_op_params {
  float scale;
  float power;
  bool scale_by_log_length;
};

// Fused attention softmax (operators/attention-softmax-nc.c): the create parameters, the
// shape beyond the engine's rows x channels, and the side inputs bound at setup.
struct attnorm_attention_softmax_op_params {
  float scale;
  float softcap;         // 0: no soft-capping
  float alibi_max_bias;  // 0: slope 1 for every head
  size_t heads;
  size_t queries;
  size_t mask_stride;    // in elements
  const float* mask;     // NULL: no mask
  const float* sinks;    // NULL: no sinks
  const float* query_scales;  // NULL: 1 for every query
  union attnorm_f32_expminus_params unit;      // exp core params of scale 1
  union attnorm_f32_expminus_params expminus;  // exp core params of scale `scale`
};

// Parameters of every operator type, one member each.
union attnorm_operator_params {
  struct attnorm_softmax_op_params softmax;
  struct attnorm_sigstable_op_params sigstable;
  struct attnorm_softmax_derived_op_params softmax_derived;
  struct attnorm_softplus_attention_op_params softplus_attention;
  struct attnorm_attention_softmax_op_params attention_softmax;
};

// Per-row side inputs (a bias row, a per-row scale, a sink logit): set by an
// operator's setup; callbacks address them with tile->row and tile->offset.
enum { ATTNORM_MAX_SIDE_INPUTS = 2 };
struct attnorm_side_input {
  const void* data;
  size_t row_stride;  // in bytes; 0 broadcasts one row to every row
};

struct attnorm_operator {
  const struct attnorm_operator_description* description;  // as created
  const struct attnorm_operator_description* run;          // resolved at reshape
  enum attnorm_operator_type type;
  uint32_t flags;
  enum attnorm_isa isa;  // the ISA whose kernels run
  const void* config;    // the description's kernel config for that ISA
  union attnorm_operator_params params;

  size_t channels;
  size_t input_stride;   // in bytes
  size_t output_stride;  // in bytes
  size_t batch_size;
  size_t rows_per_task;  // whole rows: rows one task runs
  // Rows of more than tile_elements are split into tiles_per_row tiles that
  // threads process in parallel; the per-tile partials are merged in tile order.
  size_t tile_elements;
  size_t tiles_per_row;
  struct attnorm_partial* partials;  // batch_size * tiles_per_row (tiled rows only)
  struct attnorm_row_plan* plans;    // batch_size (tiled rows only)
  size_t partials_capacity;
  size_t plans_capacity;

  const void* input;
  void* output;
  struct attnorm_side_input side_inputs[ATTNORM_MAX_SIDE_INPUTS];
  enum attnorm_operator_state state;
};

// ---- The engine (operators/engine.c) ---------------------------------------------

// Creates an operator of `description` with the kernels of the ISA the flags
// force, or of the best ISA of the CPU. `get_config` returns the description's
// kernel config of an ISA (NULL when the build has none). Validates the
// initialization, op_out and the flags (`allowed_flags` besides the
// ATTNORM_FLAG_FORCE_* ones); the caller validates its own parameters first
// and fills op->params from *params.
enum xnn_status attnorm_create_operator(
    const struct attnorm_operator_description* description,
    const void* (*get_config)(enum attnorm_isa isa),
    const union attnorm_operator_params* params,
    uint32_t flags,
    uint32_t allowed_flags,
    attnorm_operator_t* op_out);

// Validates and plans a reshape of an operator created from `description`
// (or from a description that resolves like it; strides in elements).
enum xnn_status attnorm_reshape_operator(
    attnorm_operator_t op,
    const struct attnorm_operator_description* description,
    size_t channels,
    size_t input_stride,
    size_t output_stride,
    size_t batch_size,
    pthreadpool_t threadpool);

// Validates and records the buffers of an operator of `description`'s type.
enum xnn_status attnorm_setup_operator(
    attnorm_operator_t op,
    const struct attnorm_operator_description* description,
    const void* input,
    void* output);

// Logging: one line on stderr per rejected call.
void attnorm_log_error(const char* format, ...)
#if defined(__GNUC__)
    __attribute__((__format__(__printf__, 1, 2)))
#endif
    ;

bool attnorm_is_initialized(void);

#ifdef __cplusplus
}  // extern "C"
#endif
