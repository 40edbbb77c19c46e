// Benchmarks of every f32-vscaleextexp kernel (one per row of
// microkernels/f32-vscaleextexp/f32-vscaleextexp.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.h"

static void f32_vscaleextexp(benchmark::State& state, attnorm_f32_vscaleextexp_ukernel_fn* vscaleextexp,
                             attnorm_init_f32_expminus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_expminus_params params;
  init_params(&params, 1.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -100.0f, 100.0f);
  // A plausible pass-2 multiplier for rows of U[-100, 100]: sum ~ 1.5 * 2^150, so every output
  // is exp(x) * 2^-150 / 1.5 (most of the row lands in the normal range, some below FLT_MIN).
  const float multiplier_value = 1.0f / 1.5f;
  const float multiplier_exp = -150.0f;
  size_t iteration = 0;
  for (auto _ : state) {
    const size_t set = iteration++;
    vscaleextexp(elements * sizeof(float), rows.row(set, 0), rows.row(set, 1), multiplier_value, multiplier_exp, &params);
    benchmark::ClobberMemory();
  }
  // Reads the row and writes the output row.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vscaleextexp, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vscaleextexp/f32-vscaleextexp.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
