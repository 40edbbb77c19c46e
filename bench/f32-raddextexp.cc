// Benchmarks of every f32-raddextexp kernel (one per row of
// microkernels/f32-raddextexp/f32-raddextexp.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-raddextexp/f32-raddextexp.h"

static void f32_raddextexp(benchmark::State& state, attnorm_f32_raddextexp_ukernel_fn* raddextexp,
                           attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -100.0f, 100.0f);
  float sum[2];
  size_t iteration = 0;
  for (auto _ : state) {
    raddextexp(elements * sizeof(float), rows.row(iteration++, 0), sum, &params);
    benchmark::DoNotOptimize(sum);
  }
  // Reads the row; writes only the (v, e) pair.
  attnorm::bench::SetRates(state, elements, sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_raddextexp, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-raddextexp/f32-raddextexp.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
