// Benchmarks of every f32-vscaleaddclamp kernel (one per row of
// microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc) over bench::RowLengths.
#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.h"

static void f32_vscaleaddclamp(benchmark::State& state, attnorm_f32_vscaleaddclamp_ukernel_fn* vscaleaddclamp,
                               enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  // Softmax probabilities before normalization: exp terms in (0, 1].
  attnorm::bench::RotatingRows rows(elements, 2, 0.0f, 1.0f);
  const float multiplier = 1.0f / static_cast<float>(elements);
  size_t iteration = 0;
  for (auto _ : state) {
    vscaleaddclamp(elements * sizeof(float), rows.row(iteration, 0), rows.row(iteration, 1), multiplier, -0.01f);
    iteration++;
    benchmark::ClobberMemory();
  }
  // Reads the input, writes the output.
  attnorm::bench::SetRates(state, elements, 2 * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vscaleaddclamp, ukernel, ukernel, isa)->Apply(attnorm::bench::RowLengths)->UseRealTime();
#include "microkernels/f32-vscaleaddclamp/f32-vscaleaddclamp.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
