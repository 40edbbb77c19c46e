// Benchmarks of every f32-rmaxstore-attn kernel (one per row of
// microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.inc): x and the mask row read once, z written.
#include <cstring>

#include <benchmark/benchmark.h>

#include "bench/bench-utils.h"
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.h"

static void AttnLengths(benchmark::internal::Benchmark* b) {
  b->ArgName("n");
  for (int64_t n : {128, 1024, 4096, 65536, 1048576, 16777216}) b->Arg(n);
}

static void f32_rmaxstore_attn(benchmark::State& state, attnorm_f32_rmaxstore_attn_ukernel_fn* ukernel,
                                const char* name, enum attnorm_isa isa) {
  if (!attnorm::bench::CheckIsa(state, isa)) return;
  struct attnorm_f32_attn_params params;
  attnorm_init_f32_attn_params(&params, 0.125f, 30.0f, 0.5f);
  const bool mask = std::strstr(name, "_mask") != nullptr;
  const size_t elements = static_cast<size_t>(state.range(0));
  attnorm::bench::RotatingRows rows(elements, 3, -100.0f, 100.0f);
  float sum[1];
  size_t iteration = 0;
  for (auto _ : state) {
    const size_t i = iteration++;
    ukernel(elements * sizeof(float), rows.row(i, 0), mask ? rows.row(i, 1) : nullptr, rows.row(i, 2), sum, &params);
    benchmark::DoNotOptimize(sum);
  }
  attnorm::bench::SetRates(state, elements, (mask ? 3 : 2) * sizeof(float));
}

#define ATTNORM_UKERNEL(isa, ukernel, batch_tile, vector_tile, datatype, params_type, init_params, partial_sums) \
  BENCHMARK_CAPTURE(f32_rmaxstore_attn, ukernel, ukernel, #ukernel, isa)->Apply(AttnLengths)->UseRealTime();
#include "microkernels/f32-rmaxstore-attn/f32-rmaxstore-attn.inc"
#undef ATTNORM_UKERNEL

BENCHMARK_MAIN();
