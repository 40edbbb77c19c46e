// Benchmarks of every f32-rmaxaddexp kernel (one per row of
// microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc) over bench::RowLengths.
// Compare with f32-rmax + f32-raddexpminusmax (the two passes it replaces).
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.h"

static void f32_rmaxaddexp(benchmark::State& state, attnorm_f32_rmaxaddexp_ukernel_fn* rmaxaddexp,
                           attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  // Logits in [90, 100] like XNNPACK's benchmarks (and f32-raddexpminusmax's).
  attnorm::bench::RotatingRows rows(elements, 1, 90.0f, 100.0f);
  float output[2];
  size_t iteration = 0;
  for (auto _ : state) {
    rmaxaddexp(elements * sizeof(float), rows.row(iteration++, 0), output, &params);
    benchmark::DoNotOptimize(output[0]);
    benchmark::DoNotOptimize(output[1]);
  }
  // Reads the input only.
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_rmaxaddexp, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-rmaxaddexp/f32-rmaxaddexp.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
