#include "microkernels/exact-rows.h"

#include <math.h>

void attnorm_f32_softmax_exact(size_t elements, const float* input, float* output, float scale, bool log_softmax) {
  double max = -INFINITY;
  bool poisoned = false;  // NaN or +inf: the row's softmax is undefined
  for (size_t i = 0; i < elements; i++) {
    const double z = (double) scale * (double) input[i];
    poisoned |= isnan(z) || z == INFINITY;
    if (z > max) max = z;
  }
  if (poisoned || max == -INFINITY) {
    const float fill = poisoned ? NAN : (log_softmax ? -INFINITY : 0.0f);
    for (size_t i = 0; i < elements; i++) output[i] = fill;
    return;
  }
  double sum = 0.0;
  for (size_t i = 0; i < elements; i++) {
    sum += exp((double) scale * (double) input[i] - max);
  }
  if (log_softmax) {
    const double log_sum = log(sum);
    for (size_t i = 0; i < elements; i++) {
      output[i] = (float) ((double) scale * (double) input[i] - max - log_sum);
    }
  } else {
    const double inv_sum = 1.0 / sum;
    for (size_t i = 0; i < elements; i++) {
      output[i] = (float) (exp((double) scale * (double) input[i] - max) * inv_sum);
    }
  }
}
