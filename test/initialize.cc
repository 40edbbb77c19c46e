// Before attnorm_initialize(), every create call says so. Its own binary: the
// library state is per process.
#include <gtest/gtest.h>

#include <attnorm.h>

TEST(Initialize, create_before_initialize_is_uninitialized) {
  attnorm_operator_t op = nullptr;
  EXPECT_EQ(xnn_status_uninitialized,
            attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op));
  EXPECT_EQ(xnn_status_uninitialized, attnorm_create_log_softmax_nc_f32(1.0f, 0, &op));
  EXPECT_EQ(op, nullptr);
  ASSERT_EQ(xnn_status_success, attnorm_initialize());
  ASSERT_EQ(xnn_status_success, attnorm_initialize());  // idempotent
  ASSERT_EQ(xnn_status_success, attnorm_create_log_softmax_nc_f32(1.0f, 0, &op));
  EXPECT_EQ(xnn_status_success, attnorm_delete_operator(op));
}
