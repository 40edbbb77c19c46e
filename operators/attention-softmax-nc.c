// Fused attention softmax over heads x queries rows of `keys` logits (include/attnorm.h):
// temperature, soft-capping, an additive mask with ALiBi slopes and attention sinks, applied
// inside the passes, in one of two forms (measured, see resolve()):
//
// Two-Pass (Dukhan & Ablavatski 2020), 2 reads of x and of the mask row + 1 write:
//   stage (reduce): f32-raddextexp-attn computes z from x (and the mask row) and sums exp(z)
//                   as an extended-exponent pair (v, e), per block of 128 terms per partial
//                   sum, the blocks added in double;
//   finish:         adds the sink exp(sinks[h]) in double (as (v_s, e_s), exactly rescaled),
//                   sets 1 / sum and -exponent;
//   output:         f32-vscaleextexp-attn recomputes z and writes exp(z) / sum.
// Reload, 1 read of x and of the mask row; z computed once (tanh and exp once per element):
//   stage 1:        f32-rmaxstore-attn computes z, stores it in the output row, returns max;
//   stage 2:        softmax's f32-raddstoreexpminusmax (scale 1) in place: exp(z - k ln2), sum;
//   finish:         adds the sink exp(sink - k ln2) in double, sets 1 / sum;
//   output:         softmax's f32-vscale in place.
// Soft-capped operators run reload at every row length; the others reload while a row fits in
// L2 and Two-Pass beyond (softmax's threshold); in place always runs Two-Pass.
//
// The engine's rows are the heads * queries rows (row = h * queries + q); the per-row side
// data (mask row q, slope of head h, sink h, query scale q) is addressed from tile->row and,
// for the mask, tile->offset. Every row's parameters are derived from (h, q) alone, so the
// result is bit-identical for any thread count and tiling.
//
// Rows the kernels do not cover take an exact double-precision path here (the whole row,
// plan fill "done"): every z below the kernels' clamp (e.g. a mask of -1e9 on every key, or
// only -inf), a largest z beyond +-2^14, or a soft-cap whose fl(s / c) overflows.
//
// Choices where the contract leaves room (README "Accuracy" has the bounds):
//   * x = -inf stays masked under soft-capping (z = -inf, not -c).
//   * A z of +inf (x = +inf without soft-cap, or a mask of +inf) gives a NaN row, as
//     exp(+inf - m) / sum does; so does a sink of +inf or NaN.
//   * A query scale that is not > 0 and finite (or whose product with scale is not in
//     (0, 2^127]) is data, not a parameter: that query's rows (every head) are NaN rows.
//   * A sink far above every z (its exponent 200 binary orders above) gives an all-zero row
//     (every output underflows).
//   * slope_h is computed in double, pow(2, -max_bias * (h + 1) / n) (resp. the m1 rule), and
//     rounded once to float (llama.cpp rounds m0 first and then takes powf).
#include <float.h>
#include <math.h>
#include <stdint.h>

#include <attnorm.h>
#include <pthreadpool.h>

#include "microkernels/exact-rows.h"
#include "operators/operator.h"
#include "src/attention-softmax-config.h"
#include "src/softmax-config.h"

static const struct attnorm_attention_softmax_config* config_of(const struct attnorm_operator* op) {
  return (const struct attnorm_attention_softmax_config*) op->config;
}

static const struct attnorm_attention_softmax_op_params* attn_of(const struct attnorm_operator* op) {
  return &op->params.attention_softmax;
}

static const void* get_config(enum attnorm_isa isa) {
  return attnorm_get_attention_softmax_config(isa);
}

static enum attnorm_attention_features features_of(const struct attnorm_operator* op) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  return (enum attnorm_attention_features) ((a->mask != NULL ? attnorm_attention_mask : 0) |
                                            (a->softcap > 0.0f ? attnorm_attention_softcap : 0));
}

// ALiBi slope of head h (llama.cpp's rule), in double, rounded once.
static float slope_of(const struct attnorm_attention_softmax_op_params* a, size_t h) {
  if (a->alibi_max_bias == 0.0f) return 1.0f;
  size_t n = 1;
  while (n * 2 <= a->heads) n *= 2;
  const double max_bias = (double) a->alibi_max_bias;
  if (h < n) {
    return (float) exp2(-max_bias / (double) n * (double) (h + 1));
  }
  return (float) exp2(-max_bias / 2.0 / (double) n * (double) (2 * (h - n) + 1));
}

enum row_status {
  row_kernels = 0,  // the kernels compute the row
  row_nan,          // a NaN row (invalid query scale)
  row_exact,        // the exact path computes the row
};

// The kernel parameters of one row; the same for every tile and pass of the row.
static enum row_status row_params(const struct attnorm_operator* op, size_t row, struct attnorm_f32_attn_params* p,
                                  float* scale_out) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  const size_t h = row / a->queries;
  const size_t q = row % a->queries;
  const bool plain = features_of(op) == attnorm_attention_plain;
  float s = a->scale;
  p->unit = a->unit;
  p->expminus = a->expminus;
  p->scale = s;
  p->softcap = a->softcap;
  p->softcap_inv = a->softcap > 0.0f ? s / a->softcap : 0.0f;
  p->slope = slope_of(a, h);
  if (a->query_scales != NULL) {
    const float qs = a->query_scales[q];
    if (!(qs > 0.0f && qs <= FLT_MAX)) return row_nan;
    s = a->scale * qs;
    if (!(s > 0.0f && s <= 0x1.0p+127f)) return row_nan;
    attnorm_update_f32_attn_params(p, s, a->softcap, p->slope, plain);
  }
  *scale_out = s;
  if (a->softcap > 0.0f && !(p->softcap_inv <= FLT_MAX)) return row_exact;
  return row_kernels;
}

static const float* mask_row(const struct attnorm_operator* op, const struct attnorm_tile* tile) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  if (a->mask == NULL) return NULL;
  return a->mask + (tile->row % a->queries) * a->mask_stride + tile->offset;
}

// ---- The exact path ------------------------------------------------------------------

// z of one element in double from the float inputs, by the formula.
static double exact_z(const struct attnorm_attention_softmax_op_params* a, double s, double slope, float x,
                      const float* mask, size_t i) {
  double z = s * (double) x;
  if (a->softcap > 0.0f && x != -INFINITY) {
    z = (double) a->softcap * tanh(z / (double) a->softcap);
  }
  if (mask != NULL) z += slope * (double) mask[i];
  return z;
}

static void exact_row(const struct attnorm_operator* op, const struct attnorm_tile* row, float s) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  const size_t h = row->row / a->queries;
  const double ds = a->query_scales != NULL ? (double) a->scale * (double) a->query_scales[row->row % a->queries]
                                            : (double) a->scale;
  (void) s;
  const double slope = (double) slope_of(a, h);
  const float* x = row->input;
  const float* mask = mask_row(op, row);
  float* y = row->output;
  const size_t n = row->elements;
  double max = -INFINITY;
  bool poisoned = false;
  for (size_t i = 0; i < n; i++) {
    const double z = exact_z(a, ds, slope, x[i], mask, i);
    poisoned |= isnan(z) || z == INFINITY;
    if (z > max) max = z;
  }
  const double sink = a->sinks != NULL ? (double) a->sinks[h] : -INFINITY;
  poisoned |= isnan(sink) || sink == INFINITY;
  if (poisoned || max == -INFINITY) {
    const float fill = poisoned ? NAN : 0.0f;
    for (size_t i = 0; i < n; i++) y[i] = fill;
    return;
  }
  if (sink > max) max = sink;
  double sum = exp(sink - max);
  for (size_t i = 0; i < n; i++) {
    sum += exp(exact_z(a, ds, slope, x[i], mask, i) - max);
  }
  const double inv_sum = 1.0 / sum;
  for (size_t i = 0; i < n; i++) {
    y[i] = (float) (exp(exact_z(a, ds, slope, x[i], mask, i) - max) * inv_sum);
  }
}

// ---- Two-Pass stage: the sum of exp(z) as an extended-exponent pair -------------------

// An exponent difference as an ldexp shift: clamped (beyond +-4096 every double is 0 or inf
// anyway), never a float-to-int conversion out of range (UB; exponents of rows beyond the
// kernels' range can be ~1e38, e.g. -2.45e38: fuzz finding, test/fuzz/regressions).
static int ext_shift(double d) {
  return d < -4096.0 ? -4096 : (d > 4096.0 ? 4096 : (int) d);
}

// (sum, exponent) += (other_sum, other_exponent), in double, exactly scaled by powers of 2.
static void ext_add(struct attnorm_partial* merged, double sum, float exponent) {
  if (isnan(sum) || isnan(exponent) || isnan(merged->sum)) {
    merged->sum = NAN;
    return;
  }
  if (exponent > merged->exponent) {
    merged->sum = ldexp(merged->sum, ext_shift((double) merged->exponent - (double) exponent)) + sum;
    merged->exponent = exponent;
  } else {
    merged->sum += ldexp(sum, ext_shift((double) exponent - (double) merged->exponent));
  }
}

static void reduce_extexp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                          const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  partial->sum = 0.0;
  partial->exponent = ATTNORM_EXTEXP_MIN_EXPONENT;
  struct attnorm_f32_attn_params params;
  float s;
  if (row_params(op, tile->row, &params, &s) != row_kernels) return;  // finish decides
  const struct attnorm_attention_softmax_config* config = config_of(op);
  const enum attnorm_attention_features f = features_of(op);
  attnorm_f32_raddextexp_attn_ukernel_fn* kernel = config->raddextexp[f];
  const size_t block = config->raddextexp_block[f];
  const float* x = tile->input;
  const float* mask = mask_row(op, tile);
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum[2];
    kernel(n * sizeof(float), x + i, mask != NULL ? mask + i : NULL, block_sum, &params);
    ext_add(partial, (double) block_sum[0], block_sum[1]);
  }
}

static void merge_extexp(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  ext_add(merged, next->sum, next->exponent);
}

static void finish_extexp(const struct attnorm_operator* op, const struct attnorm_tile* row,
                          const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  struct attnorm_f32_attn_params params;
  float s;
  const enum row_status status = row_params(op, row->row, &params, &s);
  if (status == row_nan) {
    plan->fill = attnorm_row_fill_nan;
    return;
  }
  if (status == row_exact) {
    exact_row(op, row, s);
    plan->fill = attnorm_row_fill_done;
    return;
  }
  const float sink = a->sinks != NULL ? a->sinks[row->row / a->queries] : -INFINITY;
  if (!isfinite(merged->sum) || isnan(sink) || sink == INFINITY) {
    // NaN (or +inf) z, or a NaN / +inf sink: a NaN row. But a sum that overflowed or
    // became NaN (inf - inf) on finite z beyond the kernels' range (scale 2^127, x = 1)
    // is no NaN row: the exact path decides, and fills NaN rows with NaN itself (fuzz
    // finding, test/fuzz/regressions/attention-extexp-merge-float-to-int-overflow).
    exact_row(op, row, s);
    plan->fill = attnorm_row_fill_done;
    return;
  }
  // The exponent is round(max z * log2(e)): beyond the range, or at the minimum (nothing
  // above the kernels' clamp: only -inf, or logits like -1e9), the exact path decides.
  if (merged->exponent == ATTNORM_EXTEXP_MIN_EXPONENT ||
      fabsf(merged->exponent) > ATTNORM_EXP_VALID_RANGE * 0x1.715476p+0f + 1.0f) {
    exact_row(op, row, s);
    plan->fill = attnorm_row_fill_done;
    return;
  }
  struct attnorm_partial total = *merged;
  if (sink != -INFINITY) {
    // exp(sink) = v_s * 2^e_s with e_s = round(sink * log2(e)), v_s in [0.7, 1.42], in double.
    const double e_s = nearbyint((double) sink * 1.4426950408889634);
    if (e_s - (double) merged->exponent > 200.0) {
      plan->fill = attnorm_row_fill_masked;  // every output underflows: all zeros
      return;
    }
    const double v_s = exp((double) sink - e_s * 0.69314718055994530942);
    ext_add(&total, v_s, (float) e_s);
  }
  plan->multiplier = (float) (1.0 / total.sum);
  plan->exponent = -total.exponent;
}

// ---- The output pass --------------------------------------------------------------------

static void output_scale_extexp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan) {
  struct attnorm_f32_attn_params params;
  float s;
  (void) row_params(op, tile->row, &params, &s);  // kernels: finish routed the other rows
  const float* mask = mask_row(op, tile);
  config_of(op)->vscaleextexp[features_of(op)](tile->elements * sizeof(float), tile->input, mask, tile->output,
                                                plan->multiplier, plan->exponent, &params);
}

// ---- Reload form: z stored once, then softmax's three-pass reload on the output row --------

static void reduce_rmaxstore(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                             const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  (void) plan;
  partial->max = -INFINITY;
  struct attnorm_f32_attn_params params;
  float s;
  if (row_params(op, tile->row, &params, &s) != row_kernels) return;  // finish decides
  config_of(op)->rmaxstore[features_of(op)](tile->elements * sizeof(float), tile->input, mask_row(op, tile),
                                            tile->output, &partial->max, &params);
}

static void merge_max(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  if (!isnan(merged->max) && (isnan(next->max) || next->max > merged->max)) {
    merged->max = next->max;
  }
}

static bool output_has_nan(const struct attnorm_tile* row) {
  const float* y = row->output;
  for (size_t i = 0; i < row->elements; i++) {
    if (isnan(y[i])) return true;
  }
  return false;
}

static void finish_rmaxstore(const struct attnorm_operator* op, const struct attnorm_tile* row,
                             const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  struct attnorm_f32_attn_params params;
  float s;
  const enum row_status status = row_params(op, row->row, &params, &s);
  const float sink = a->sinks != NULL ? a->sinks[row->row / a->queries] : -INFINITY;
  if (status == row_nan || isnan(merged->max) || isnan(sink) || sink == INFINITY) {
    plan->fill = attnorm_row_fill_nan;
  } else if (status == row_exact) {
    exact_row(op, row, s);  // the kernel did not run: x is intact
    plan->fill = attnorm_row_fill_done;
  } else if (merged->max == -INFINITY) {
    // Every stored z is -inf (or NaN): masked logits, or finite ones whose float z overflowed
    // (scale * x < -FLT_MAX, e.g. x = -FLT_MAX with scale 2^127: the row is uniform, not
    // masked). The exact path decides from x (intact, see below); NaN rows stay NaN rows.
    if (output_has_nan(row)) {
      plan->fill = attnorm_row_fill_nan;
    } else {
      exact_row(op, row, s);
      plan->fill = attnorm_row_fill_done;
    }
  } else if (!(fabsf(merged->max) <= ATTNORM_EXP_VALID_RANGE)) {
    // Also +inf. From x, not from the stored z (rounded: -1e9 + x is a multiple of 64): the
    // reload form never runs in place (setup picks Two-Pass then), so x is intact.
    exact_row(op, row, s);
    plan->fill = attnorm_row_fill_done;
  } else {
    plan->max = merged->max;
  }
}

static void reduce_sum_exp_store(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                 const struct attnorm_row_plan* plan, struct attnorm_partial* partial) {
  const struct attnorm_softmax_config* softmax = attnorm_get_softmax_config(op->isa);
  const size_t block = softmax->raddstoreexpminusmax_block;
  float* y = tile->output;
  double sum = 0.0;
  for (size_t i = 0; i < tile->elements; i += block) {
    const size_t n = tile->elements - i < block ? tile->elements - i : block;
    float block_sum;
    softmax->raddstoreexpminusmax(n * sizeof(float), y + i, &plan->max, y + i, &block_sum, &attn_of(op)->unit);
    sum += (double) block_sum;
  }
  partial->sum = sum;
}

static void merge_sum(struct attnorm_partial* merged, const struct attnorm_partial* next) {
  merged->sum += next->sum;
}

static void finish_sum(const struct attnorm_operator* op, const struct attnorm_tile* row,
                       const struct attnorm_partial* merged, struct attnorm_row_plan* plan) {
  const struct attnorm_attention_softmax_op_params* a = attn_of(op);
  if (isnan(merged->sum)) {
    plan->fill = attnorm_row_fill_nan;
    return;
  }
  double sum = merged->sum;
  const float sink = a->sinks != NULL ? a->sinks[row->row / a->queries] : -INFINITY;
  if (sink != -INFINITY) {
    // The terms are exp(z - k ln2), k = attnorm_f32_expminus_k(max) (f32-raddstoreexpminusmax).
    const double t = (double) sink - (double) attnorm_f32_expminus_k(plan->max) * 0.69314718055994530942;
    if (t > 700.0) {
      plan->fill = attnorm_row_fill_masked;  // every output underflows: all zeros
      return;
    }
    sum += exp(t);
  }
  plan->multiplier = (float) (1.0 / sum);
}

static void output_scale_stored(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan) {
  attnorm_get_softmax_config(op->isa)->vscale(tile->elements * sizeof(float), tile->output, tile->output,
                                              plan->multiplier);
}

// ---- The descriptions --------------------------------------------------------------------

#define ATTENTION_SOFTMAX_NC_F32                         \
  .type = attnorm_operator_type_attention_softmax_nc_f32, \
  .name = "attention_softmax_nc_f32",                    \
  .input_type = attnorm_datatype_f32,                    \
  .output_type = attnorm_datatype_f32,                   \
  .fill_masked = 0.0f,                                   \
  .fill_nan = NAN

static const struct attnorm_operator_description attention_two_pass = {
  ATTENTION_SOFTMAX_NC_F32,
  .num_stages = 1,
  .stages = {{reduce_extexp, {.sum = 0.0, .exponent = ATTNORM_EXTEXP_MIN_EXPONENT}, merge_extexp, finish_extexp}},
  .output = output_scale_extexp,
};

static const struct attnorm_operator_description attention_reload = {
  ATTENTION_SOFTMAX_NC_F32,
  .num_stages = 2,
  .stages = {{reduce_rmaxstore, {.max = -INFINITY}, merge_max, finish_rmaxstore},
             {reduce_sum_exp_store, {.sum = 0.0}, merge_sum, finish_sum}},
  .output = output_scale_stored,
};

static const struct attnorm_operator_description* resolve(const struct attnorm_operator* op, size_t keys) {
  if (op->flags & ATTNORM_ATTENTION_FLAG_TWO_PASS) return &attention_two_pass;
  if (op->flags & ATTNORM_ATTENTION_FLAG_RELOAD) return &attention_reload;
  // Soft-capping: reload at every length (tanh once per element instead of twice: at 4K keys
  // 1.25 vs 0.46 elements/ns, at 1M 0.98 vs 0.59); otherwise softmax's rule (reload in L2,
  // Two-Pass beyond: mask only at 1M, 2.8 vs 1.5).
  if (attn_of(op)->softcap > 0.0f) return &attention_reload;
  return keys >= attnorm_attention_softmax_two_pass_min_keys() ? &attention_two_pass : &attention_reload;
}

static const struct attnorm_operator_description attention_softmax = {
  ATTENTION_SOFTMAX_NC_F32,
  .resolve = resolve,
};

// ---- Public API -------------------------------------------------------------------------

enum xnn_status attnorm_create_attention_softmax_nc_f32(
    float scale, float softcap, float alibi_max_bias, uint32_t flags, attnorm_operator_t* op_out)
{
  const char* name = attention_softmax.name;
  const char* problem = NULL;
  if (!(scale > 0.0f && scale <= 0x1.0p+127f)) {
    problem = "scale must be positive, finite and at most 2^127";
  } else if (!(softcap >= 0.0f && softcap <= FLT_MAX)) {
    problem = "softcap must be 0 (off) or positive and finite";
  } else if (!(alibi_max_bias >= 0.0f && alibi_max_bias <= FLT_MAX)) {
    problem = "alibi_max_bias must be 0 (off) or positive and finite";
  }
  if (problem != NULL) {
    attnorm_log_error("create %s: %s (scale %g, softcap %g, alibi_max_bias %g)", name, problem, (double) scale,
                      (double) softcap, (double) alibi_max_bias);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  union attnorm_operator_params params = {0};
  struct attnorm_attention_softmax_op_params* a = &params.attention_softmax;
  a->scale = scale;
  a->softcap = softcap;
  a->alibi_max_bias = alibi_max_bias;
  attnorm_init_f32_expminus_params(&a->unit, 1.0f);
  attnorm_init_f32_expminus_params(&a->expminus, scale);
  if ((flags & ATTNORM_ATTENTION_FLAG_TWO_PASS) && (flags & ATTNORM_ATTENTION_FLAG_RELOAD)) {
    attnorm_log_error("create %s: both pass structures forced (flags 0x%08x)", name, flags);
    if (op_out != NULL) *op_out = NULL;
    return xnn_status_invalid_parameter;
  }
  return attnorm_create_operator(&attention_softmax, get_config, &params, flags,
                                 ATTNORM_ATTENTION_FLAG_TWO_PASS | ATTNORM_ATTENTION_FLAG_RELOAD, op_out);
}

enum xnn_status attnorm_reshape_attention_softmax_nc_f32(
    attnorm_operator_t op, size_t heads, size_t queries, size_t keys, size_t input_stride, size_t output_stride,
    size_t mask_stride, pthreadpool_t threadpool)
{
  const char* name = attention_softmax.name;
  if (op != NULL && op->type == attention_softmax.type) {
    if (queries != 0 && heads > SIZE_MAX / queries) {
      op->state = attnorm_operator_state_needs_reshape;
      attnorm_log_error("reshape %s: %zu heads x %zu queries overflow", name, heads, queries);
      return xnn_status_invalid_parameter;
    }
    if (queries != 0 && mask_stride != 0 && (queries - 1) > (SIZE_MAX / sizeof(float) - keys) / mask_stride) {
      op->state = attnorm_operator_state_needs_reshape;
      attnorm_log_error("reshape %s: mask of %zu rows x stride %zu overflows the address space", name, queries,
                        mask_stride);
      return xnn_status_invalid_parameter;
    }
  }
  const enum xnn_status status = attnorm_reshape_operator(op, &attention_softmax, keys, input_stride, output_stride,
                                                          heads * queries, threadpool);
  if (status != xnn_status_success) return status;
  struct attnorm_attention_softmax_op_params* a = &op->params.attention_softmax;
  a->heads = heads;
  a->queries = queries;
  a->mask_stride = mask_stride;
  a->mask = NULL;
  a->sinks = NULL;
  a->query_scales = NULL;
  return xnn_status_success;
}

static bool overlaps(const void* a, size_t a_bytes, const void* b, size_t b_bytes) {
  const uintptr_t a0 = (uintptr_t) a, b0 = (uintptr_t) b;
  return a0 < b0 + b_bytes && b0 < a0 + a_bytes;
}

enum xnn_status attnorm_setup_attention_softmax_nc_f32(
    attnorm_operator_t op, const float* input, const float* mask, const float* sinks, const float* query_scales,
    float* output)
{
  const char* name = attention_softmax.name;
  const enum xnn_status status = attnorm_setup_operator(op, &attention_softmax, input, output);
  if (status != xnn_status_success) return status;
  struct attnorm_attention_softmax_op_params* a = &op->params.attention_softmax;
  if (op->batch_size != 0) {
    const size_t keys = op->channels;
    const size_t output_bytes = (op->batch_size - 1) * op->output_stride + keys * sizeof(float);
    const char* problem = NULL;
    if (mask != NULL && a->mask_stride < keys) {
      attnorm_log_error("setup %s: mask_stride %zu must be >= keys %zu", name, a->mask_stride, keys);
      problem = "";
    } else if (mask != NULL &&
               overlaps(mask, ((a->queries - 1) * a->mask_stride + keys) * sizeof(float), output, output_bytes)) {
      problem = "the mask overlaps the output";
    } else if (sinks != NULL && overlaps(sinks, a->heads * sizeof(float), output, output_bytes)) {
      problem = "the sinks overlap the output";
    } else if (query_scales != NULL && overlaps(query_scales, a->queries * sizeof(float), output, output_bytes)) {
      problem = "the query scales overlap the output";
    }
    if (problem != NULL) {
      if (problem[0] != '\0') attnorm_log_error("setup %s: %s", name, problem);
      op->state = attnorm_operator_state_needs_setup;
      op->input = NULL;
      op->output = NULL;
      return xnn_status_invalid_parameter;
    }
  }
  a->mask = mask;
  a->sinks = sinks;
  a->query_scales = query_scales;
  // In place, the reload form would overwrite x with z before a row's exact path (if any) reads
  // x: such operators run the Two-Pass form, which writes a row only after its reduction.
  op->run = resolve(op, op->channels);
  if (input == output) op->run = &attention_two_pass;
  return xnn_status_success;
}
