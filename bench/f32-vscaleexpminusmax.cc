// Benchmarks of every f32-vscaleexpminusmax kernel (one per row of
// microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.inc) over
// bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.h"

static void f32_vscaleexpminusmax(benchmark::State& state,
                                  attnorm_f32_vscaleexpminusmax_ukernel_fn* vscaleexpminusmax,
                                  attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  // Logits in [90, 100] like XNNPACK's benchmarks; max is the row maximum.
  attnorm::bench::RotatingRows rows(elements, 2, 90.0f, 100.0f);
  const float max = 100.0f;
  const float multiplier = 1.0f / static_cast<float>(elements);
  size_t iteration = 0;
  for (auto _ : state) {
    vscaleexpminusmax(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), max,
                      multiplier, &params);
    iteration++;
    benchmark::ClobberMemory();
  }
  // Reads the input, writes the output.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vscaleexpminusmax, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vscaleexpminusmax/f32-vscaleexpminusmax.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
