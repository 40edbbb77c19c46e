// Helpers shared by the microkernel benchmarks.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "src/hardware-config.h"

namespace attnorm {
namespace bench {

// Row lengths (floats) every microkernel benchmark runs: 128 (a short
// attention row: call overhead and remainders count) and 1K..256K stay in
// cache; 1M and 16M fit this VM's (reported) 508 MiB L3; 64M and 128M stream
// from DRAM.
inline void RowLengths(benchmark::internal::Benchmark* b) {
  b->ArgName("n");
  for (int64_t n : {128, 1024, 4096, 16384, 65536, 262144, 1048576, 16777216, 67108864, 134217728}) {
    b->Arg(n);
  }
}

// Skips the benchmark (reported as skipped with a message, not failed) when
// the CPU lacks the ISA. Returns false when skipped.
inline bool CheckIsa(benchmark::State& state, enum attnorm_isa isa) {
  if (!attnorm_isa_supported(isa)) {
    state.SkipWithError("CPU lacks this ISA (skipped)");
    return false;
  }
  return true;
}

// Rows below this many bytes are measured in cache: one set of buffers is
// reused. Longer rows rotate over enough sets to cover 1 GiB (twice the L3 this
// VM reports), so each iteration streams from DRAM.
constexpr size_t kInCacheBytes = size_t(4) << 20;
constexpr size_t kRotationBytes = size_t(1) << 30;

// A set of `count` rows of `elements` floats, filled from a small random
// pattern (cheap to initialize at 128M) drawn from U[lo, hi].
class RotatingRows {
 public:
  RotatingRows(size_t elements, size_t buffers_per_set, float lo, float hi) : elements_(elements) {
    const size_t set_bytes = elements * sizeof(float) * buffers_per_set;
    sets_ = set_bytes < kInCacheBytes ? 1 : std::max<size_t>(1, (kRotationBytes + set_bytes - 1) / set_bytes);
    std::vector<float> pattern(4093);
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> dist(lo, hi);
    for (float& x : pattern) x = dist(rng);
    rows_.resize(sets_ * buffers_per_set);
    for (size_t r = 0; r < rows_.size(); r++) {
      rows_[r].resize(elements);
      for (size_t i = 0; i < elements; i++) rows_[r][i] = pattern[(i + r * 7) % pattern.size()];
    }
    per_set_ = buffers_per_set;
  }
  // Buffer `which` of the set used by `iteration`.
  float* row(size_t iteration, size_t which) { return rows_[(iteration % sets_) * per_set_ + which].data(); }
  size_t elements() const { return elements_; }

 private:
  size_t elements_;
  size_t sets_;
  size_t per_set_;
  std::vector<std::vector<float>> rows_;
};

// Sets the elements and bytes rate counters.
inline void SetRates(benchmark::State& state, size_t elements, size_t bytes_per_element) {
  const double iterations = static_cast<double>(state.iterations());
  state.counters["elements"] = benchmark::Counter(iterations * elements, benchmark::Counter::kIsRate);
  state.counters["bytes"] = benchmark::Counter(iterations * elements * bytes_per_element, benchmark::Counter::kIsRate);
}

}  // namespace bench
}  // namespace attnorm
