#include "src/hardware-config.h"

#include <pthread.h>

#include <cpuinfo.h>

static bool isa_supported[attnorm_isa_count];
static size_t last_level_cache_bytes = (size_t) 8 << 20;
static pthread_once_t init_guard = PTHREAD_ONCE_INIT;

static void init_hardware_config(void) {
  isa_supported[attnorm_isa_scalar] = true;
  if (!cpuinfo_initialize()) {
    return;
  }
  const struct cpuinfo_cache* l3 = cpuinfo_get_l3_caches_count() != 0 ? cpuinfo_get_l3_cache(0) : NULL;
  const struct cpuinfo_cache* l2 = cpuinfo_get_l2_caches_count() != 0 ? cpuinfo_get_l2_cache(0) : NULL;
  if (l3 != NULL && l3->size != 0) {
    last_level_cache_bytes = l3->size;
  } else if (l2 != NULL && l2->size != 0) {
    last_level_cache_bytes = l2->size;
  }
#if ATTNORM_ARCH_X86_64
  isa_supported[attnorm_isa_x86_avx2] = cpuinfo_has_x86_avx2() && cpuinfo_has_x86_fma3();
  isa_supported[attnorm_isa_x86_avx512f] = cpuinfo_has_x86_avx512f();
#endif
#if ATTNORM_ARCH_ARM64
  isa_supported[attnorm_isa_arm_neon] = cpuinfo_has_arm_neon_fma();
#endif
}

bool attnorm_isa_supported(enum attnorm_isa isa) {
  if ((unsigned) isa >= (unsigned) attnorm_isa_count) {
    return false;
  }
  pthread_once(&init_guard, init_hardware_config);
  return isa_supported[isa];
}

size_t attnorm_last_level_cache_bytes(void) {
  pthread_once(&init_guard, init_hardware_config);
  return last_level_cache_bytes;
}

const char* attnorm_isa_name(enum attnorm_isa isa) {
  switch (isa) {
    case attnorm_isa_scalar: return "scalar";
    case attnorm_isa_x86_avx2: return "avx2";
    case attnorm_isa_x86_avx512f: return "avx512f";
    case attnorm_isa_arm_neon: return "neon";
    default: return "unknown";
  }
}
