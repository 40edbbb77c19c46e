// Benchmarks of every f32-raddstoreexpminusmax kernel (one per row of
// microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.inc) over
// bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.h"

static void f32_raddstoreexpminusmax(benchmark::State& state,
                                     attnorm_f32_raddstoreexpminusmax_ukernel_fn* raddstoreexpminusmax,
                                     attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  // Logits in [90, 100] like XNNPACK's benchmarks; max is the row maximum.
  attnorm::bench::RotatingRows rows(elements, 2, 90.0f, 100.0f);
  const float max = 100.0f;
  float sum;
  size_t iteration = 0;
  for (auto _ : state) {
    raddstoreexpminusmax(elements * sizeof(float), rows.row(iteration, 0), &max, rows.row(iteration, 1), &sum, &params);
    iteration++;
    benchmark::DoNotOptimize(sum);
  }
  // Reads the input, writes the output.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_raddstoreexpminusmax, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-raddstoreexpminusmax/f32-raddstoreexpminusmax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
