// Benchmarks of every f32-raddexpminusmax kernel (one per row of
// microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc) over
// bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.h"

static void f32_raddexpminusmax(benchmark::State& state, attnorm_f32_raddexpminusmax_ukernel_fn* raddexpminusmax,
                                enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  // Logits in [90, 100] like XNNPACK's benchmarks; max is the row maximum.
  attnorm::bench::RotatingRows rows(elements, 1, 90.0f, 100.0f);
  const float max = 100.0f;
  float sum;
  size_t iteration = 0;
  for (auto _ : state) {
    raddexpminusmax(elements * sizeof(float), rows.row(iteration++, 0), &sum, 1.0f, max);
    benchmark::DoNotOptimize(sum);
  }
  // Reads the input only.
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile)                                          \
  BENCHMARK_CAPTURE(f32_raddexpminusmax, ukernel, ukernel, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-raddexpminusmax/f32-raddexpminusmax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
