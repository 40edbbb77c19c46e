// The engine's allocation calls (operators/allocator.h): the C library's, or
// a test's replacement.
#include "operators/allocator.h"

#include <stdlib.h>

static const struct attnorm_allocator* test_allocator;

void* attnorm_allocate_zeroed(size_t count, size_t size) {
  return test_allocator != NULL ? test_allocator->allocate_zeroed(count, size) : calloc(count, size);
}

void* attnorm_reallocate(void* pointer, size_t size) {
  return test_allocator != NULL ? test_allocator->reallocate(pointer, size) : realloc(pointer, size);
}

void attnorm_free(void* pointer) {
  if (test_allocator != NULL) {
    test_allocator->free(pointer);
  } else {
    free(pointer);
  }
}

void attnorm_set_allocator_for_testing(const struct attnorm_allocator* allocator) {
  test_allocator = allocator;
}
