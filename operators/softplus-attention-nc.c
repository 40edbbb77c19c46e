// Softplus attention (LSSA) with optional re-weighting (LSSAR) over NC f32
// tensors: descriptions run by the engine (operators/engine.c), over the kernels
// of src/softplus-config.h. Per row, over its N unmasked logits (x != -inf):
//
//   a_i = softplus(c x_i) / S,  S = sum_j softplus(c x_j),  c = scale (* ln N with
//         ATTNORM_FLAG_SCALE_BY_LOG_LENGTH)
//   p > 0: r_i = relu(a_i N - o)^p, o = (N > 3), y = r / sum r (all r = 0: y = a)
//   p = 0: y = a
//
// The passes (each a stage of the engine, the last the output pass):
//   [flag only] N                                   f32-rcountunmasked
//   S, max x, N                                     f32-raddsoftplus
//   [p > 0]     R = sum relu(u_i)^p                 f32-raddpowrelu
//   output: softplus(c x) / S  or  relu(u)^p / R    f32-vsoftplusscale / f32-vpowreluscale
// so p = 0 reads the row twice (three times with the flag) and writes it once.
// p = 0 without the flag, not in place (chosen at setup): the sum pass stores the
// terms softplus(c x) in the output (f32-raddstoresoftplus) and the output pass
// scales them in place (f32-vscale): softplus is evaluated once per element, the
// output bit-identical. In place the stored terms would overwrite the logits the
// exact path needs: the [sum] description runs.
//
// The power cannot overflow: with t = a_max N - o (the largest base, from the
// row's largest x: softplus is increasing and c > 0) the kernels compute
// u_i = softplus(z_i) * alpha - offset with alpha = N / (S t), offset = o / t, so
// relu(u) <= ~1. Rows whose t <= 2^-20 (a is uniform to within its own
// precision: every a_i N - o <= 2^-20, mathematically all r = 0 only when every
// unmasked x is equal) keep y = a.
//
// Rows the float kernels do not cover take an exact path in double (written by
// a finish step): a NaN or +inf logit (-> NaN row), a fully masked row (-> 0),
// a sum S that is 0, not finite or > 2^100, a sum S < 1 with some softplus term
// below FLT_MIN (c x < -86: the kernels flush or denormalize such terms, whose
// a_i may still be >= FLT_MIN), c = 0 (N = 1 with the flag: y = 1).
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "operators/operator.h"
#include "src/softplus-config.h"

// Bases a_i N - o at most this (relative to 1) count as 0: the row keeps y = a.
#define UNIFORM_THRESHOLD 0x1.0p-20

static const struct attnorm_softplus_config* config_of(const struct attnorm_operator* op) {
  return (const struct attnorm_softplus_config*) op->config;
}

static const struct attnorm_softplus_attention_op_params* params_of(const struct attnorm_operator* op) {
  return &op->params.softplus_attention;
}

static const void* get_softplus_config(enum attnorm_isa isa) {
  return attnorm_get_softplus_config(isa);
}

// The row's multiplier c: the operator's scale, or the one the count stage
// computed (plan->max) with the log-length flag.
static float row_scale(const struct attnorm_operator* op, const struct attnorm_row_plan* plan) {
  return params_of(op)->scale_by_log_length ? plan->max : params_of(op)->scale;
}

// ---- The exact path: one row in double ---------------------------------------------

static double softplus_double(double z) {
  return (z > 0.0 ? z : 0.0) + log1p(exp(-fabs(z)));
}

static void compute_exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row,
                              struct attnorm_row_plan* plan) {
  const float* x = row->input;
  float* y = row->output;
  const size_t n = row->elements;
  size_t count = 0;
  bool nan = false;
  double xmax = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i]) || x[i] == INFINITY) nan = true;  // softplus(+inf) / sum = inf / inf
    if (x[i] != -INFINITY) {
      count++;
      if (x[i] > xmax) xmax = x[i];
    }
  }
  plan->fill = attnorm_row_fill_done;
  if (nan || count == 0) {
    const float value = nan ? NAN : 0.0f;
    for (size_t i = 0; i < n; i++) y[i] = value;
    return;
  }
  const double N = (double) count;
  const double c = params_of(op)->scale_by_log_length ? (double) params_of(op)->scale * log(N)
                                                       : (double) params_of(op)->scale;
  // a_i = softplus(z_i) / S; when every z < -30, softplus(z) = exp(z) (1 - O(e^z)) and the
  // terms are taken relative to exp(z_max) so that none underflows.
  const double zmax = c * xmax;
  const bool tiny = zmax < -30.0;
  double sum = 0.0;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != -INFINITY) {
      const double z = c * (double) x[i];
      sum += tiny ? exp(z - zmax) : softplus_double(z);
    }
  }
  const double power = (double) params_of(op)->power;
  const double o = count > 3 ? 1.0 : 0.0;
  double t = 0.0;
  if (power > 0.0) {
    const double a_max = (tiny ? 1.0 : softplus_double(zmax)) / sum;
    t = a_max * N - o;
  }
  if (power == 0.0 || t <= UNIFORM_THRESHOLD) {
    for (size_t i = 0; i < n; i++) {
      if (x[i] == -INFINITY) {
        y[i] = 0.0f;
      } else {
        const double z = c * (double) x[i];
        y[i] = (float) ((tiny ? exp(z - zmax) : softplus_double(z)) / sum);
      }
    }
    return;
  }
  double r_sum = 0.0;
  for (size_t pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < n; i++) {
      double r = 0.0;
      if (x[i] != -INFINITY) {
        const double z = c * (double) x[i];
        const double a = (tiny ? exp(z - zmax) : softplus_double(z)) / sum;
        const double u = (a * N - o) / t;
        r = u > 0.0 ? pow(u, power) : 0.0;
      }
      if (pass == 0) {
        r_sum += r;
      } else {
        y[i] = (float) (r / r_sum);
      }
    }
  }
}

// The smallest c x over the row's unmasked logits (+inf when none).
static double min_scaled_logit(const struct attnorm_tile* row, float c) {
  const float* x = row->input;
  float xmin = INFINITY;
  for (size_t i = 0; i < row->elements; i++) {
    if (x[i] != -INFINITY && x[i] < xmin) xmin = x[i];
  }
  return (double) c * (double) xmin;
}

// ---- Stage: N (with ATTNORM_FLAG_SCALE_BY_LOG_LENGTH) -----------------------------

static void reduce_count(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                         const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  // A tile has at most 32K elements: the kernel's float count is exact.
  float count;
  config_of(op)->rcountunmasked(tile->elements * sizeof(float), tile->input, &count, NULL);
  partial->count = (size_t) count;
}

static void merge_count(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->count += next->count;
}

static void finish_count(const struct attnorm_operator* op, const struct attnorm_tile* row,
                         const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (merged->count == 0) {
    plan->fill = attnorm_row_fill_masked;  // every logit is -inf
    return;
  }
  // c = scale * ln N, rounded once; N = 1 gives c = 0 (and 0 * -inf = NaN in the
  // kernels), as may an underflow: the exact path.
  plan->max = (float) ((double) params_of(op)->scale * log((double) merged->count));
  if (!(plan->max >= FLT_MIN)) {
    compute_exact_row(op, row, plan);
  }
}

// ---- Stage: S = sum softplus(c x), max x, N -----------------------------------------

static void reduce_sum(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                       const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  const struct attnorm_softplus_config* config = config_of(op);
  const size_t block = config->raddsoftplus_block;
  union attnorm_f32_softplus_params params;
  attnorm_init_f32_softplus_params(&params, row_scale(op, plan), 0.0f, 0.0f, 0.0f);
  const float* x = tile->input;
  double sum = 0.0;
  float max = -INFINITY;
  size_t count = 0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float out[3];
    config->raddsoftplus(n * sizeof(float), x + i, out, &params);
    sum += (double) out[0];
    if (out[1] > max) max = out[1];
    count += (size_t) out[2];
  }
  partial->sum = sum;
  partial->max = max;
  partial->count = count;
}

// The same stage, storing each term softplus(c x) in the output (p = 0, not in place):
// max x and N are not computed (only p > 0 needs them).
static void reduce_sum_store(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  const struct attnorm_softplus_config* config = config_of(op);
  const size_t block = config->raddstoresoftplus_block;
  union attnorm_f32_softplus_params params;
  attnorm_init_f32_softplus_params(&params, row_scale(op, plan), 0.0f, 0.0f, 0.0f);
  const float* x = tile->input;
  float* y = tile->output;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    config->raddstoresoftplus(n * sizeof(float), x + i, y + i, &block_sum, &params);
    sum += (double) block_sum;
  }
  partial->sum = sum;
  partial->max = -INFINITY;
  partial->count = 0;
}

static void merge_sum(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->sum += next->sum;
  if (next->max > merged->max) merged->max = next->max;
  merged->count += next->count;
}

static void finish_sum(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  const double S = merged->sum;
  const float c = row_scale(op, plan);
  // NaN, +inf, overflow, fully masked or all terms underflowed, 1/S near the
  // denormals, or a term below FLT_MIN whose a_i may be a normal float.
  if (!(S > 0.0 && S <= 0x1.0p+100) || (S < 1.0 && min_scaled_logit(row, c) < -86.0)) {
    compute_exact_row(op, row, plan);
    return;
  }
  plan->multiplier = (float) (1.0 / S);
  plan->exponent = 0.0f;  // alpha: 0 = no re-weighting pass (y = a)
  plan->addend = 0.0f;
  const float power = params_of(op)->power;
  if (power == 0.0f) return;
  const double N = (double) merged->count;
  const double o = merged->count > 3 ? 1.0 : 0.0;
  const double t = softplus_double((double) c * (double) merged->max) / S * N - o;
  if (t <= UNIFORM_THRESHOLD) return;  // y = a
  plan->exponent = (float) (N / (S * t));
  plan->addend = (float) (o / t);
}

// ---- Stage: R = sum relu(u)^p (p > 0) ------------------------------------------------

static void init_pow_params(const struct attnorm_operator* op, const struct attnorm_row_plan* plan,
                            union attnorm_f32_softplus_params* params) {
  attnorm_init_f32_softplus_params(params, row_scale(op, plan), plan->exponent, plan->addend, params_of(op)->power);
}

static void reduce_pow(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                       const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  partial->sum = 0.0;
  if (plan->exponent == 0.0f) return;  // the row keeps y = a
  const struct attnorm_softplus_config* config = config_of(op);
  const size_t block = config->raddpowrelu_block;
  union attnorm_f32_softplus_params params;
  init_pow_params(op, plan, &params);
  const float* x = tile->input;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    config->raddpowrelu(n * sizeof(float), x + i, &block_sum, &params);
    sum += (double) block_sum;
  }
  partial->sum = sum;
}

static void merge_pow(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->sum += next->sum;
}

static void finish_pow(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (plan->exponent == 0.0f) return;
  const double R = merged->sum;
  if (!(R > 0.0 && R < INFINITY)) {
    compute_exact_row(op, row, plan);  // not expected: r_max ~ 1
    return;
  }
  plan->multiplier = (float) (1.0 / R);
}

// ---- Output passes ---------------------------------------------------------------------

static void output_softplus(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                            const struct attnorm_row_plan* plan) {
  union attnorm_f32_softplus_params params;
  attnorm_init_f32_softplus_params(&params, row_scale(op, plan), 0.0f, 0.0f, 0.0f);
  config_of(op)->vsoftplusscale(tile->elements * sizeof(float), tile->input, tile->output, plan->multiplier,
                                &params);
}

// Scales the terms reduce_sum_store left in the output.
static void output_rescale(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                           const struct attnorm_row_plan* plan) {
  config_of(op)->vscale(tile->elements * sizeof(float), tile->output, tile->output, plan->multiplier);
}

static void output_reweighted(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                              const struct attnorm_row_plan* plan) {
  if (plan->exponent == 0.0f) {
    output_softplus(op, tile, plan);
    return;
  }
  union attnorm_f32_softplus_params params;
  init_pow_params(op, plan, &params);
  config_of(op)->vpowreluscale(tile->elements * sizeof(float), tile->input, tile->output, plan->multiplier,
                               &params);
}

// ---- The descriptions -------------------------------------------------------------------

#define SOFTPLUS_ATTENTION_NC_F32                                \
  .type = attnorm_operator_type_softplus_attention_nc_f32,       \
  .name = "softplus_attention_nc_f32",                           \
  .input_type = attnorm_datatype_f32,                            \
  .output_type = attnorm_datatype_f32,                           \
  .fill_masked = 0.0f,                                           \
  .fill_nan = NAN

#define STAGE_COUNT {reduce_count, {.count = 0}, merge_count, finish_count}
#define STAGE_SUM {reduce_sum, {.sum = 0.0, .max = -INFINITY, .count = 0}, merge_sum, finish_sum}
#define STAGE_POW {reduce_pow, {.sum = 0.0}, merge_pow, finish_pow}

// p = 0: 2 reads + 1 write.
static const struct attnorm_operator_description lssa = {
  SOFTPLUS_ATTENTION_NC_F32,
  .num_stages = 1,
  .stages = {STAGE_SUM},
  .output = output_softplus,
};

// p = 0, not in place: 1 read + 1 write (sum and store), then 1 read + 1 write of
// the output (rescale); softplus once per element.
static const struct attnorm_operator_description lssa_store = {
  SOFTPLUS_ATTENTION_NC_F32,
  .num_stages = 1,
  .stages = {{reduce_sum_store, {.sum = 0.0, .max = -INFINITY, .count = 0}, merge_sum, finish_sum}},
  .output = output_rescale,
};

// p = 0, c = scale * ln N: 3 reads + 1 write.
static const struct attnorm_operator_description lssa_log_length = {
  SOFTPLUS_ATTENTION_NC_F32,
  .num_stages = 2,
  .stages = {STAGE_COUNT, STAGE_SUM},
  .output = output_softplus,
};

// p > 0: 3 reads + 1 write.
static const struct attnorm_operator_description lssar = {
  SOFTPLUS_ATTENTION_NC_F32,
  .num_stages = 2,
  .stages = {STAGE_SUM, STAGE_POW},
  .output = output_reweighted,
};

// p > 0, c = scale * ln N: 4 reads + 1 write.
static const struct attnorm_operator_description lssar_log_length = {
  SOFTPLUS_ATTENTION_NC_F32,
  .num_stages = 3,
  .stages = {STAGE_COUNT, STAGE_SUM, STAGE_POW},
  .output = output_reweighted,
};

// ---- Public API -------------------------------------------------------------------------

enum xnn_status attnorm_create_softplus_attention_nc_f32(
    float scale, float reweight_power, uint32_t flags, attnorm_operator_t* op_out)
{
  if (!(scale > 0.0f && isfinite(scale))) {
    attnorm_log_error("create %s: scale %g must be positive and finite", lssa.name, (double) scale);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  if (!(reweight_power >= 0.0f && reweight_power <= 64.0f)) {
    attnorm_log_error("create %s: reweight_power %g must be in [0, 64]", lssa.name, (double) reweight_power);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  const bool log_length = (flags & ATTNORM_FLAG_SCALE_BY_LOG_LENGTH) != 0;
  const struct attnorm_operator_description* description =
      reweight_power == 0.0f ? (log_length ? &lssa_log_length : &lssa)
                             : (log_length ? &lssar_log_length : &lssar);
  union attnorm_operator_params params;
  params.softplus_attention.scale = scale;
  params.softplus_attention.power = reweight_power;
  params.softplus_attention.scale_by_log_length = log_length;
  return attnorm_create_operator(description, get_softplus_config, &params, flags,
                                 ATTNORM_FLAG_SCALE_BY_LOG_LENGTH, op_out);
}

enum xnn_status attnorm_reshape_softplus_attention_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &lssa, channels, input_stride, output_stride, batch_size, threadpool);
}

enum xnn_status attnorm_setup_softplus_attention_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  const enum xnn_status status = attnorm_setup_operator(op, &lssa, input, output);
  // p = 0 without the flag: store and rescale unless in place (setup accepts only
  // the same buffer or disjoint ones).
  if (status == xnn_status_success && (op->run == &lssa || op->run == &lssa_store)) {
    op->run = (const void*) input != (const void*) output ? &lssa_store : &lssa;
  }
  return status;
}
