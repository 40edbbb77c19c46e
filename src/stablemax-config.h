// StableMax / LogStableMax kernel config: for each ISA, the kernels of the two
// passes (chosen from bench/f32-*stablemax.cc measurements; src/stablemax-config.c).
// Pure data.
#pragma once

#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/f32-logstablemax/f32-logstablemax.h"
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"
#include "microkernels/f32-stablemax/f32-stablemax.h"
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"
#include "microkernels/f32-vstablemax/f32-vstablemax.h"

#ifdef __cplusplus
extern "C" {
#endif

struct attnorm_stablemax_config {
  enum attnorm_isa isa;
  // Pass 1 of both: the sum of s, called on blocks of at most rsumstablemax_block
  // elements (ATTNORM_SUM_BLOCK: 128 terms per float partial sum), the block sums
  // added in double.
  attnorm_f32_rsumstablemax_ukernel_fn* rsumstablemax;
  size_t rsumstablemax_block;
  // Pass 2: StableMax y = s * (1 / sum); LogStableMax y = log s - log sum.
  attnorm_f32_vstablemax_ukernel_fn* vstablemax;
  attnorm_f32_vlogstablemax_ukernel_fn* vlogstablemax;
  // Rows of at most short_row_max_elements: one call per row, the row held in registers
  // (1 read + 1 write); a row the kernel refuses (returns false: NaN, +inf, all -inf, a sum
  // outside [2^-60, inf)) takes the two passes above.
  attnorm_f32_stablemax_ukernel_fn* stablemax;
  attnorm_f32_logstablemax_ukernel_fn* logstablemax;
  size_t short_row_max_elements;  // the smaller of the two kernels' batch tiles
};

// The config of one ISA, or NULL when this build has no kernels for it.
// Does not check the CPU: see attnorm_isa_supported().
const struct attnorm_stablemax_config* attnorm_get_stablemax_config(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
