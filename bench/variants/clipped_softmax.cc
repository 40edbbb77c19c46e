// Clipped softmax in the variants table: attnorm's operator (zeta = 1,
// gamma = -4 / keys, the paper's alpha = 4 over the sequence length) against
// the ways a user composes it today: oneDNN softmax followed by oneDNN eltwise
// linear ((zeta - gamma) * p + gamma) and eltwise clip [0, 1], each in place on
// the output; and oneDNN softmax followed by one plain C loop compiled -O3.
#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <dnnl.hpp>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace {

float GammaOf(size_t keys) { return -4.0f / float(keys); }

const bool attnorm_registered = attnorm_variants::Register(
    "clipped_softmax", "attnorm", attnorm_variants::Role::kOurs,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      attnorm_operator_t op = nullptr;
      if (attnorm_create_clipped_softmax_nc_f32(1.0f, 1.0f, GammaOf(shape.keys), 0, &op) != xnn_status_success) {
        return {};
      }
      std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
      if (attnorm_reshape_clipped_softmax_nc_f32(op, shape.keys, shape.keys, shape.keys, shape.rows, nullptr) !=
              xnn_status_success ||
          attnorm_setup_clipped_softmax_nc_f32(op, shape.input, shape.output) != xnn_status_success) {
        return {};
      }
      return [owner]() { attnorm_run_operator(owner.get(), nullptr); };
    });

// oneDNN softmax + optional eltwise linear and clip, in place on the output.
struct OnednnClipped {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  dnnl::softmax_forward softmax;
  dnnl::eltwise_forward linear, clip;
  dnnl::memory src, dst;
};

std::shared_ptr<OnednnClipped> MakeOnednn(const attnorm_variants::Shape& shape, bool eltwise) {
  omp_set_num_threads(1);
  try {
    auto o = std::make_shared<OnednnClipped>();
    const dnnl::memory::desc md({dnnl::memory::dim(shape.rows), dnnl::memory::dim(shape.keys)},
                                dnnl::memory::data_type::f32, dnnl::memory::format_tag::ab);
    o->softmax = dnnl::softmax_forward(dnnl::softmax_forward::primitive_desc(
        dnnl::softmax_forward::desc(dnnl::prop_kind::forward_inference, md, 1), o->engine));
    if (eltwise) {
      const float gamma = GammaOf(shape.keys);
      o->linear = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(
          dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_linear, md,
                                      1.0f - gamma, gamma),
          o->engine));
      o->clip = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(
          dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_clip, md, 0.0f,
                                      1.0f),
          o->engine));
    }
    o->src = dnnl::memory(md, o->engine, const_cast<float*>(shape.input));
    o->dst = dnnl::memory(md, o->engine, shape.output);
    return o;
  } catch (const dnnl::error& e) {
    std::fprintf(stderr, "clipped_softmax peer: oneDNN: %s\n", e.what());
    return nullptr;
  }
}

const bool onednn_registered = attnorm_variants::Register(
    "clipped_softmax", "oneDNN softmax + eltwise linear + clip", attnorm_variants::Role::kPeer,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      std::shared_ptr<OnednnClipped> o = MakeOnednn(shape, true);
      if (o == nullptr) return {};
      return [o]() {
        o->softmax.execute(o->stream, {{DNNL_ARG_SRC, o->src}, {DNNL_ARG_DST, o->dst}});
        o->linear.execute(o->stream, {{DNNL_ARG_SRC, o->dst}, {DNNL_ARG_DST, o->dst}});
        o->clip.execute(o->stream, {{DNNL_ARG_SRC, o->dst}, {DNNL_ARG_DST, o->dst}});
        o->stream.wait();
      };
    });

__attribute__((noinline, optimize("O3"))) void ClipLoop(float* y, size_t n, float a, float gamma) {
  for (size_t i = 0; i < n; i++) {
    y[i] = std::min(std::max(y[i] * a + gamma, 0.0f), 1.0f);
  }
}

const bool onednn_loop_registered = attnorm_variants::Register(
    "clipped_softmax", "oneDNN softmax + C loop -O3", attnorm_variants::Role::kPeer,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      std::shared_ptr<OnednnClipped> o = MakeOnednn(shape, false);
      if (o == nullptr) return {};
      const size_t n = shape.rows * shape.keys;
      float* y = shape.output;
      const float gamma = GammaOf(shape.keys);
      return [o, n, y, gamma]() {
        o->softmax.execute(o->stream, {{DNNL_ARG_SRC, o->src}, {DNNL_ARG_DST, o->dst}});
        o->stream.wait();
        ClipLoop(y, n, 1.0f - gamma, gamma);
      };
    });

}  // namespace
