// Hardware config: which of the ISAs in microkernels/common.h the running CPU
// (and OS) supports. Detected once with cpuinfo; everything above the
// microkernels asks here, nothing below does.
#pragma once

#include <stdbool.h>
#include <stddef.h>

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

// Short lowercase name of an ISA ("scalar", "avx2", "avx512f", "neon").
const char* attnorm_isa_name(enum attnorm_isa isa);

#ifdef __cplusplus
}  // extern "C"
#endif
