// Hardware config: which of the ISAs in microkernels/common.h the running CPU
// (and OS) supports. Detected once with cpuinfo; everything above the
// microkernels asks here, nothing below does.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "microkernels/common.h"

#ifdef __cplusplus
extern "C" {
#endif

// Returns true when kernels of `isa` may run here. Thread-safe; the first call
// initializes cpuinfo. Returns false for every SIMD ISA if cpuinfo fails.
bool attnorm_isa_supported(enum attnorm_isa isa);

// Size in bytes of the largest data cache (L3, else L2) of the running CPU as
// cpuinfo reports it; 8 MiB when it reports none.
size_t attnorm_last_level_cache_bytes(void);

// Size in bytes of one core's L2 cache as cpuinfo reports it; 1 MiB when it
// reports none.
size_t attnorm_l2_cache_bytes(void);

// Short lowercase name of an ISA ("scalar", "avx2", "avx512f", "neon"), its
// name in the ISA table; "unknown" for a value out of range.
const char* attnorm_isa_name(enum attnorm_isa isa);

// The ATTNORM_FLAG_FORCE_* flags (include/attnorm.h), one per ISA, come from
// the ISA table: ATTNORM_FLAG_FORCE_MASK (microkernels/isas.h, included
// through microkernels/common.h) is all of them.
//
// Which ISA the force flags among `flags` select: returns true and stores it
// in *isa when exactly one ATTNORM_FLAG_FORCE_* flag is set; returns false,
// leaving *isa alone, when none or more than one is (tell those apart with
// `flags & ATTNORM_FLAG_FORCE_MASK`). Bits outside ATTNORM_FLAG_FORCE_MASK
// are ignored. Says nothing about the CPU: see attnorm_isa_supported().
bool attnorm_isa_from_force_flags(uint32_t flags, enum attnorm_isa* isa);

// The ATTNORM_FLAG_FORCE_* flag of an ISA; 0 for a value out of range.
uint32_t attnorm_isa_force_flag(enum attnorm_isa isa);

// Every ISA best first (AVX512F, AVX2, NEON, scalar): a config picks the first
// that it has kernels for and that attnorm_isa_supported() accepts. ISAs of
// other architectures are in it too (never supported).
extern const enum attnorm_isa attnorm_isas_best_first[attnorm_isa_count];

#ifdef __cplusplus
}  // extern "C"
#endif
