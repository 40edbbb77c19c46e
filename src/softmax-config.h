// Softmax kernel config: for each ISA, the best kernel of every family the
// softmax and log-softmax operators use (chosen from bench/ measurements on
// Zen 5; see README "Kernel choice"). Pure data: tables of kernel pointers.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"
#include "microkernels/f32-rmax/f32-rmax.h"
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"
#include "microkernels/f32-softmax/f32-softmax.h"
#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"
#include "microkernels/f32-vscale/f32-vscale.h"
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"
#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"
#include "microkernels/f32-softmaxaddclamp/f32-softmaxaddclamp.h"
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"

#ifdef __cplusplus
extern "C" {
#endif

struct attnorm_softmax_config {
  enum attnorm_isa isa;
  // Three-pass softmax: rmax, then (reload) raddstoreexpminusmax + vscale or
  // (recompute) raddexpminusmax + vscaleexpminusmax.
  // The summing kernels accumulate in float, one partial sum per lane and
  // accumulator; operators call each on blocks of at most its *_block elements
  // (ATTNORM_SUM_BLOCK: 128 terms per float partial sum) and add the block sums
  // in double (relative error of the row sum ~1e-7 at any row length).
  attnorm_f32_rmax_ukernel_fn* rmax;
  attnorm_f32_raddstoreexpminusmax_ukernel_fn* raddstoreexpminusmax;
  size_t raddstoreexpminusmax_block;
  attnorm_f32_vscale_ukernel_fn* vscale;
  attnorm_f32_raddexpminusmax_ukernel_fn* raddexpminusmax;
  size_t raddexpminusmax_block;
  attnorm_f32_vscaleexpminusmax_ukernel_fn* vscaleexpminusmax;
  // Two-Pass softmax and log-softmax: raddextexp, then vscaleextexp
  // (softmax) or vmuladdc (log-softmax: scale * x - log(sum)).
  attnorm_f32_raddextexp_ukernel_fn* raddextexp;
  size_t raddextexp_block;
  attnorm_f32_vscaleextexp_ukernel_fn* vscaleextexp;
  attnorm_f32_vmuladdc_ukernel_fn* vmuladdc;
  // Online softmax: rmaxaddexp (max and sum of exp in one pass), then
  // vscaleexpminusmax.
  attnorm_f32_rmaxaddexp_ukernel_fn* rmaxaddexp;
  size_t rmaxaddexp_block;
  // Short rows: the whole softmax of a row of at most softmax_max_elements
  // elements (the kernel's batch tile) in one call, the row held in registers.
  attnorm_f32_softmax_ukernel_fn* softmax;
  size_t softmax_max_elements;
  // Clipped softmax (operators/clipped-softmax-nc.c), on softmax's stages:
  // vscaleaddclamp is the output pass of three-pass reload (over the stored
  // terms) and of short rows (over the softmax kernel's output);
  // vscaleextexpaddclamp the Two-Pass output pass.
  attnorm_f32_vscaleaddclamp_ukernel_fn* vscaleaddclamp;
  attnorm_f32_vscaleextexpaddclamp_ukernel_fn* vscaleextexpaddclamp;
  // Short rows of clipped softmax: f32-softmax with the affine map and clamp
  // fused (the same BATCH_TILE as `softmax`: softmax_max_elements).
  attnorm_f32_softmaxaddclamp_ukernel_fn* softmaxaddclamp;
  // Softmax to log2 codes (operators/softmax-log2-nc.c): the Two-Pass sum
  // (raddextexp), then vlog2quant (no exp).
  attnorm_f32_vlog2quant_ukernel_fn* vlog2quant;
};

// attnorm_softmax_algorithm_auto runs the Two-Pass algorithm (2 reads + 1
// write) for rows of at least this many elements, three-pass with reload
// below, and the short-row kernel for rows of at most the config's
// softmax_max_elements: while a row's input and output (8 bytes per element)
// fit in the core's L2 cache, the passes after the first hit it and reload,
// which evaluates exp once, is fastest; beyond, the extra passes of reload
// over L3 or DRAM cost more than Two-Pass's extended-exponent arithmetic
// (README "Auto" has the numbers).
size_t attnorm_softmax_streaming_min_channels(void);

// The config of one ISA, or NULL when this build has no kernels for it.
// Does not check the CPU: see attnorm_isa_supported().
const struct attnorm_softmax_config* attnorm_get_softmax_config(enum attnorm_isa isa);

// The config of the best ISA the running CPU supports (never NULL: scalar).
const struct attnorm_softmax_config* attnorm_get_best_softmax_config(void);

#ifdef __cplusplus
}  // extern "C"
#endif
