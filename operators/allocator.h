// The engine's memory allocation (internal): every allocation of an operator
// (the operator object at create, the per-tile scratch at reshape) goes
// through these three calls, so that tests can make any one of them fail
// (test/reliability/allocation-failure-test.cc). Not part of the public API.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// calloc / realloc / free semantics.
void* attnorm_allocate_zeroed(size_t count, size_t size);
void* attnorm_reallocate(void* pointer, size_t size);
void attnorm_free(void* pointer);

// For tests only: replaces the three functions above (NULL restores the C
// library's calloc / realloc / free). Not thread-safe: call it while no
// operator call is in flight.
struct attnorm_allocator {
  void* (*allocate_zeroed)(size_t count, size_t size);
  void* (*reallocate)(void* pointer, size_t size);
  void (*free)(void* pointer);
};
void attnorm_set_allocator_for_testing(const struct attnorm_allocator* allocator);

#ifdef __cplusplus
}  // extern "C"
#endif
