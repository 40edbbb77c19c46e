// The fused attention softmax in the variants table (bench/variants/variants.h): shape rows =
// heads * queries with heads = 8 (1 for a single row), queries = rows / heads, mask_stride =
// keys, the mask U[-2, 0] with 10% -inf, scale 0.125, soft-cap 30, ALiBi max bias 8, sinks
// U[-1, 3] per head, query scales U[0.5, 1.5].
//
//   ours:  attnorm with every feature on; attnorm with the mask only;
//   peers: oneDNN as a user composes it today (eltwise linear + tanh + linear, binary add of
//          the mask broadcast over heads, softmax; the mask-only form: linear, add, softmax),
//          the same with the eltwise/binary steps fused into one primitive by post-ops, and
//          a plain C loop (-O3) in llama.cpp's soft_max_ext style (scale, tanhf soft-cap, slope *
//          mask, max, expf, sum in double, sink, normalize). oneDNN has no sinks or ALiBi
//          slopes: its rows do less work than ours.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dnnl.hpp>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace {

using attnorm_variants::Role;
using attnorm_variants::Run;
using attnorm_variants::Shape;

constexpr float kScale = 0.125f;
constexpr float kSoftcap = 30.0f;
constexpr float kAlibi = 8.0f;

struct Side {
  size_t heads, queries;
  std::vector<float> mask, sinks, query_scales;
};

std::shared_ptr<Side> MakeSide(const Shape& shape) {
  auto side = std::make_shared<Side>();
  side->heads = shape.rows >= 8 ? 8 : 1;
  side->queries = shape.rows / side->heads;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> m(-2.0f, 0.0f), u(0.0f, 1.0f), s(-1.0f, 3.0f), q(0.5f, 1.5f);
  side->mask.resize(side->queries * shape.keys);
  for (float& v : side->mask) v = u(rng) < 0.1f ? -INFINITY : m(rng);
  for (size_t qi = 0; qi < side->queries; qi++) side->mask[qi * shape.keys + shape.keys - 1] = 0.0f;
  for (size_t h = 0; h < side->heads; h++) side->sinks.push_back(s(rng));
  for (size_t qi = 0; qi < side->queries; qi++) side->query_scales.push_back(q(rng));
  return side;
}

// Internal flags of src/attention-softmax-config.h (this target does not see that header):
// force the Two-Pass or the reload pass structure.
constexpr uint32_t kForceTwoPass = UINT32_C(0x00010000);
constexpr uint32_t kForceReload = UINT32_C(0x00020000);

Run Attnorm(const Shape& shape, bool all_features, uint32_t flags = 0) {
  auto side = MakeSide(shape);
  attnorm_operator_t op = nullptr;
  if (attnorm_create_attention_softmax_nc_f32(kScale, all_features ? kSoftcap : 0.0f, all_features ? kAlibi : 0.0f, flags,
                                              &op) != xnn_status_success) {
    return {};
  }
  std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
  if (attnorm_reshape_attention_softmax_nc_f32(op, side->heads, side->queries, shape.keys, shape.keys, shape.keys,
                                               shape.keys, nullptr) != xnn_status_success ||
      attnorm_setup_attention_softmax_nc_f32(op, shape.input, side->mask.data(),
                                             all_features ? side->sinks.data() : nullptr,
                                             all_features ? side->query_scales.data() : nullptr,
                                             shape.output) != xnn_status_success) {
    return {};
  }
  return [owner, side]() { attnorm_run_operator(owner.get(), nullptr); };
}

const bool ours_all = attnorm_variants::Register(
    "attention_softmax", "attnorm every feature (mask alibi cap sink qs)", Role::kOurs,
    [](const Shape& shape) { return Attnorm(shape, true); });
const bool ours_mask = attnorm_variants::Register(
    "attention_softmax", "attnorm mask only", Role::kOurs, [](const Shape& shape) { return Attnorm(shape, false); });
// The two pass structures, forced (the operator picks by row length).
const bool ours_all_two_pass = attnorm_variants::Register(
    "attention_softmax", "attnorm every feature, Two-Pass forced", Role::kOurs,
    [](const Shape& shape) { return Attnorm(shape, true, kForceTwoPass); });
const bool ours_all_reload = attnorm_variants::Register(
    "attention_softmax", "attnorm every feature, reload forced", Role::kOurs,
    [](const Shape& shape) { return Attnorm(shape, true, kForceReload); });
const bool ours_mask_two_pass = attnorm_variants::Register(
    "attention_softmax", "attnorm mask only, Two-Pass forced", Role::kOurs,
    [](const Shape& shape) { return Attnorm(shape, false, kForceTwoPass); });
const bool ours_mask_reload = attnorm_variants::Register(
    "attention_softmax", "attnorm mask only, reload forced", Role::kOurs,
    [](const Shape& shape) { return Attnorm(shape, false, kForceReload); });

// ---- oneDNN ---------------------------------------------------------------------------

struct Onednn {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  std::vector<std::pair<dnnl::primitive, std::unordered_map<int, dnnl::memory>>> steps;
  std::shared_ptr<Side> side;
};

Run OnednnCompose(const Shape& shape, bool softcap, bool fused) {
  auto o = std::make_shared<Onednn>();
  o->side = MakeSide(shape);
  try {
    using dims = dnnl::memory::dims;
    const auto f32 = dnnl::memory::data_type::f32;
    const dnnl::memory::dim H = o->side->heads, Q = o->side->queries, K = shape.keys;
    const dnnl::memory::desc md({H, Q, K}, f32, dnnl::memory::format_tag::abc);
    const dnnl::memory::desc mask_md({1, Q, K}, f32, dnnl::memory::format_tag::abc);
    dnnl::memory x(md, o->engine, const_cast<float*>(shape.input));
    dnnl::memory y(md, o->engine, shape.output);
    dnnl::memory mask(mask_md, o->engine, o->side->mask.data());
    const auto inference = dnnl::prop_kind::forward_inference;
    auto eltwise = [&](dnnl::algorithm alg, float alpha, float beta, const dnnl::memory& src) {
      dnnl::eltwise_forward::primitive_desc pd({inference, alg, md, alpha, beta}, o->engine);
      o->steps.push_back({dnnl::eltwise_forward(pd), {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, y}}});
    };
    if (fused) {
      // One eltwise primitive: linear(s / c) with post-ops tanh, linear(c), add mask.
      dnnl::post_ops ops;
      if (softcap) {
        ops.append_eltwise(1.0f, dnnl::algorithm::eltwise_tanh, 0.0f, 0.0f);
        ops.append_eltwise(1.0f, dnnl::algorithm::eltwise_linear, kSoftcap, 0.0f);
      }
      ops.append_binary(dnnl::algorithm::binary_add, mask_md);
      dnnl::primitive_attr attr;
      attr.set_post_ops(ops);
      const float alpha = softcap ? kScale / kSoftcap : kScale;
      dnnl::eltwise_forward::primitive_desc pd({inference, dnnl::algorithm::eltwise_linear, md, alpha, 0.0f}, attr,
                                               o->engine);
      const int binary_arg = DNNL_ARG_ATTR_MULTIPLE_POST_OP(softcap ? 2 : 0) | DNNL_ARG_SRC_1;
      o->steps.push_back({dnnl::eltwise_forward(pd), {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, y}, {binary_arg, mask}}});
    } else {
      if (softcap) {
        eltwise(dnnl::algorithm::eltwise_linear, kScale / kSoftcap, 0.0f, x);
        eltwise(dnnl::algorithm::eltwise_tanh, 0.0f, 0.0f, y);
        eltwise(dnnl::algorithm::eltwise_linear, kSoftcap, 0.0f, y);
      } else {
        eltwise(dnnl::algorithm::eltwise_linear, kScale, 0.0f, x);
      }
      dnnl::binary::primitive_desc pd({dnnl::algorithm::binary_add, md, mask_md, md}, o->engine);
      o->steps.push_back({dnnl::binary(pd), {{DNNL_ARG_SRC_0, y}, {DNNL_ARG_SRC_1, mask}, {DNNL_ARG_DST, y}}});
    }
    dnnl::softmax_forward::primitive_desc spd({inference, md, 2}, o->engine);
    o->steps.push_back({dnnl::softmax_forward(spd), {{DNNL_ARG_SRC, y}, {DNNL_ARG_DST, y}}});
    (void) dims();
  } catch (const dnnl::error& e) {
    std::fprintf(stderr, "oneDNN attention peer: %s\n", e.what());
    return {};
  }
  return [o]() {
    for (auto& step : o->steps) step.first.execute(o->stream, step.second);
    o->stream.wait();
  };
}

const bool onednn_all = attnorm_variants::Register(
    "attention_softmax", "oneDNN linear+tanh+linear, add, softmax", Role::kPeer,
    [](const Shape& shape) { return OnednnCompose(shape, true, false); });
const bool onednn_all_fused = attnorm_variants::Register(
    "attention_softmax", "oneDNN linear+post-ops(tanh,linear,add), softmax", Role::kPeer,
    [](const Shape& shape) { return OnednnCompose(shape, true, true); });
const bool onednn_mask = attnorm_variants::Register(
    "attention_softmax", "oneDNN linear, add, softmax (mask only)", Role::kPeer,
    [](const Shape& shape) { return OnednnCompose(shape, false, false); });

// ---- A plain C loop in llama.cpp's soft_max_ext style, -O3 ---------------------------------

__attribute__((optimize("O3"))) void LoopRow(const float* x, const float* mask, float* y, size_t keys, float scale,
                                             float softcap, float slope, float sink) {
  float max = -INFINITY;
  for (size_t i = 0; i < keys; i++) {
    float z = scale * x[i];
    if (softcap > 0.0f) z = softcap * tanhf(z / softcap);
    z += slope * mask[i];
    y[i] = z;
    max = z > max ? z : max;
  }
  max = sink > max ? sink : max;
  double sum = 0.0;
  for (size_t i = 0; i < keys; i++) {
    const float e = expf(y[i] - max);
    y[i] = e;
    sum += (double) e;
  }
  sum += (double) expf(sink - max);
  const float inv = (float) (1.0 / sum);
  for (size_t i = 0; i < keys; i++) y[i] *= inv;
}

const bool loop_all = attnorm_variants::Register(
    "attention_softmax", "C loop -O3 llama.cpp soft_max_ext style, every feature", Role::kPeer,
    [](const Shape& shape) -> Run {
      auto side = MakeSide(shape);
      return [side, shape]() {
        const size_t n = side->heads;
        unsigned log2 = 0;
        while ((2u << log2) <= n) log2++;
        const unsigned n_head_log2 = 1u << log2;
        const float m0 = powf(2.0f, -kAlibi / n_head_log2);
        const float m1 = powf(2.0f, -kAlibi / 2.0f / n_head_log2);
        for (size_t h = 0; h < side->heads; h++) {
          const float slope = h < n_head_log2 ? powf(m0, h + 1) : powf(m1, 2 * (h - n_head_log2) + 1);
          for (size_t q = 0; q < side->queries; q++) {
            const size_t r = h * side->queries + q;
            LoopRow(shape.input + r * shape.keys, side->mask.data() + q * shape.keys, shape.output + r * shape.keys,
                    shape.keys, kScale * side->query_scales[q], kSoftcap, slope, side->sinks[h]);
          }
        }
      };
    });

}  // namespace
