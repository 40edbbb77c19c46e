// Clipped softmax (Bondarenko et al. 2023) over NC f32 tensors:
//   y = clamp((zeta - gamma) * softmax(scale * x) + gamma, 0, 1)
// on softmax's own stages and auto rule (operators/softmax-stages.h), with the
// affine map and the clamp fused into the output pass (no extra pass):
//   * short rows: f32-softmaxaddclamp, the whole-row softmax kernel with the
//     affine map and clamp fused into its store (1 read + 1 write);
//   * three-pass reload: max, sum-and-store, then f32-vscaleaddclamp over the
//     stored terms with multiplier (zeta - gamma) / sum (in place of f32-vscale);
//   * Two-Pass: the extended-exponent sum, then f32-vscaleextexpaddclamp with
//     multiplier (zeta - gamma) / sum as (mantissa, exponent).
// Masked logits (-inf) give clamp(gamma, 0, 1) = 0; a fully masked row 0; a
// NaN row NaN. Rows beyond the kernels' range take softmax's exact path, then
// the affine map and clamp.
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

static const struct attnorm_softmax_derived_op_params* params_of(const struct attnorm_operator* op) {
  return &op->params.softmax_derived;
}

static const void* get_softmax_config(enum attnorm_isa isa) {
  return attnorm_get_softmax_config(isa);
}

// zeta - gamma, rounded once (exact in double: both are floats within 2^120).
static float amplitude_of(const struct attnorm_operator* op) {
  return (float) ((double) params_of(op)->zeta - (double) params_of(op)->gamma);
}

// Rows beyond the kernels' range: softmax in double (microkernels/exact-rows.h),
// then the affine map and clamp over the row in place.
static void clipped_exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row,
                              struct attnorm_row_plan* plan) {
  attnorm_f32_softmax_exact(row->elements, row->input, row->output, params_of(op)->softmax.scale, false);
  config_of(op)->vscaleaddclamp(row->elements * sizeof(float), row->output, row->output, amplitude_of(op),
                                params_of(op)->gamma);
  plan->fill = attnorm_row_fill_done;
}

static void finish_max(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  attnorm_softmax_finish_max_with(op, row, merged, plan, clipped_exact_row);
}

// Reload: the stored terms e_i sum to `sum`; y = fma(e_i, (zeta - gamma) / sum, gamma).
static void finish_sum(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  (void) row;
  const double amplitude = (double) params_of(op)->zeta - (double) params_of(op)->gamma;
  plan->multiplier = (float) (amplitude / merged->sum);
}

// Two-Pass: (zeta - gamma) / (sum * 2^exponent) = mantissa * 2^e, mantissa in [0.5, 1].
static void finish_extexp(const struct attnorm_operator* op, const struct attnorm_tile* row,
                          const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  if (attnorm_softmax_finish_extexp_with(op, row, merged, plan, clipped_exact_row)) {
    const double amplitude = (double) params_of(op)->zeta - (double) params_of(op)->gamma;
    int e;
    const double mantissa = frexp(amplitude / merged->sum, &e);
    plan->multiplier = (float) mantissa;
    plan->exponent = (float) e - merged->exponent;
  }
}

static void output_reload(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                          const struct attnorm_row_plan* plan) {
  // The output holds the exp terms.
  config_of(op)->vscaleaddclamp(tile->elements * sizeof(float), tile->output, tile->output, plan->multiplier,
                                params_of(op)->gamma);
}

static void output_two_pass(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                            const struct attnorm_row_plan* plan) {
  config_of(op)->vscaleextexpaddclamp(tile->elements * sizeof(float), tile->input, tile->output, plan->multiplier,
                                      plan->exponent, params_of(op)->gamma, &params_of(op)->softmax.expminus);
}

// Short rows (no stages: the tile is the whole row): f32-softmaxaddclamp, the
// short-row softmax kernel with the affine map and clamp fused into its store
// (-inf, NaN and out-of-range rows included). Measured at 128 keys (AVX512F,
// loaded machine, ratio to softmax auto in the same run): reload path
// 0.61-0.75, softmax kernel + vscaleaddclamp 0.69-0.83, this fused kernel
// 0.85-1.35 (three runs each).
static void output_short_row(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan) {
  (void) plan;
  config_of(op)->softmaxaddclamp(tile->elements * sizeof(float), tile->input, tile->output, amplitude_of(op),
                                 params_of(op)->gamma, &params_of(op)->softmax.expminus);
}

#define CLIPPED_SOFTMAX_NC_F32                          \
  .type = attnorm_operator_type_clipped_softmax_nc_f32, \
  .name = "clipped_softmax_nc_f32",                     \
  .input_type = attnorm_datatype_f32,                   \
  .output_type = attnorm_datatype_f32,                  \
  .fill_masked = 0.0f,                                  \
  .fill_nan = NAN

static const struct attnorm_operator_description clipped_three_pass_reload = {
  CLIPPED_SOFTMAX_NC_F32,
  .num_stages = 2,
  .stages = {{attnorm_softmax_reduce_max, ATTNORM_SOFTMAX_MAX_IDENTITY, attnorm_softmax_merge_max, finish_max},
             {attnorm_softmax_reduce_sum_exp_store, ATTNORM_SOFTMAX_SUM_IDENTITY, attnorm_softmax_merge_sum,
              finish_sum}},
  .output = output_reload,
};

static const struct attnorm_operator_description clipped_two_pass = {
  CLIPPED_SOFTMAX_NC_F32,
  .num_stages = 1,
  .stages = {{attnorm_softmax_reduce_extexp, ATTNORM_SOFTMAX_EXTEXP_IDENTITY, attnorm_softmax_merge_extexp,
              finish_extexp}},
  .output = output_two_pass,
};

static const struct attnorm_operator_description clipped_short_row = {
  CLIPPED_SOFTMAX_NC_F32,
  .num_stages = 0,
  .output = output_short_row,
};

// Softmax's auto rule, unchanged.
static const struct attnorm_operator_description* resolve(const struct attnorm_operator* op, size_t channels) {
  switch (attnorm_softmax_auto_path(config_of(op), channels)) {
    case attnorm_softmax_path_short_row: return &clipped_short_row;
    case attnorm_softmax_path_three_pass_reload: return &clipped_three_pass_reload;
    case attnorm_softmax_path_two_pass: break;
  }
  return &clipped_two_pass;
}

static const struct attnorm_operator_description clipped_softmax = {
  CLIPPED_SOFTMAX_NC_F32,
  .resolve = resolve,
};

// ---- Public API -------------------------------------------------------------------------

static enum xnn_status reject(attnorm_operator_t* op_out) {
  if (op_out != NULL) *op_out = NULL;
  return xnn_status_invalid_parameter;
}

enum xnn_status attnorm_create_clipped_softmax_nc_f32(
    float scale, float zeta, float gamma, uint32_t flags, attnorm_operator_t* op_out)
{
  const char* name = clipped_softmax.name;
  if (!(scale > 0.0f && scale <= 0x1.0p+127f)) {
    attnorm_log_error("create %s: scale %g must be positive, finite and at most 2^127", name, (double) scale);
    return reject(op_out);
  }
  if (!(zeta >= 1.0f && isfinite(zeta))) {
    attnorm_log_error("create %s: zeta %g must be finite and >= 1", name, (double) zeta);
    return reject(op_out);
  }
  if (!(gamma <= 0.0f && isfinite(gamma))) {
    attnorm_log_error("create %s: gamma %g must be finite and <= 0", name, (double) gamma);
    return reject(op_out);
  }
  // (zeta - gamma) * softmax must stay a finite float with room for the
  // Two-Pass kernels' exponent arithmetic (n + multiplier_exp <= 127).
  if (!((double) zeta - (double) gamma <= 0x1.0p+120)) {
    attnorm_log_error("create %s: zeta - gamma = %g must be at most 2^120", name, (double) zeta - (double) gamma);
    return reject(op_out);
  }
  union attnorm_operator_params params = {0};
  params.softmax_derived.softmax.scale = scale;
  attnorm_init_f32_expminus_params(&params.softmax_derived.softmax.expminus, scale);
  params.softmax_derived.zeta = zeta;
  params.softmax_derived.gamma = gamma;
  return attnorm_create_operator(&clipped_softmax, get_softmax_config, &params, flags, 0, op_out);
}

enum xnn_status attnorm_reshape_clipped_softmax_nc_f32(
    attnorm_operator_t op, size_t channels, size_t input_stride, size_t output_stride, size_t batch_size,
    pthreadpool_t threadpool)
{
  return attnorm_reshape_operator(op, &clipped_softmax, channels, input_stride, output_stride, batch_size,
                                  threadpool);
}

enum xnn_status attnorm_setup_clipped_softmax_nc_f32(attnorm_operator_t op, const float* input, float* output) {
  return attnorm_setup_operator(op, &clipped_softmax, input, output);
}
