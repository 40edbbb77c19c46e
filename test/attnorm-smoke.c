// Smoke test of the public API, in C, with nothing but //:attnorm: it proves
// that a build for another architecture (bazel build --config=aarch64) links
// and, under qemu-aarch64, runs. Initializes, runs softmax on one small row,
// checks the outputs sum to 1 and that a masked logit gives 0. Exits 0 on
// success, 1 with a message otherwise.
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include <attnorm.h>

#define CHANNELS 37  // not a multiple of any batch tile: remainders run too

static int fail(const char* what, int status) {
  fprintf(stderr, "attnorm_smoke: %s failed (status %d)\n", what, status);
  return 1;
}

int main(void) {
  float input[CHANNELS];
  float output[CHANNELS];
  for (size_t i = 0; i < CHANNELS; i++) {
    input[i] = (float) ((int) (i * 7 % 11) - 5);
  }
  input[3] = -INFINITY;  // a masked logit

  enum xnn_status status = attnorm_initialize();
  if (status != xnn_status_success) return fail("attnorm_initialize", status);
  attnorm_operator_t op = NULL;
  status = attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, /*scale=*/0.5f, /*flags=*/0, &op);
  if (status != xnn_status_success) return fail("attnorm_create_softmax_nc_f32", status);
  status = attnorm_reshape_softmax_nc_f32(op, CHANNELS, CHANNELS, CHANNELS, /*batch_size=*/1, /*threadpool=*/NULL);
  if (status != xnn_status_success) return fail("attnorm_reshape_softmax_nc_f32", status);
  status = attnorm_setup_softmax_nc_f32(op, input, output);
  if (status != xnn_status_success) return fail("attnorm_setup_softmax_nc_f32", status);
  status = attnorm_run_operator(op, /*threadpool=*/NULL);
  if (status != xnn_status_success) return fail("attnorm_run_operator", status);
  status = attnorm_delete_operator(op);
  if (status != xnn_status_success) return fail("attnorm_delete_operator", status);

  double sum = 0.0;
  for (size_t i = 0; i < CHANNELS; i++) {
    if (!(output[i] >= 0.0f && output[i] <= 1.0f)) {
      fprintf(stderr, "attnorm_smoke: output[%zu] = %g is not a probability\n", i, (double) output[i]);
      return 1;
    }
    sum += output[i];
  }
  if (output[3] != 0.0f) {
    fprintf(stderr, "attnorm_smoke: masked logit gave %g, not 0\n", (double) output[3]);
    return 1;
  }
  if (fabs(sum - 1.0) > 1e-5) {
    fprintf(stderr, "attnorm_smoke: outputs sum to %.9f, not 1\n", sum);
    return 1;
  }
  printf("attnorm_smoke: softmax of %d logits sums to %.7f: OK\n", CHANNELS, sum);
  return 0;
}
