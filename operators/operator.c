// Library state and logging.
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

#include <attnorm.h>

#include "operators/operator.h"
#include "src/hardware-config.h"

static atomic_bool initialized;

enum xnn_status attnorm_initialize(void) {
  // Detects the CPU (cpuinfo) once; the scalar ISA is always available.
  if (!attnorm_isa_supported(attnorm_isa_scalar)) {
    attnorm_log_error("attnorm_initialize: CPU detection failed");
    return xnn_status_unsupported_hardware;
  }
  atomic_store(&initialized, true);
  return xnn_status_success;
}

bool attnorm_is_initialized(void) {
  return atomic_load(&initialized);
}

void attnorm_log_error(const char* format, ...) {
  va_list args;
  va_start(args, format);
  fputs("attnorm error: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
}
