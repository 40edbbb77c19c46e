// Benchmarks of every f32-logstablemax kernel (one per row of
// microkernels/f32-logstablemax/f32-logstablemax.inc) on short rows (32, 64, 128, 256 elements; a kernel
// runs only rows up to its batch tile), as bench/f32-softmax.cc: each iteration runs every row of
// a 4 MiB buffer (in cache), so the call and the per-row prologue and reductions count as they do
// in the operator. Compare with f32-rsumstablemax + f32-vlogstablemax at the same lengths.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-logstablemax/f32-logstablemax.h"

static void f32_logstablemax(benchmark::State& state, attnorm_f32_logstablemax_ukernel_fn* ukernel,
                     attnorm_init_f32_stablemax_params_fn* init_params, size_t max_elements,
                     enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  if (elements > max_elements) {
    state.SkipWithError("row longer than the kernel's batch tile (skipped)");
    return;
  }
  union attnorm_f32_stablemax_params params;
  init_params(&params, 0.125f);
  const size_t rows = (attnorm::bench::kInCacheBytes / 2) / (elements * sizeof(float));
  std::vector<float> input(rows * elements), output(rows * elements);
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> dist(-10.0f, 10.0f);
  std::generate(input.begin(), input.end(), [&] { return dist(rng); });
  for (auto _ : state) {
    const float* x = input.data();
    float* y = output.data();
    for (size_t r = 0; r < rows; r++) {
      ukernel(elements * sizeof(float), x, y, &params);
      x += elements;
      y += elements;
    }
    benchmark::ClobberMemory();
  }
  attnorm::bench::SetRates(state, rows * elements, 2 * sizeof(float));
}

static void ShortRows(benchmark::internal::Benchmark* b) {
  b->ArgName("n");
  for (int64_t n : {32, 64, 128, 256}) b->Arg(n);
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_logstablemax, ukernel, ukernel, init_params, batch_tile, isa)->Apply(ShortRows)->UseRealTime();
#include "microkernels/f32-logstablemax/f32-logstablemax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
