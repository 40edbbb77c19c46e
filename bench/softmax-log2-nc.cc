// softmax_log2 (f32 in, qu8 log2 codes out) against the user's composition:
// attnorm softmax (auto) into a float buffer, then a plain C quantization loop
// (-O3: q = min(round(-c log2 y), 2^bits - 1), y = 0 -> 2^bits - 1), which
// reads and writes one more pass. 1 thread, rows x keys with rows = 1M / keys
// (in cache) and one row of 1M keys, U[-10, 10]; elements/ns as items/s.
//
//   bazel run -c opt //:softmax_log2_nc_bench
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include <attnorm.h>

namespace {

constexpr size_t kElements = size_t(1) << 20;

std::vector<float> Input() {
  std::vector<float> x(kElements);
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> value(-10.0f, 10.0f);
  for (float& v : x) v = value(rng);
  return x;
}

__attribute__((noinline, optimize("O3"))) void QuantizeLoop(const float* y, uint8_t* q, size_t n, float c,
                                                            float code_max) {
  for (size_t i = 0; i < n; i++) {
    const float v = y[i] > 0.0f ? -c * std::log2(y[i]) : code_max;
    q[i] = uint8_t(std::fmin(std::nearbyint(std::fmax(v, 0.0f)), code_max));
  }
}

void Ours(benchmark::State& state) {
  const size_t keys = size_t(state.range(0)), rows = kElements / keys;
  const std::vector<float> x = Input();
  std::vector<uint8_t> q(kElements);
  attnorm_initialize();
  attnorm_operator_t op = nullptr;
  if (attnorm_create_softmax_log2_nc_f32_qu8(1.0f, 8, 0, &op) != xnn_status_success ||
      attnorm_reshape_softmax_log2_nc_f32_qu8(op, keys, keys, keys, rows, nullptr) != xnn_status_success ||
      attnorm_setup_softmax_log2_nc_f32_qu8(op, x.data(), q.data()) != xnn_status_success) {
    state.SkipWithError("softmax_log2 setup failed");
    return;
  }
  for (auto _ : state) {
    attnorm_run_operator(op, nullptr);
    benchmark::ClobberMemory();
  }
  attnorm_delete_operator(op);
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kElements));
}

void SoftmaxThenLoop(benchmark::State& state) {
  const size_t keys = size_t(state.range(0)), rows = kElements / keys;
  const std::vector<float> x = Input();
  std::vector<float> y(kElements);
  std::vector<uint8_t> q(kElements);
  attnorm_initialize();
  attnorm_operator_t op = nullptr;
  if (attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op) != xnn_status_success ||
      attnorm_reshape_softmax_nc_f32(op, keys, keys, keys, rows, nullptr) != xnn_status_success ||
      attnorm_setup_softmax_nc_f32(op, x.data(), y.data()) != xnn_status_success) {
    state.SkipWithError("softmax setup failed");
    return;
  }
  for (auto _ : state) {
    attnorm_run_operator(op, nullptr);
    QuantizeLoop(y.data(), q.data(), kElements, 1.0f, 255.0f);
    benchmark::ClobberMemory();
  }
  attnorm_delete_operator(op);
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kElements));
}

void Softmax(benchmark::State& state) {
  const size_t keys = size_t(state.range(0)), rows = kElements / keys;
  const std::vector<float> x = Input();
  std::vector<float> y(kElements);
  attnorm_initialize();
  attnorm_operator_t op = nullptr;
  if (attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op) != xnn_status_success ||
      attnorm_reshape_softmax_nc_f32(op, keys, keys, keys, rows, nullptr) != xnn_status_success ||
      attnorm_setup_softmax_nc_f32(op, x.data(), y.data()) != xnn_status_success) {
    state.SkipWithError("softmax setup failed");
    return;
  }
  for (auto _ : state) {
    attnorm_run_operator(op, nullptr);
    benchmark::ClobberMemory();
  }
  attnorm_delete_operator(op);
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kElements));
}

}  // namespace

BENCHMARK(Ours)->Name("softmax_log2/attnorm")->Arg(128)->Arg(4096)->Arg(1 << 20)->UseRealTime();
BENCHMARK(SoftmaxThenLoop)->Name("softmax_log2/attnorm softmax + C loop -O3")->Arg(128)->Arg(4096)->Arg(1 << 20)->UseRealTime();
BENCHMARK(Softmax)->Name("softmax/attnorm auto")->Arg(128)->Arg(4096)->Arg(1 << 20)->UseRealTime();

BENCHMARK_MAIN();
