// Benchmarks of every f32-rmax kernel (one per row of
// microkernels/f32-rmax/f32-rmax.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-rmax/f32-rmax.h"

static void f32_rmax(benchmark::State& state, attnorm_f32_rmax_ukernel_fn* rmax, attnorm_init_f32_default_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_default_params params;
  init_params(&params);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -100.0f, 100.0f);
  float max;
  size_t iteration = 0;
  for (auto _ : state) {
    rmax(elements * sizeof(float), rows.row(iteration++, 0), &max, &params);
    benchmark::DoNotOptimize(max);
  }
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_rmax, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-rmax/f32-rmax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
