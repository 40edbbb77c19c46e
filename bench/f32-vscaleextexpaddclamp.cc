// Benchmarks of every f32-vscaleextexpaddclamp kernel (one per row of
// microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.h"

static void f32_vscaleextexpaddclamp(benchmark::State& state,
                                     attnorm_f32_vscaleextexpaddclamp_ukernel_fn* vscaleextexpaddclamp,
                                     attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -100.0f, 100.0f);
  // As bench/f32-vscaleextexp.cc, with zeta - gamma = 1.01 folded in and gamma = -0.01.
  const float multiplier_value = 1.01f / 1.5f;
  const float multiplier_exp = -150.0f;
  size_t iteration = 0;
  for (auto _ : state) {
    const size_t set = iteration++;
    vscaleextexpaddclamp(elements * sizeof(float), rows.row(set, 0), rows.row(set, 1), multiplier_value,
                         multiplier_exp, -0.01f, &params);
    benchmark::ClobberMemory();
  }
  // Reads the row and writes the output row.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vscaleextexpaddclamp, ukernel, ukernel, init_params, isa)                                \
      ->Apply(attnorm::bench::RowLengths)                                                                        \
      ->UseRealTime();
#include "microkernels/f32-vscaleextexpaddclamp/f32-vscaleextexpaddclamp.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
