// Softplus-attention kernel config: for each ISA, the kernel of every family the
// softplus-attention operator (operators/softplus-attention-nc.c) runs. Pure data.
#pragma once

#include <stddef.h>

#include "microkernels/common.h"
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"
#include "microkernels/f32-raddsoftplus/f32-raddsoftplus.h"
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"
#include "microkernels/f32-rcountunmasked/f32-rcountunmasked.h"
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.h"
#include "microkernels/f32-vscale/f32-vscale.h"
#include "microkernels/f32-vsoftplusscale/f32-vsoftplusscale.h"

#ifdef __cplusplus
extern "C" {
#endif

struct attnorm_softplus_config {
  enum attnorm_isa isa;
  // Pass 1 with ATTNORM_FLAG_SCALE_BY_LOG_LENGTH: the number N of unmasked logits.
  attnorm_f32_rcountunmasked_ukernel_fn* rcountunmasked;
  // The LSSA sum of softplus(c * x) (with max x and N), and its output pass.
  // Summing kernels are called on blocks of at most *_block elements (16 terms
  // per float partial sum); the block sums are added in double.
  attnorm_f32_raddsoftplus_ukernel_fn* raddsoftplus;
  size_t raddsoftplus_block;
  attnorm_f32_vsoftplusscale_ukernel_fn* vsoftplusscale;
  // p = 0, not in place (store and rescale): the sum pass stores the softplus terms
  // in the output, the output pass scales them in place.
  attnorm_f32_raddstoresoftplus_ukernel_fn* raddstoresoftplus;
  size_t raddstoresoftplus_block;
  attnorm_f32_vscale_ukernel_fn* vscale;
  // The LSSAR re-weighting (reweight_power > 0): the sum of relu(u)^p, and its output pass.
  attnorm_f32_raddpowrelu_ukernel_fn* raddpowrelu;
  size_t raddpowrelu_block;
  attnorm_f32_vpowreluscale_ukernel_fn* vpowreluscale;
};

// The config of one ISA, or NULL when this build has no kernels for it.
const struct attnorm_softplus_config* attnorm_get_softplus_config(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
