// Benchmarks of every f32-vmuladdc kernel (one per row of
// microkernels/f32-vmuladdc/f32-vmuladdc.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vmuladdc/f32-vmuladdc.h"

static void f32_vmuladdc(benchmark::State& state, attnorm_f32_vmuladdc_ukernel_fn* vmuladdc, enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -10.0f, 10.0f);
  size_t iteration = 0;
  for (auto _ : state) {
    vmuladdc(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), 0.125f, -3.5f);
    iteration++;
  }
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile) \
  BENCHMARK_CAPTURE(f32_vmuladdc, ukernel, ukernel, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vmuladdc/f32-vmuladdc.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
