// Operator benchmark: attnorm's softmax (each algorithm, each ISA path) and
// log-softmax over one buffer pair reused across iterations (rows that fit the
// last-level cache stay there, as when the producer just wrote them). Rows of
// n elements, batch = max(1, 1M / n). Used to place the auto rule's threshold
// (src/softmax-config.c); the headline benchmark compares against peers.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>
#include <pthreadpool.h>

#include <attnorm.h>

#include "bench/bench-utils.h"

static void softmax_nc(benchmark::State& state, attnorm_softmax_algorithm algorithm, bool log_softmax,
                       uint32_t flags, enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t channels = static_cast<size_t>(state.range(0));
  const size_t threads = static_cast<size_t>(state.range(1));
  const size_t batch = std::max<size_t>(1, (size_t(1) << 20) / channels);
  std::vector<float> input(channels * batch), output(channels * batch);
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> dist(-10.0f, 10.0f);
  std::generate(input.begin(), input.end(), [&] { return dist(rng); });

  attnorm_initialize();
  pthreadpool_t threadpool = pthreadpool_create(threads);
  attnorm_operator_t op = nullptr;
  enum xnn_status status = log_softmax ? attnorm_create_log_softmax_nc_f32(1.0f, flags, &op)
                                       : attnorm_create_softmax_nc_f32(algorithm, 1.0f, flags, &op);
  if (status == xnn_status_success) {
    status = log_softmax ? attnorm_reshape_log_softmax_nc_f32(op, channels, channels, channels, batch, threadpool)
                         : attnorm_reshape_softmax_nc_f32(op, channels, channels, channels, batch, threadpool);
  }
  if (status == xnn_status_success) {
    status = log_softmax ? attnorm_setup_log_softmax_nc_f32(op, input.data(), output.data())
                         : attnorm_setup_softmax_nc_f32(op, input.data(), output.data());
  }
  if (status != xnn_status_success) {
    state.SkipWithError("operator setup failed");
  } else {
    for (auto _ : state) {
      attnorm_run_operator(op, threadpool);
    }
    attnorm::bench::SetRates(state, channels * batch, 2 * sizeof(float));
  }
  attnorm_delete_operator(op);
  pthreadpool_destroy(threadpool);
}

static void Shapes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"n", "threads"});
  for (int64_t threads : {1, 2}) {
    for (int64_t n : {128, 256, 1024, 4096, 65536, 262144, 1048576, 2097152, 4194304, 8388608, 16777216}) {
      b->Args({n, threads});
    }
  }
}

#define SOFTMAX_BENCHMARKS(isa_name, flags, isa)                                                                \
  BENCHMARK_CAPTURE(softmax_nc, two_pass_##isa_name, attnorm_softmax_algorithm_two_pass, false, flags, isa)     \
      ->Apply(Shapes)->UseRealTime();                                                                           \
  BENCHMARK_CAPTURE(softmax_nc, three_pass_reload_##isa_name, attnorm_softmax_algorithm_three_pass_reload,      \
                    false, flags, isa)->Apply(Shapes)->UseRealTime();                                           \
  BENCHMARK_CAPTURE(softmax_nc, three_pass_recompute_##isa_name, attnorm_softmax_algorithm_three_pass_recompute, \
                    false, flags, isa)->Apply(Shapes)->UseRealTime();                                           \
  BENCHMARK_CAPTURE(softmax_nc, online_##isa_name, attnorm_softmax_algorithm_online, false, flags, isa)         \
      ->Apply(Shapes)->UseRealTime();                                                                           \
  BENCHMARK_CAPTURE(softmax_nc, auto_##isa_name, attnorm_softmax_algorithm_auto, false, flags, isa)             \
      ->Apply(Shapes)->UseRealTime();                                                                           \
  BENCHMARK_CAPTURE(softmax_nc, log_softmax_##isa_name, attnorm_softmax_algorithm_two_pass, true, flags, isa)   \
      ->Apply(Shapes)->UseRealTime();

#if defined(__x86_64__)
SOFTMAX_BENCHMARKS(avx512f, ATTNORM_FLAG_FORCE_AVX512F, attnorm_isa_x86_avx512f)
SOFTMAX_BENCHMARKS(avx2, ATTNORM_FLAG_FORCE_AVX2, attnorm_isa_x86_avx2)
#endif
SOFTMAX_BENCHMARKS(scalar, ATTNORM_FLAG_FORCE_SCALAR, attnorm_isa_scalar)

BENCHMARK_MAIN();
