// Shared definitions for every attnorm microkernel.
//
// Microkernels are pure functions over one row (or one tile of a row): no
// allocation, no threads, no CPU detection. Sizes are in bytes, as in XNNPACK.
#pragma once

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

// The target architecture; the ISA table (scripts/codegen.py) names an ISA's
// architecture by one of these.
#if defined(__x86_64__) || defined(_M_X64)
  #define ATTNORM_ARCH_X86_64 1
#else
  #define ATTNORM_ARCH_X86_64 0
#endif
#if defined(__aarch64__)
  #define ATTNORM_ARCH_ARM64 1
#else
  #define ATTNORM_ARCH_ARM64 0
#endif

// Which ISAs this build holds kernels for (ATTNORM_ENABLE_<ISA>), generated
// from the ISA table. The enumerator lists guard their rows with these, so a
// test or benchmark target can select one ISA by defining the others to 0.
#include "microkernels/isas.h"

// The instruction sets a kernel may need, one per row of the ISA table
// (microkernels/isas.inc); a kernel's row in its enumerator list names one,
// and the hardware config (src/hardware-config.h) tells whether the running
// CPU has it.
enum attnorm_isa {
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) isa,
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
  attnorm_isa_count,
};

#if defined(__GNUC__)
  #define ATTNORM_INLINE inline __attribute__((__always_inline__))
  #define ATTNORM_LIKELY(x) __builtin_expect(!!(x), 1)
  #define ATTNORM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
  #define ATTNORM_INLINE inline
  #define ATTNORM_LIKELY(x) (x)
  #define ATTNORM_UNLIKELY(x) (x)
#endif

#ifdef __cplusplus
  #define ATTNORM_RESTRICT
#else
  #define ATTNORM_RESTRICT restrict
#endif

// Marks kernels that may read past the end of their input, within the padding
// documented by their family (never past a page the row does not touch); none do
// on x86, where remainders use masked loads.
#define ATTNORM_OOB_READS

// Minimum size of an array parameter (`float sum[ATTNORM_MIN_ELEMENTS(2)]`).
#ifdef __cplusplus
  #define ATTNORM_MIN_ELEMENTS(count) count
#else
  #define ATTNORM_MIN_ELEMENTS(count) static count
#endif

// The longest block (in elements) a caller should pass to a summing kernel so
// that none of its float partial sums adds more than 128 terms (the row sum
// then stays within ~1e-7 relative; callers add block sums in double):
// `.raddstoreexpminusmax_block = ATTNORM_SUM_BLOCK(ukernel)`. Uses the
// `<ukernel>_partial_sums` constant the family header declares from the
// partial_sums field of the kernel's enumerator row.
#define ATTNORM_SUM_BLOCK(ukernel) ((size_t) 128 * (size_t) (ukernel##_partial_sums))
