// Benchmarks of every f32-vlogstablemax kernel (one per row of
// microkernels/f32-vlogstablemax/f32-vlogstablemax.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.h"

static void f32_vlogstablemax(benchmark::State& state, attnorm_f32_vlogstablemax_ukernel_fn* vlog,
                              attnorm_init_f32_stablemax_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_stablemax_params params;
  init_params(&params, 0.125f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -10.0f, 10.0f);
  size_t iteration = 0;
  for (auto _ : state) {
    vlog(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), -8.3f, 1.0e-8f, &params);
    iteration++;
  }
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vlogstablemax, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vlogstablemax/f32-vlogstablemax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
