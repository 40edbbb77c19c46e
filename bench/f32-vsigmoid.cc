// Benchmarks of every f32-vsigmoid kernel (one per row of
// microkernels/f32-vsigmoid/f32-vsigmoid.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vsigmoid/f32-vsigmoid.h"

static void f32_vsigmoid(benchmark::State& state, attnorm_f32_vsigmoid_ukernel_fn* vsigmoid,
                         attnorm_init_f32_sigmoid_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_sigmoid_params params;
  init_params(&params, 0.125f, -7.6246189f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 2, -10.0f, 10.0f);
  size_t iteration = 0;
  for (auto _ : state) {
    vsigmoid(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), &params);
    iteration++;
  }
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vsigmoid, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vsigmoid/f32-vsigmoid.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
