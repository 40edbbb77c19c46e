// Softmax's stages and auto rule, shared with the operators derived from
// softmax (internal): clipped softmax (operators/clipped-softmax-nc.c) and
// softmax to log2 codes (operators/softmax-log2-nc.c) run the very stages of
// operators/softmax-nc.c and differ only in their finish steps (the row's
// plan), their output pass and their exact path.
//
// Every function here reads op->params.softmax (scale and kernel parameters)
// and op->config as a struct attnorm_softmax_config: a derived operator keeps
// a struct attnorm_softmax_op_params first in its parameters and is created
// with the softmax config getter.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "operators/operator.h"
#include "src/softmax-config.h"

#ifdef __cplusplus
extern "C" {
#endif

// A row the kernels do not cover (largest |scale * x| beyond 2^14, only -inf
// with a NaN, ...): writes the row's output itself and sets plan->fill =
// attnorm_row_fill_done (or another fill).
typedef void (*attnorm_softmax_exact_row_fn)(
    const struct attnorm_operator* op, const struct attnorm_tile* row, struct attnorm_row_plan* plan);

// Three-pass stage 1, the row maximum: partial->max.
void attnorm_softmax_reduce_max(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                const struct attnorm_row_plan* plan, struct attnorm_partial* partial);
void attnorm_softmax_merge_max(struct attnorm_partial* merged, const struct attnorm_partial* next);
// plan->max = scale * max; fills a fully masked (or NaN among -inf) row; calls
// exact_row for a maximum beyond the kernels' range or NaN.
void attnorm_softmax_finish_max_with(const struct attnorm_operator* op, const struct attnorm_tile* row,
                                     const struct attnorm_partial* merged, struct attnorm_row_plan* plan,
                                     attnorm_softmax_exact_row_fn exact_row);

// Three-pass stage 2: partial->sum = sum of exp(scale * x - k ln2), k =
// attnorm_f32_expminus_k(plan->max), block sums in double; _store also writes
// the terms to the tile's output (reload).
void attnorm_softmax_reduce_sum_exp_store(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                          const struct attnorm_row_plan* plan, struct attnorm_partial* partial);
void attnorm_softmax_reduce_sum_exp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                    const struct attnorm_row_plan* plan, struct attnorm_partial* partial);
void attnorm_softmax_merge_sum(struct attnorm_partial* merged, const struct attnorm_partial* next);

// Two-Pass stage: sum of exp(scale * x) = partial->sum * 2^partial->exponent.
void attnorm_softmax_reduce_extexp(const struct attnorm_operator* op, const struct attnorm_tile* tile,
                                   const struct attnorm_row_plan* plan, struct attnorm_partial* partial);
void attnorm_softmax_merge_extexp(struct attnorm_partial* merged, const struct attnorm_partial* next);
// True when the output pass covers the row; otherwise the row is filled (NaN)
// or exact_row has written it (fully masked, beyond the kernels' range).
bool attnorm_softmax_finish_extexp_with(const struct attnorm_operator* op, const struct attnorm_tile* row,
                                        const struct attnorm_partial* merged, struct attnorm_row_plan* plan,
                                        attnorm_softmax_exact_row_fn exact_row);

// The identities of the stages above.
#define ATTNORM_SOFTMAX_MAX_IDENTITY {.max = -INFINITY}
#define ATTNORM_SOFTMAX_SUM_IDENTITY {.sum = 0.0}
#define ATTNORM_SOFTMAX_EXTEXP_IDENTITY {.sum = 0.0, .exponent = ATTNORM_EXTEXP_MIN_EXPONENT}

// The rule behind attnorm_softmax_algorithm_auto (README "Auto"): short rows
// take the whole-row kernel, rows whose input and output fit in L2 three-pass
// with reload, longer rows Two-Pass.
enum attnorm_softmax_path {
  attnorm_softmax_path_short_row,
  attnorm_softmax_path_three_pass_reload,
  attnorm_softmax_path_two_pass,
};
enum attnorm_softmax_path attnorm_softmax_auto_path(const struct attnorm_softmax_config* config, size_t channels);

#ifdef __cplusplus
}  // extern "C"
#endif
