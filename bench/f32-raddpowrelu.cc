// Benchmarks of every f32-raddpowrelu kernel (one per row of
// microkernels/f32-raddpowrelu/f32-raddpowrelu.inc) over bench::RowLengths; logits U[-10, 10].
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.h"

static void f32_raddpowrelu(benchmark::State& state, attnorm_f32_raddpowrelu_ukernel_fn* fn, attnorm_init_f32_softplus_params_fn* init_params,
                enum attnorm_isa isa) {
  union attnorm_f32_softplus_params params;
  // The paper's long-context power, bases in [-1, ~1].
  init_params(&params, 1.0f, 0.2f, 1.0f, 15.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -10.0f, 10.0f);
  float out[1];
  size_t iteration = 0;
  for (auto _ : state) {
    fn(elements * sizeof(float), rows.row(iteration++, 0), out, &params);
    benchmark::DoNotOptimize(out[0]);
  }
  // Reads the input only.
  attnorm::bench::SetRates(state, elements, 1 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_raddpowrelu, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-raddpowrelu/f32-raddpowrelu.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
