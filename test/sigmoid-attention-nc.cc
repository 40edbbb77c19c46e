// Operator tests: sigmoid attention through every ISA path the CPU has (forced
// with ATTNORM_FLAG_FORCE_*), against a long-double reference
// (test/sigstable-operator-tester.h; the cases in test/sigstable-nc-tests.h).
#include "test/sigstable-nc-tests.h"

namespace sigstable_test {
namespace {

const OpParam kOps[] = {{"sigmoid_attention", SigStableOp::kSigmoid}};

INSTANTIATE_TEST_SUITE_P(, SigStableNC,
                         ::testing::Combine(::testing::ValuesIn(TargetIsaPaths()), ::testing::ValuesIn(kOps)),
                         ParamName);

// ---- Invalid parameters and states ------------------------------------------------

class SigmoidAttentionNCErrors : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(xnn_status_success, attnorm_initialize()); }
};

TEST_F(SigmoidAttentionNCErrors, create_rejects_bad_arguments) {
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(uintptr_t(1));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_sigmoid_attention_nc_f32(1.0f, 0.0f, 0, nullptr));
  for (float scale : {0.0f, -0.0f, -1.0f, inf, -inf, nan}) {
    op = reinterpret_cast<attnorm_operator_t>(uintptr_t(1));
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_sigmoid_attention_nc_f32(scale, 0.0f, 0, &op)) << scale;
    EXPECT_EQ(op, nullptr);
  }
  for (float bias : {inf, -inf, nan}) {
    op = reinterpret_cast<attnorm_operator_t>(uintptr_t(1));
    EXPECT_EQ(xnn_status_invalid_parameter, attnorm_create_sigmoid_attention_nc_f32(1.0f, bias, 0, &op)) << bias;
    EXPECT_EQ(op, nullptr);
  }
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_sigmoid_attention_nc_f32(1.0f, 0.0f, UINT32_C(0x80000000), &op));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_create_sigmoid_attention_nc_f32(1.0f, 0.0f, ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2,
                                                    &op));
#if defined(__x86_64__)
  EXPECT_EQ(xnn_status_unsupported_hardware,
            attnorm_create_sigmoid_attention_nc_f32(1.0f, 0.0f, ATTNORM_FLAG_FORCE_NEON, &op));
#endif
  EXPECT_EQ(op, nullptr);
}

TEST_F(SigmoidAttentionNCErrors, reshape_setup_run_order) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_sigmoid_attention_nc_f32(1.0f, 0.0f, 0, &op));
  std::vector<float> input(40, 0.0f), output(40, -1.0f);
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_setup_sigmoid_attention_nc_f32(op, input.data(), output.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_sigmoid_attention_nc_f32(op, 0, 1, 1, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 9, 10, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 10, 9, 1, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_reshape_sigmoid_attention_nc_f32(op, 10, SIZE_MAX / 2, 10, 1000, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_sigmoid_attention_nc_f32(nullptr, 10, 10, 10, 1, nullptr));
  // An operator of another type is rejected.
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_reshape_stablemax_nc_f32(op, 10, 10, 10, 4, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_sigmoid_attention_nc_f32(op, nullptr, output.data()));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_sigmoid_attention_nc_f32(op, input.data(), nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter,
            attnorm_setup_sigmoid_attention_nc_f32(op, input.data(), input.data() + 5));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_stablemax_nc_f32(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_setup_sigmoid_attention_nc_f32(op, input.data(), output.data()));
  ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(output[0], 0.5f);
  ASSERT_EQ(xnn_status_success, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 10, 10, 4, nullptr));
  EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

TEST_F(SigmoidAttentionNCErrors, in_place_needs_equal_strides_and_batch_zero_is_a_no_op) {
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, attnorm_create_sigmoid_attention_nc_f32(0.5f, -1.0f, 0, &op));
  std::vector<float> buffer(100, 0.0f);
  ASSERT_EQ(xnn_status_success, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 10, 20, 3, nullptr));
  EXPECT_EQ(xnn_status_invalid_parameter, attnorm_setup_sigmoid_attention_nc_f32(op, buffer.data(), buffer.data()));
  ASSERT_EQ(xnn_status_success, attnorm_reshape_sigmoid_attention_nc_f32(op, 10, 10, 10, 0, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_setup_sigmoid_attention_nc_f32(op, nullptr, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

}  // namespace
}  // namespace sigstable_test
