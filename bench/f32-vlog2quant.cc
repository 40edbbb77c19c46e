// Benchmarks of every f32-vlog2quant kernel (one per row of
// microkernels/f32-vlog2quant/f32-vlog2quant.inc) over bench::RowLengths.
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-vlog2quant/f32-vlog2quant.h"

static void f32_vlog2quant(benchmark::State& state, attnorm_f32_vlog2quant_ukernel_fn* vlog2quant,
                           attnorm_init_f32_log2quant_params_fn* init_params, enum attnorm_isa isa) {
  union attnorm_f32_log2quant_params params;
  init_params(&params, 1.0f, 1.0f, 255.0f);
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 1, -10.0f, 10.0f);
  std::vector<uint8_t> output(elements);
  size_t iteration = 0;
  for (auto _ : state) {
    vlog2quant(elements * sizeof(float), rows.row(iteration++, 0), output.data(), 20.0f, 0.0f, &params);
    benchmark::ClobberMemory();
  }
  // Reads 4 bytes and writes 1 per element.
  attnorm::bench::SetRates(state, elements, sizeof(float) + 1);
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_vlog2quant, ukernel, ukernel, init_params, isa)                                          \
      ->Apply(attnorm::bench::RowLengths)                                                                        \
      ->UseRealTime();
#include "microkernels/f32-vlog2quant/f32-vlog2quant.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
