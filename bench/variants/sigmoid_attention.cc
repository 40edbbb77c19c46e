// Sigmoid attention in the variants table: attnorm's operator, and oneDNN's
// logistic eltwise after its linear eltwise (y = logistic(alpha * x + beta)):
// the most direct oneDNN composition (oneDNN 2.6's eltwise_logistic takes no
// alpha/beta). Two forms: one eltwise_linear primitive with an eltwise_logistic
// post-op (one pass, when the library accepts the post-op), and two primitives
// (linear into the output, then logistic in place). 1 thread (OpenMP).
#include <omp.h>

#include <cstdio>
#include <memory>

#include <dnnl.hpp>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace {

constexpr float kScale = 0.125f;       // 1 / sqrt(64)
constexpr float kBias = -7.6246189f;   // -ln(2048), the paper's bias

const bool ours = attnorm_variants::Register(
    "sigmoid_attention", "attnorm", attnorm_variants::Role::kOurs,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      attnorm_operator_t op = nullptr;
      if (attnorm_create_sigmoid_attention_nc_f32(kScale, kBias, 0, &op) != xnn_status_success) return {};
      std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
      if (attnorm_reshape_sigmoid_attention_nc_f32(op, shape.keys, shape.keys, shape.keys, shape.rows, nullptr) !=
              xnn_status_success ||
          attnorm_setup_sigmoid_attention_nc_f32(op, shape.input, shape.output) != xnn_status_success) {
        return {};
      }
      return [owner]() { attnorm_run_operator(owner.get(), nullptr); };
    });

struct Onednn {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  dnnl::memory src, dst;
  dnnl::eltwise_forward linear, logistic;
};

dnnl::memory::desc Desc(const attnorm_variants::Shape& shape) {
  return dnnl::memory::desc({dnnl::memory::dim(shape.rows), dnnl::memory::dim(shape.keys)},
                            dnnl::memory::data_type::f32, dnnl::memory::format_tag::ab);
}

const bool peer_post_op = attnorm_variants::Register(
    "sigmoid_attention", "oneDNN eltwise_linear + logistic post-op", attnorm_variants::Role::kPeer,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      omp_set_num_threads(1);
      try {
        auto o = std::make_shared<Onednn>();
        const dnnl::memory::desc md = Desc(shape);
        dnnl::post_ops ops;
        ops.append_eltwise(1.0f, dnnl::algorithm::eltwise_logistic, 0.0f, 0.0f);
        dnnl::primitive_attr attr;
        attr.set_post_ops(ops);
        dnnl::eltwise_forward::desc desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_linear, md,
                                         kScale, kBias);
        dnnl::eltwise_forward::primitive_desc pd(desc, attr, o->engine);
        o->linear = dnnl::eltwise_forward(pd);
        o->src = dnnl::memory(md, o->engine, const_cast<float*>(shape.input));
        o->dst = dnnl::memory(md, o->engine, shape.output);
        return [o]() {
          o->linear.execute(o->stream, {{DNNL_ARG_SRC, o->src}, {DNNL_ARG_DST, o->dst}});
          o->stream.wait();
        };
      } catch (const dnnl::error& e) {
        std::fprintf(stderr, "oneDNN eltwise_linear + logistic post-op: %s\n", e.what());
        return {};
      }
    });

const bool peer_two = attnorm_variants::Register(
    "sigmoid_attention", "oneDNN eltwise_linear then eltwise_logistic", attnorm_variants::Role::kPeer,
    [](const attnorm_variants::Shape& shape) -> attnorm_variants::Run {
      omp_set_num_threads(1);
      try {
        auto o = std::make_shared<Onednn>();
        const dnnl::memory::desc md = Desc(shape);
        dnnl::eltwise_forward::desc linear(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_linear, md,
                                           kScale, kBias);
        dnnl::eltwise_forward::desc logistic(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_logistic,
                                             md, 0.0f, 0.0f);
        o->linear = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(linear, o->engine));
        o->logistic = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(logistic, o->engine));
        o->src = dnnl::memory(md, o->engine, const_cast<float*>(shape.input));
        o->dst = dnnl::memory(md, o->engine, shape.output);
        return [o]() {
          o->linear.execute(o->stream, {{DNNL_ARG_SRC, o->src}, {DNNL_ARG_DST, o->dst}});
          o->logistic.execute(o->stream, {{DNNL_ARG_SRC, o->dst}, {DNNL_ARG_DST, o->dst}});
          o->stream.wait();
        };
      } catch (const dnnl::error& e) {
        std::fprintf(stderr, "oneDNN eltwise_linear then eltwise_logistic: %s\n", e.what());
        return {};
      }
    });

}  // namespace
