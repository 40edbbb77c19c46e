// The variants table of the headline benchmark (bench/variants-headline.cc):
// each attention-normalization variant's elements/ns at 128, 4K and 1M keys,
// next to attnorm's softmax on the same shape and next to the most direct peer
// formulation, all measured in one run.
//
// Every variant registers its implementations from its own file
// bench/variants/<op>.cc (the BUILD globs the folder):
//
//   static const bool registered = attnorm_variants::Register(
//       "sigmoid_attention", "attnorm", attnorm_variants::Role::kOurs,
//       [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run { ... });
//
// `prepare` runs once per shape, outside the timing: it creates, reshapes and
// sets up an operator (or allocates a peer's buffers) and returns the call that
// is timed; it returns an empty Run (and may print why) when the
// implementation cannot run that shape. Resources are released when the
// returned Run is destroyed (capture a std::shared_ptr with a deleter).
#pragma once

#include <cstddef>
#include <functional>

namespace attnorm_variants {

// rows x keys logits, contiguous (stride = keys), U[-10, 10] from a fixed
// seed; `output` has rows x keys floats. Rows = 1M / keys for keys <= 4K
// (a 4 MiB problem, in cache as in the softmax table), one row of 1M keys.
struct Shape {
  size_t rows;
  size_t keys;
  const float* input;
  float* output;
};

using Run = std::function<void()>;
using Prepare = std::function<Run(const Shape& shape)>;

enum class Role {
  kOurs,  // an attnorm operator computing the variant
  kPeer,  // the most direct way a user computes it today (oneDNN / XNNPACK / plain -O3 C loop)
};

// Registers one implementation of `op` (the public operator name without
// attnorm_ and _nc_f32, e.g. "sigmoid_attention"). Returns true.
bool Register(const char* op, const char* impl, Role role, Prepare prepare);

}  // namespace attnorm_variants
