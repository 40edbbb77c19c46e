// StableMax and LogStableMax in the variants table: attnorm's operators, and
// the peer no library ships: a plain two-pass C loop (the reference code's
// formula, float sums as a user writes them), compiled -O3 for the x86-64
// baseline (this file's functions; GCC does not vectorize the float sum without
// -ffast-math), and the same loops with AVX2+FMA enabled.
#pragma GCC optimize("O3")

#include <cmath>
#include <cstddef>
#include <memory>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace {

constexpr float kScale = 0.125f;

#define STABLEMAX_LOOPS(suffix, attributes)                                                              \
  attributes void StableMaxLoop##suffix(size_t rows, size_t keys, const float* x, float* y, float scale) { \
    for (size_t r = 0; r < rows; r++, x += keys, y += keys) {                                            \
      float sum = 0.0f;                                                                                  \
      for (size_t i = 0; i < keys; i++) {                                                                \
        const float z = scale * x[i];                                                                    \
        sum += z >= 0.0f ? z + 1.0f : 1.0f / (1.0f - z);                                                 \
      }                                                                                                  \
      const float inv = 1.0f / sum;                                                                      \
      for (size_t i = 0; i < keys; i++) {                                                                \
        const float z = scale * x[i];                                                                    \
        y[i] = (z >= 0.0f ? z + 1.0f : 1.0f / (1.0f - z)) * inv;                                         \
      }                                                                                                  \
    }                                                                                                    \
  }                                                                                                      \
  attributes void LogStableMaxLoop##suffix(size_t rows, size_t keys, const float* x, float* y, float scale) { \
    for (size_t r = 0; r < rows; r++, x += keys, y += keys) {                                            \
      float sum = 0.0f;                                                                                  \
      for (size_t i = 0; i < keys; i++) {                                                                \
        const float z = scale * x[i];                                                                    \
        sum += z >= 0.0f ? z + 1.0f : 1.0f / (1.0f - z);                                                 \
      }                                                                                                  \
      const float log_sum = std::log(sum);                                                               \
      for (size_t i = 0; i < keys; i++) {                                                                \
        const float z = scale * x[i];                                                                    \
        y[i] = std::log(z >= 0.0f ? z + 1.0f : 1.0f / (1.0f - z)) - log_sum;                             \
      }                                                                                                  \
    }                                                                                                    \
  }

STABLEMAX_LOOPS(Baseline, __attribute__((noinline)))
STABLEMAX_LOOPS(Avx2, __attribute__((noinline, target("avx2,fma"))))

template <bool kLog>
attnorm_variants::Run Ours(const attnorm_variants::Shape& shape) {
  attnorm_operator_t op = nullptr;
  if ((kLog ? attnorm_create_log_stablemax_nc_f32(kScale, 0, &op) : attnorm_create_stablemax_nc_f32(kScale, 0, &op)) !=
      xnn_status_success) {
    return {};
  }
  std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
  const size_t k = shape.keys;
  if ((kLog ? attnorm_reshape_log_stablemax_nc_f32(op, k, k, k, shape.rows, nullptr)
            : attnorm_reshape_stablemax_nc_f32(op, k, k, k, shape.rows, nullptr)) != xnn_status_success ||
      (kLog ? attnorm_setup_log_stablemax_nc_f32(op, shape.input, shape.output)
            : attnorm_setup_stablemax_nc_f32(op, shape.input, shape.output)) != xnn_status_success) {
    return {};
  }
  return [owner]() { attnorm_run_operator(owner.get(), nullptr); };
}

using Loop = void (*)(size_t, size_t, const float*, float*, float);

attnorm_variants::Prepare Peer(Loop loop) {
  return [loop](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
    return [loop, shape]() { loop(shape.rows, shape.keys, shape.input, shape.output, kScale); };
  };
}

const bool registered[] = {
  attnorm_variants::Register("stablemax", "attnorm", attnorm_variants::Role::kOurs, Ours<false>),
  attnorm_variants::Register("stablemax", "C loop -O3 (x86-64 baseline)", attnorm_variants::Role::kPeer,
                             Peer(StableMaxLoopBaseline)),
  attnorm_variants::Register("stablemax", "C loop -O3 -mavx2 -mfma", attnorm_variants::Role::kPeer,
                             Peer(StableMaxLoopAvx2)),
  attnorm_variants::Register("log_stablemax", "attnorm", attnorm_variants::Role::kOurs, Ours<true>),
  attnorm_variants::Register("log_stablemax", "C loop -O3 (x86-64 baseline)", attnorm_variants::Role::kPeer,
                             Peer(LogStableMaxLoopBaseline)),
  attnorm_variants::Register("log_stablemax", "C loop -O3 -mavx2 -mfma", attnorm_variants::Role::kPeer,
                             Peer(LogStableMaxLoopAvx2)),
};

}  // namespace
