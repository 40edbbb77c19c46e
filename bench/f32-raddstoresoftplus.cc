// Benchmarks of every f32-raddstoresoftplus kernel (one per row of
// microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.inc) over bench::RowLengths; logits U[-10, 10].
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.h"

static void f32_raddstoresoftplus(benchmark::State& state, attnorm_f32_raddstoresoftplus_ukernel_fn* fn,
                                  attnorm_init_f32_softplus_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_softplus_params params;
  init_params(&params, 1.0f, 0.0f, 0.0f, 0.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -10.0f, 10.0f);
  std::vector<float> y(elements);
  float sum;
  size_t iteration = 0;
  for (auto _ : state) {
    fn(elements * sizeof(float), rows.row(iteration++, 0), y.data(), &sum, &params);
    benchmark::DoNotOptimize(sum);
    benchmark::DoNotOptimize(y.data());
  }
  // Reads the input and writes the terms.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_raddstoresoftplus, ukernel, ukernel, init_params, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-raddstoresoftplus/f32-raddstoresoftplus.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
