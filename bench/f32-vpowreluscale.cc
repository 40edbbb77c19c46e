// Benchmarks of every f32-vpowreluscale kernel (one per row of
// microkernels/f32-vpowreluscale/f32-vpowreluscale.inc) over bench::RowLengths; logits U[-10, 10].
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.h"

static void f32_vpowreluscale(benchmark::State& state, attnorm_f32_vpowreluscale_ukernel_fn* fn, attnorm_init_f32_softplus_params_fn* init_params,
                enum attnorm_isa isa) {
  union attnorm_f32_softplus_params params;
  init_params(&params, 1.0f, 0.2f, 1.0f, 15.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -10.0f, 10.0f);
  size_t iteration = 0;
  for (auto _ : state) {
    fn(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), 0.5f, &params);
    iteration++;
    benchmark::ClobberMemory();
  }
  // Reads the input, writes the output.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vpowreluscale, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vpowreluscale/f32-vpowreluscale.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
