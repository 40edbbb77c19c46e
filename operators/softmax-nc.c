// Softmax (four algorithms) and log-softmax over NC f32 tensors: descriptions
// run by the engine (operators/engine.c), over the kernels of
// src/softmax-config.h.
//
// Every summing kernel is called on blocks of its config's block size (at most
// ~128 terms per float partial sum) and the block sums are added in double, so
// the relative error of a row sum stays near 1e-7 for any row length.
//
// The exp kernels of three-pass and online softmax return terms
// exp(scale * x - k * ln2) with k = round(M * log2(e)), M the scaled row
// maximum (microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h):
// they differ from exp(scale * x - M) by the row's factor exp(M - k * ln2),
// which cancels in the normalization.
//
// The stages and the auto rule are shared with the operators derived from
// softmax (clipped softmax, softmax to log2 codes) through
// operators/softmax-stages.h.
#include <math.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "microkernels/exact-rows.h"
#include "operators/operator.h"
#include "operators/softmax-stages.h"
#include "src/softmax-config.h"

static const struct attnorm_softmax_config* config_of(const struct attnorm_operator* op) {
  return (const struct attnorm_softmax_config*) op->config;
}

static const union attnorm_f32_expminus_params* params_of(const struct attnorm_operator* op) {
  return &op->params.softmax.expminus;
}

static const void* get_softmax_config(enum attnorm_isa isa) {
  return attnorm_get_softmax_config(isa);
}

static bool row_has_nan(const struct attnorm_tile* row) {
  const float* x = row->input;
  for (size_t i = 0; i < row->elements; i++) {
    if (isnan(x[i])) return true;
  }
  return false;
}

// A row whose logits are all -inf (or NaN among -inf).
static void fill_masked_row(const struct attnorm_tile* row, struct attnorm_row_plan* plan) {
  plan->fill = row_has_nan(row) ? attnorm_row_fill_nan : attnorm_row_fill_masked;
}

// A row the kernels do not cover (its largest scaled logit beyond
// +-ATTNORM_EXP_VALID_RANGE, e.g. masked with -1e9): computed in double, here.
static void compute_exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row,
                              struct attnorm_row_plan* plan) {
  attnorm_f32_softmax_exact(row->elements, row->input, row->output, op->params.softmax.scale,
                            op->type == attnorm_operator_type_log_softmax_nc_f32);
  plan->fill = attnorm_row_fill_done;
}

static bool in_kernel_range(float scaled_max) {
  return fabsf(scaled_max) <= ATTNORM_EXP_VALID_RANGE;
}

// ---- Three-pass stage 1: the row maximum ------------------------------------------

void attnorm_softmax_reduce_max(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  config_of(op)->rmax(tile->elements * sizeof(float), tile->input, &partial->max, NULL);
}

void attnorm_softmax_merge_max(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  // NaN, once seen, stays.
  if (!isnan(merged->max) && (isnan(next->max) || next->max > merged->max)) {
    merged->max = next->max;
  }
}

void attnorm_softmax_finish_max_with(const struct attnorm_operator* op, const struct attnorm_tile* row,
                                     const struct attnorm_partial* merged, struct attnorm_row_plan* plan,
                                     attnorm_softmax_exact_row_fn exact_row) {
  if (merged->max == -INFINITY) {
    fill_masked_row(row, plan);  // every logit is -inf, or NaN (which rmax may skip)
    return;
  }
  plan->max = merged->max * op->params.softmax.scale;
  if (!in_kernel_range(plan->max)) {
    exact_row(op, row, plan);  // also a NaN max
  }
}

static void finish_max(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  attnorm_softmax_finish_max_with(op, row, merged, plan, compute_exact_row);
}

// ---- Three-pass stage 2: the sum of exp, stored (reload) or not (recompute) -----------

void attnorm_softmax_reduce_sum_exp_store(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                          const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  const struct attnorm_softmax_config* config = config_of(op);
  const size_t block = config->raddstoreexpminusmax_block;
  const float* x = tile->input;
  float* y = tile->output;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    config->raddstoreexpminusmax(n * sizeof(float), x + i, &plan->max, y + i, &block_sum, params_of(op));
    sum += (double) block_sum;
  }
  partial->sum = sum;
}

void attnorm_softmax_reduce_sum_exp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                    const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  const struct attnorm_softmax_config* config = config_of(op);
  const size_t block = config->raddexpminusmax_block;
  const float* x = tile->input;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    config->raddexpminusmax(n * sizeof(float), x + i, &block_sum, plan->max, params_of(op));
    sum += (double) block_sum;
  }
  partial->sum = sum;
}

void attnorm_softmax_merge_sum(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->sum += next->sum;
}

static void finish_sum(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  (void) op;
  (void) row;
  plan->multiplier = (float) (1.0 / merged->sum);
}

// value * 2^shift for an integer-valued shift between two partial sums'
// exponents. Logits beyond the kernels' range (e.g. -1.7e38) give exponents
// of any size, even infinite: the shift is clamped (such sums are 0 or
// infinite anyway, and those rows take the exact path) so that the
// conversion to int is defined; a NaN shift (inf - inf) gives a NaN sum,
// which also sends the row to the exact path.
static double scale_by_power_of_2(double value, float shift) {
  if (isnan(shift)) return NAN;
  const float clamped = shift < -4096.0f ? -4096.0f : (shift > 4096.0f ? 4096.0f : shift);
  return ldexp(value, (int) clamped);
}

// ---- Online stage: the maximum and the sum of exp in one pass -------------------------

// k = round(M * log2(e)) for the scaled maximum M, as every expminusmax kernel
// derives it (microkernels/microparams.h).
static float k_of_max(const struct attnorm_operator* op, float max) {
  return attnorm_f32_expminus_k(max * op->params.softmax.scale);
}

// (max, sum) with sum relative to 2^exponent = 2^k(max): adding a part with a
// smaller k rescales it by an exact power of two.
static void online_add(struct attnorm_partial* merged, float max, float k, double sum) {
  if (isnan(merged->sum) || isnan(sum) || isnan(max)) {
    merged->sum = NAN;
    return;
  }
  if (max == -INFINITY) return;  // only -inf logits: nothing to add
  if (merged->max == -INFINITY || k > merged->exponent) {
    merged->sum = merged->max == -INFINITY ? sum : scale_by_power_of_2(merged->sum, merged->exponent - k) + sum;
    merged->max = max;
    merged->exponent = k;
  } else {
    merged->sum += scale_by_power_of_2(sum, k - merged->exponent);
    if (max > merged->max) merged->max = max;
  }
}

static void reduce_online(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                          const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  const struct attnorm_softmax_config* config = config_of(op);
  const size_t block = config->rmaxaddexp_block;
  const float* x = tile->input;
  partial->max = -INFINITY;
  partial->exponent = -INFINITY;
  partial->sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float max_sum[2];
    config->rmaxaddexp(n * sizeof(float), x + i, max_sum, params_of(op));
    online_add(partial, max_sum[0], k_of_max(op, max_sum[0]), (double) max_sum[1]);
  }
}

static void merge_online(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  online_add(merged, next->max, next->exponent, next->sum);
}

static void finish_online(const struct attnorm_operator* op, const struct attnorm_tile* row,
                          const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (merged->max == -INFINITY && !isnan(merged->sum)) {
    fill_masked_row(row, plan);
  } else if (isnan(merged->sum) || !in_kernel_range(merged->max * op->params.softmax.scale)) {
    // A NaN sum comes from a NaN logit, or from logits beyond the kernels'
    // range (1e30: inf - inf): the exact path tells them apart (NaN rows get NaN).
    compute_exact_row(op, row, plan);
  } else {
    plan->max = merged->max * op->params.softmax.scale;
    plan->multiplier = (float) (1.0 / merged->sum);
  }
}

// ---- Two-Pass and log-softmax stage: the extended-exponent sum --------------------

// (sum, exponent) += (other_sum, other_exponent), in double, exactly scaled by powers of 2.
static void ext_add(struct attnorm_partial* merged, double sum, float exponent) {
  if (isnan(sum) || isnan(exponent) || isnan(merged->sum)) {
    merged->sum = NAN;
    return;
  }
  if (exponent > merged->exponent) {
    merged->sum = scale_by_power_of_2(merged->sum, merged->exponent - exponent) + sum;
    merged->exponent = exponent;
  } else {
    merged->sum += scale_by_power_of_2(sum, exponent - merged->exponent);
  }
}

void attnorm_softmax_reduce_extexp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                   const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  const struct attnorm_softmax_config* config = config_of(op);
  const size_t block = config->raddextexp_block;
  const float* x = tile->input;
  partial->sum = 0.0;
  partial->exponent = ATTNORM_EXTEXP_MIN_EXPONENT;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum[2];
    config->raddextexp(n * sizeof(float), x + i, block_sum, params_of(op));
    ext_add(partial, (double) block_sum[0], block_sum[1]);
  }
}

void attnorm_softmax_merge_extexp(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  ext_add(merged, next->sum, next->exponent);
}

// Returns false (and fills, or computes the row) for a row the output pass
// does not cover: a NaN; no logit above the kernels' clamp (only -inf, or
// logits like -1e9); a largest logit beyond the kernels' range.
bool attnorm_softmax_finish_extexp_with(const struct attnorm_operator* op, const struct attnorm_tile* row,
                                        const struct attnorm_partial* merged, struct attnorm_row_plan* plan,
                                        attnorm_softmax_exact_row_fn exact_row) {
  // The exponent is round(s * max * log2(e)): beyond the range, or at the
  // minimum (nothing above the clamp), the exact path decides; so it does for a
  // NaN sum, which a NaN logit gives, but also logits beyond the kernels' range
  // (FLT_MAX, 1e30: inf - inf); the exact path fills NaN rows with NaN.
  if (isnan(merged->sum) || merged->exponent == ATTNORM_EXTEXP_MIN_EXPONENT ||
      fabsf(merged->exponent) > ATTNORM_EXP_VALID_RANGE * 0x1.715476p+0f + 1.0f) {
    exact_row(op, row, plan);
    return false;
  }
  return true;
}

static bool finish_extexp_common(const struct attnorm_operator* op, const struct attnorm_tile* row,
                                 const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  return attnorm_softmax_finish_extexp_with(op, row, merged, plan, compute_exact_row);
}

static void finish_extexp(const struct attnorm_operator* op, const struct attnorm_tile* row,
                          const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (finish_extexp_common(op, row, merged, plan)) {
    plan->multiplier = (float) (1.0 / merged->sum);
    plan->exponent = -merged->exponent;
  }
}

static void finish_log_extexp(const struct attnorm_operator* op, const struct attnorm_tile* row,
                              const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (finish_extexp_common(op, row, merged, plan)) {
    // log(sum) = log(value) + exponent * ln(2); y = scale * x - log(sum).
    plan->addend = (float) -(log(merged->sum) + (double) merged->exponent * 0.69314718055994530942);
  }
}

// ---- Output passes ------------------------------------------------------------------

static void output_scale_stored(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan) {
  // The output already holds the exp terms.
  config_of(op)->vscale(tile->elements * sizeof(float), tile->output, tile->output, plan->multiplier);
}

static void output_scale_exp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan) {
  config_of(op)->vscaleexpminusmax(tile->elements * sizeof(float), tile->input, tile->output, plan->max,
                                   plan->multiplier, params_of(op));
}

static void output_scale_extexp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan) {
  config_of(op)->vscaleextexp(tile->elements * sizeof(float), tile->input, tile->output, plan->multiplier,
                              plan->exponent, params_of(op));
}

// Short rows (num_stages = 0, so the tile is the whole row): the kernel does
// everything, -inf and NaN rows included.
static void output_softmax(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                           const struct attnorm_row_plan* plan) {
  (void) plan;
  config_of(op)->softmax(tile->elements * sizeof(float), tile->input, tile->output, params_of(op));
}

static void output_log(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                       const struct attnorm_row_plan* plan) {
  config_of(op)->vmuladdc(tile->elements * sizeof(float), tile->input, tile->output, plan->addend, params_of(op));
}

// ---- The descriptions -----------------------------------------------------------------

// What every softmax description shares: f32 in and out, a fully masked row
// gives zeros, a NaN row NaN.
#define SOFTMAX_NC_F32                                  \
  .type = attnorm_operator_type_softmax_nc_f32,         \
  .name = "softmax_nc_f32",                             \
  .input_type = attnorm_datatype_f32,                   \
  .output_type = attnorm_datatype_f32,                  \
  .fill_masked = 0.0f,                                  \
  .fill_nan = NAN

#define STAGE_MAX {attnorm_softmax_reduce_max, {.max = -INFINITY}, attnorm_softmax_merge_max, finish_max}
#define STAGE_SUM(reduce) {reduce, {.sum = 0.0}, attnorm_softmax_merge_sum, finish_sum}

static const struct attnorm_operator_description softmax_three_pass_reload = {
  SOFTMAX_NC_F32,
  .num_stages = 2,
  .stages = {STAGE_MAX, STAGE_SUM(attnorm_softmax_reduce_sum_exp_store)},
  .output = output_scale_stored,
};

static const struct attnorm_operator_description softmax_three_pass_recompute = {
  SOFTMAX_NC_F32,
  .num_stages = 2,
  .stages = {STAGE_MAX, STAGE_SUM(attnorm_softmax_reduce_sum_exp)},
  .output = output_scale_exp,
};

static const struct attnorm_operator_description softmax_online = {
  SOFTMAX_NC_F32,
  .num_stages = 1,
  .stages = {{reduce_online, {.max = -INFINITY, .exponent = -INFINITY, .sum = 0.0}, merge_online, finish_online}},
  .output = output_scale_exp,
};

static const struct attnorm_operator_description softmax_two_pass = {
  SOFTMAX_NC_F32,
  .num_stages = 1,
  .stages = {{attnorm_softmax_reduce_extexp, {.sum = 0.0, .exponent = ATTNORM_EXTEXP_MIN_EXPONENT},
              attnorm_softmax_merge_extexp, finish_extexp}},
  .output = output_scale_extexp,
};

// Rows of at most config->softmax_max_elements: one kernel call per row, which
// reads the row once into registers and writes it once (no stages).
static const struct attnorm_operator_description softmax_short_row = {
  SOFTMAX_NC_F32,
  .num_stages = 0,
  .output = output_softmax,
};

// Log-softmax always runs the Two-Pass reduction: log(v * 2^e) = log(v) + e*ln2
// needs no max pass, and the output pass is one fused multiply-add.
static const struct attnorm_operator_description log_softmax = {
  .type = attnorm_operator_type_log_softmax_nc_f32,
  .name = "log_softmax_nc_f32",
  .input_type = attnorm_datatype_f32,
  .output_type = attnorm_datatype_f32,
  .num_stages = 1,
  .stages = {{attnorm_softmax_reduce_extexp, {.sum = 0.0, .exponent = ATTNORM_EXTEXP_MIN_EXPONENT},
              attnorm_softmax_merge_extexp, finish_log_extexp}},
  .output = output_log,
  .fill_masked = -INFINITY,
  .fill_nan = NAN,
};

// The rule behind attnorm_softmax_algorithm_auto (README "Auto").
enum attnorm_softmax_path attnorm_softmax_auto_path(const struct attnorm_softmax_config* config, size_t channels) {
  if (channels <= config->softmax_max_elements) return attnorm_softmax_path_short_row;
  return channels >= attnorm_softmax_streaming_min_channels() ? attnorm_softmax_path_two_pass
                                                              : attnorm_softmax_path_three_pass_reload;
}

static const struct attnorm_operator_description* resolve_auto(const struct attnorm_operator* op, size_t channels) {
  switch (attnorm_softmax_auto_path(config_of(op), channels)) {
    case attnorm_softmax_path_short_row: return &softmax_short_row;
    case attnorm_softmax_path_three_pass_reload: return &softmax_three_pass_reload;
    case attnorm_softmax_path_two_pass: break;
  }
  return &softmax_two_pass;
}

static const struct attnorm_operator_description softmax_auto = {
  SOFTMAX_NC_F32,
  .resolve = resolve_auto,
};

// ---- Public API -------------------------------------------------------------------------

static enum xnn_status create_softmax(const struct attnorm_operator_description* description, float scale,
                                      uint32_t flags, attnorm_operator_t* op_out) {
  // The kernels multiply scale by log2(e): it must stay finite.
  if (!(scale > 0.0f && scale <= 0x1.0p+127f)) {
    attnorm_log_error("create %s: scale %g must be positive, finite and at most 2^127", description->name,
                      (double) scale);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  union attnorm_operator_params params;
  params.softmax.scale = scale;
  attnorm_init_f32_expminus_params(&params.softmax.expminus, scale);
  return attnorm_create_operator(description, get_softmax_config, &params, flags, 0, op_out);
}

enum xnn_status attnorm_create_softmax_nc_f32(
    enum attnorm_softmax_algorithm algorithm,
    float scale,
    uint32_t flags,
    attnorm_operator_t* op_out)
{
  const struct attnorm_operator_description* description;
  switch (algorithm) {
    case attnorm_softmax_algorithm_auto: description = &softmax_auto; break;
    case attnorm_softmax_algorithm_two_pass: description = &softmax_two_pass; break;
    case attnorm_softmax_algorithm_three_pass_reload: description = &softmax_three_pass_reload; break;
    case attnorm_softmax_algorithm_three_pass_recompute: description = &softmax_three_pass_recompute; break;
    case attnorm_softmax_algorithm_online: description = &softmax_online; break;
    default:
      attnorm_log_error("create softmax_nc_f32: unknown algorithm %d", (int) algorithm);
      if (op_out != NULL) *op_out = NULL;
      return xnn_status_invalid_parameter;
  }
  return create_softmax(description, scale, flags, op_out);
}

enum xnn_status attnorm_reshape_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &softmax_auto, channels, input_stride, output_stride, batch_size, threadpool);
}

enum xnn_status attnorm_setup_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &softmax_auto, input, output);
}

enum xnn_status attnorm_create_log_softmax_nc_f32(float scale, uint32_t flags, attnorm_operator_t* op_out) {
  return create_softmax(&log_softmax, scale, flags, op_out);
}

enum xnn_status attnorm_reshape_log_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &log_softmax, channels, input_stride, output_stride, batch_size, threadpool);
}

enum xnn_status attnorm_setup_log_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &log_softmax, input, output);
}
