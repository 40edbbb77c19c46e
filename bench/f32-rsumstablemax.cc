// Benchmarks of every f32-rsumstablemax kernel (one per row of
// microkernels/f32-rsumstablemax/f32-rsumstablemax.inc) over bench::RowLengths,
// called as the operator calls it: on blocks of ATTNORM_SUM_BLOCK elements.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.h"

static void f32_rsumstablemax(benchmark::State& state, attnorm_f32_rsumstablemax_ukernel_fn* rsum,
                              attnorm_init_f32_stablemax_params_fn* init_params, size_t block, enum attnorm_isa isa) {
  union attnorm_f32_stablemax_params params;
  init_params(&params, 0.125f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -10.0f, 10.0f);
  size_t iteration = 0;
  double total = 0.0;
  for (auto _ : state) {
    const float* x = rows.row(iteration, 0);
    double sum = 0.0;
    for (size_t i = 0; i < elements; i += block) {
      const size_t n = elements - i < block ? elements - i : block;
      float block_sum;
      rsum(n * sizeof(float), x + i, &block_sum, &params);
      sum += block_sum;
    }
    total += sum;
    iteration++;
  }
  benchmark::DoNotOptimize(total);
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_rsumstablemax, ukernel, ukernel, init_params, ATTNORM_SUM_BLOCK(ukernel), isa)             \
      ->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-rsumstablemax/f32-rsumstablemax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
