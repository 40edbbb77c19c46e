// Softplus attention (LSSA / LSSAR) in the variants table: attnorm's operator
// with p = 0 (LSSA) and p = 15 (LSSAR, the paper's long-context power), with and
// without ATTNORM_FLAG_SCALE_BY_LOG_LENGTH, and the peer a user composes today
// from oneDNN 2.6: eltwise soft_relu (y = log(1 + exp(x))), a sum reduction per
// row, a binary division by the row sums (3 primitives, 3 reads + 2 writes; no
// re-weighting, so it is the peer of p = 0).
#include <omp.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include <dnnl.hpp>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace {

using attnorm_variants::Role;
using attnorm_variants::Run;
using attnorm_variants::Shape;

Run Ours(const Shape& shape, float scale, float power, uint32_t flags) {
  attnorm_operator_t op = nullptr;
  if (attnorm_create_softplus_attention_nc_f32(scale, power, flags, &op) != xnn_status_success) return {};
  std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
  if (attnorm_reshape_softplus_attention_nc_f32(op, shape.keys, shape.keys, shape.keys, shape.rows, nullptr) !=
          xnn_status_success ||
      attnorm_setup_softplus_attention_nc_f32(op, shape.input, shape.output) != xnn_status_success) {
    return {};
  }
  return [owner]() { attnorm_run_operator(owner.get(), nullptr); };
}

const bool registered_p0 = attnorm_variants::Register(
    "softplus_attention", "attnorm p=0", Role::kOurs,
    [](const Shape& shape) { return Ours(shape, 1.0f, 0.0f, 0); });
const bool registered_p0_loglen = attnorm_variants::Register(
    "softplus_attention", "attnorm p=0 loglen", Role::kOurs,
    [](const Shape& shape) { return Ours(shape, 0.125f, 0.0f, ATTNORM_FLAG_SCALE_BY_LOG_LENGTH); });
const bool registered_p15 = attnorm_variants::Register(
    "softplus_attention", "attnorm p=15", Role::kOurs,
    [](const Shape& shape) { return Ours(shape, 1.0f, 15.0f, 0); });
const bool registered_p15_loglen = attnorm_variants::Register(
    "softplus_attention", "attnorm p=15 loglen", Role::kOurs,
    [](const Shape& shape) { return Ours(shape, 0.125f, 15.0f, ATTNORM_FLAG_SCALE_BY_LOG_LENGTH); });

// oneDNN: soft_relu -> reduction sum over the row -> binary div (broadcast of the sums).
struct OnednnSoftplusNormalize {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  dnnl::eltwise_forward softplus;
  dnnl::reduction sum;
  dnnl::binary divide;
  dnnl::memory src, dst, sums;
};

const bool registered_peer = attnorm_variants::Register(
    "softplus_attention", "oneDNN soft_relu+sum+div", Role::kPeer, [](const Shape& shape) -> Run {
      omp_set_num_threads(1);  // the table is 1 thread
      try {
        auto p = std::make_shared<OnednnSoftplusNormalize>();
        using dt = dnnl::memory::data_type;
        using tag = dnnl::memory::format_tag;
        const dnnl::memory::desc md({dnnl::memory::dim(shape.rows), dnnl::memory::dim(shape.keys)}, dt::f32, tag::ab);
        const dnnl::memory::desc sums_md({dnnl::memory::dim(shape.rows), 1}, dt::f32, tag::ab);
        p->softplus = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(
            dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::eltwise_soft_relu, md,
                                        0.0f, 0.0f),
            p->engine));
        p->sum = dnnl::reduction(dnnl::reduction::primitive_desc(
            dnnl::reduction::desc(dnnl::algorithm::reduction_sum, md, sums_md, 0.0f, 0.0f), p->engine));
        p->divide = dnnl::binary(dnnl::binary::primitive_desc(
            dnnl::binary::desc(dnnl::algorithm::binary_div, md, sums_md, md), p->engine));
        p->src = dnnl::memory(md, p->engine, const_cast<float*>(shape.input));
        p->dst = dnnl::memory(md, p->engine, shape.output);
        p->sums = dnnl::memory(sums_md, p->engine);
        return [p]() {
          p->softplus.execute(p->stream, {{DNNL_ARG_SRC, p->src}, {DNNL_ARG_DST, p->dst}});
          p->sum.execute(p->stream, {{DNNL_ARG_SRC, p->dst}, {DNNL_ARG_DST, p->sums}});
          p->divide.execute(p->stream,
                            {{DNNL_ARG_SRC_0, p->dst}, {DNNL_ARG_SRC_1, p->sums}, {DNNL_ARG_DST, p->dst}});
          p->stream.wait();
        };
      } catch (const dnnl::error& e) {
        std::fprintf(stderr, "softplus_attention oneDNN peer: %s\n", e.what());
        return {};
      }
    });

}  // namespace
