// Benchmarks of every f32-rmax kernel (one per row of
// microkernels/f32-rmax/f32-rmax.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-rmax/f32-rmax.h"

static void f32_rmax(benchmark::State& state, attnorm_f32_rmax_ukernel_fn* rmax, enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -100.0f, 100.0f);
  float max;
  size_t iteration = 0;
  for (auto _ : state) {
    rmax(elements * sizeof(float), rows.row(iteration++, 0), &max);
    benchmark::DoNotOptimize(max);
  }
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile) \
  BENCHMARK_CAPTURE(f32_rmax, ukernel, ukernel, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
