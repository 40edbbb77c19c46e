#include "src/hardware-config.h"

#include <pthread.h>

#include <attnorm.h>  // ATTNORM_FLAG_FORCE_*
#include <cpuinfo.h>

static bool isa_supported[attnorm_isa_count];
static size_t last_level_cache_bytes = (size_t) 8 << 20;
static size_t l2_cache_bytes = (size_t) 1 << 20;
static pthread_once_t init_guard = PTHREAD_ONCE_INIT;

static void init_hardware_config(void) {
  isa_supported[attnorm_isa_scalar] = true;
  if (!cpuinfo_initialize()) {
    return;
  }
  const struct cpuinfo_cache* l3 = cpuinfo_get_l3_caches_count() != 0 ? cpuinfo_get_l3_cache(0) : NULL;
  const struct cpuinfo_cache* l2 = cpuinfo_get_l2_caches_count() != 0 ? cpuinfo_get_l2_cache(0) : NULL;
  if (l2 != NULL && l2->size != 0) {
    l2_cache_bytes = l2->size;
  }
  if (l3 != NULL && l3->size != 0) {
    last_level_cache_bytes = l3->size;
  } else if (l2 != NULL && l2->size != 0) {
    last_level_cache_bytes = l2->size;
  }
  // One check per row of the ISA table; an ISA of another architecture is
  // never supported, whatever cpuinfo says.
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
  isa_supported[isa] = (arch) && (cpu_check);
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
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

size_t attnorm_l2_cache_bytes(void) {
  pthread_once(&init_guard, init_hardware_config);
  return l2_cache_bytes;
}

const char* attnorm_isa_name(enum attnorm_isa isa) {
  switch (isa) {
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
    case isa: return #name;
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
    default: return "unknown";
  }
}

bool attnorm_isa_from_force_flags(uint32_t flags, enum attnorm_isa* isa) {
  switch (flags & ATTNORM_FLAG_FORCE_MASK) {
#define ATTNORM_ISA(isa_value, name, guard, arch, force_flag, cpu_check) \
    case force_flag: *isa = isa_value; return true;
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
    default: return false;  // none, or more than one
  }
}

uint32_t attnorm_isa_force_flag(enum attnorm_isa isa) {
  switch (isa) {
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) \
    case isa: return force_flag;
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
    default: return 0;
  }
}

const enum attnorm_isa attnorm_isas_best_first[attnorm_isa_count] = {ATTNORM_ISAS_BEST_FIRST};
