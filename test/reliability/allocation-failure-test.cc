// Allocation failure: every allocation the engine makes during create and
// reshape (operators/allocator.h) fails in turn. The call that hits it returns
// xnn_status_out_of_memory (create also leaves *op NULL), the operator stays
// deletable and, once memory is back, usable (reshape, setup, run give the
// right result), and nothing leaks: the test counts live blocks itself, and
// LeakSanitizer checks under --config=asan (detect_leaks=1 in .bazelrc).
#include <cstdint>
#include <cstdlib>
#include <vector>

#include <gtest/gtest.h>

#include "operators/allocator.h"
#include "test/reliability/operator-table.h"

namespace attnorm_reliability {
namespace {

constexpr size_t kNever = SIZE_MAX;

struct FailingAllocator {
  static size_t calls;    // allocations attempted so far
  static size_t fail_at;  // the attempt that fails (kNever: none)
  static long live;       // blocks allocated and not freed

  static bool ShouldFail() { return calls++ == fail_at; }
  static void* AllocateZeroed(size_t count, size_t size) {
    if (ShouldFail()) return nullptr;
    void* p = calloc(count, size);
    if (p != nullptr) live++;
    return p;
  }
  static void* Reallocate(void* pointer, size_t size) {
    if (ShouldFail()) return nullptr;  // like realloc: the old block stays valid
    void* p = realloc(pointer, size);
    if (p != nullptr && pointer == nullptr) live++;
    return p;
  }
  static void Free(void* pointer) {
    if (pointer != nullptr) live--;
    free(pointer);
  }
};
size_t FailingAllocator::calls = 0;
size_t FailingAllocator::fail_at = kNever;
long FailingAllocator::live = 0;

const struct attnorm_allocator kFailingAllocator = {FailingAllocator::AllocateZeroed, FailingAllocator::Reallocate,
                                                   FailingAllocator::Free};

// A scenario: create, then reshape to each shape in turn (channels, batch).
struct Shape {
  size_t channels, batch;
};
const std::vector<std::vector<Shape>>& Scenarios() {
  static const std::vector<std::vector<Shape>> scenarios = {
      {},                                       // create only
      {{40000, 3}},                             // create + tiled reshape (tile scratch)
      {{8, 2}, {70000, 2}, {100000, 4}},        // short, tiled, larger tiled (the scratch grows)
      {{200000, 1}, {33000, 2}},                // auto picks another algorithm on the way
  };
  return scenarios;
}

size_t g_failure_points = 0;

class AllocationFailure : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    ASSERT_EQ(xnn_status_success, attnorm_initialize());
    attnorm_set_allocator_for_testing(&kFailingAllocator);
  }
  void TearDown() override { attnorm_set_allocator_for_testing(nullptr); }
  const Row& row() const { return Operators()[GetParam()]; }

  // Runs reshape + setup + run of `shape` on op and checks the output.
  void RunAndCheck(attnorm_operator_t op, const Shape& shape) {
    std::vector<float> x(shape.channels * shape.batch), y(x.size());
    for (size_t i = 0; i < x.size(); i++) x[i] = (float) ((i * 17) % 61) * 0.25f - 7.0f;
    ASSERT_EQ(xnn_status_success, row().reshape(op, shape.channels, shape.channels, shape.channels, shape.batch,
                                                nullptr));
    ASSERT_EQ(xnn_status_success, row().setup(op, x.data(), y.data()));
    ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr));
    std::vector<long double> scratch;
    for (size_t b = 0; b < shape.batch; b++) {
      ASSERT_EQ(shape.channels, FirstMismatch(row(), row().defaults, shape.channels, x.data() + b * shape.channels,
                                              y.data() + b * shape.channels, scratch));
    }
  }
};

TEST_P(AllocationFailure, every_allocation_of_create_and_reshape_fails_in_turn) {
  for (const std::vector<Shape>& scenario : Scenarios()) {
    // Dry run: how many allocations the scenario makes.
    FailingAllocator::calls = 0;
    FailingAllocator::fail_at = kNever;
    attnorm_operator_t op = nullptr;
    ASSERT_EQ(xnn_status_success, row().create(row().defaults, 0, &op));
    for (const Shape& s : scenario) {
      ASSERT_EQ(xnn_status_success, row().reshape(op, s.channels, s.channels, s.channels, s.batch, nullptr));
    }
    ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
    const size_t allocations = FailingAllocator::calls;
    ASSERT_GE(allocations, 1u);  // at least the operator itself
    ASSERT_EQ(0, FailingAllocator::live);

    for (size_t k = 0; k < allocations; k++) {
      FailingAllocator::calls = 0;
      FailingAllocator::fail_at = k;
      op = reinterpret_cast<attnorm_operator_t>(uintptr_t(0xDEAD));
      enum xnn_status status = row().create(row().defaults, 0, &op);
      size_t step = 0;
      if (k == 0) {
        // The operator object itself.
        ASSERT_EQ(xnn_status_out_of_memory, status);
        ASSERT_EQ(nullptr, op);
      } else {
        ASSERT_EQ(xnn_status_success, status);
        for (; step < scenario.size(); step++) {
          const Shape& s = scenario[step];
          const size_t before = FailingAllocator::calls;
          status = row().reshape(op, s.channels, s.channels, s.channels, s.batch, nullptr);
          if (before <= k && k < FailingAllocator::calls) {
            ASSERT_EQ(xnn_status_out_of_memory, status) << "allocation " << k << ", reshape " << step;
            // The failed reshape leaves the operator waiting for a reshape.
            std::vector<float> x(s.channels), y(s.channels);
            EXPECT_EQ(xnn_status_invalid_state, row().setup(op, x.data(), y.data()));
            EXPECT_EQ(xnn_status_invalid_state, attnorm_run_operator(op, nullptr));
            break;
          }
          ASSERT_EQ(xnn_status_success, status) << "allocation " << k << ", reshape " << step;
        }
        ASSERT_LT(step, scenario.size()) << "allocation " << k << " was not reached";
        // Memory is back: the same operator works for the shape that failed.
        FailingAllocator::fail_at = kNever;
        RunAndCheck(op, scenario[step]);
        if (HasFatalFailure()) return;
        ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
      }
      ASSERT_EQ(0, FailingAllocator::live) << "leak after failing allocation " << k;
      g_failure_points++;
    }
  }
  // Deletable right after a failure, without recovering first.
  FailingAllocator::calls = 0;
  FailingAllocator::fail_at = 1;
  attnorm_operator_t op = nullptr;
  ASSERT_EQ(xnn_status_success, row().create(row().defaults, 0, &op));
  ASSERT_EQ(xnn_status_out_of_memory, row().reshape(op, 40000, 40000, 40000, 3, nullptr));
  ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
  ASSERT_EQ(0, FailingAllocator::live);
}

std::string RowName(const ::testing::TestParamInfo<size_t>& info) { return Operators()[info.param].name; }

INSTANTIATE_TEST_SUITE_P(Operators, AllocationFailure, ::testing::Range<size_t>(0, Operators().size()), RowName);

class CountPrinter : public ::testing::Environment {
 public:
  void TearDown() override { printf("allocation failure points tested: %zu\n", g_failure_points); }
};
const auto* const kCountPrinter = ::testing::AddGlobalTestEnvironment(new CountPrinter);

}  // namespace
}  // namespace attnorm_reliability
