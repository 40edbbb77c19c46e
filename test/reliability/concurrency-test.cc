// Concurrency: operators of every row of the operator table created, run and
// deleted at once from 4 threads; several callers sharing one pthreadpool at
// once; one operator run by several callers in turn. Every result is compared
// bit for bit with a single-threaded run (NULL threadpool) of the same input
// (ThreadSanitizer is not used: Debian's pthreadpool is not instrumented).
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <pthreadpool.h>

#include "test/reliability/operator-table.h"

namespace attnorm_reliability {
namespace {

using Pool = std::unique_ptr<pthreadpool, decltype(&pthreadpool_destroy)>;

struct Job {
  size_t row;
  size_t channels;
  size_t batch;
  std::vector<float> input;
  std::vector<float> expected;  // single-threaded output
};

std::vector<float> RunJob(const Job& job, pthreadpool_t pool, const std::vector<float>& input) {
  const Row& row = Operators()[job.row];
  std::vector<float> output(input.size());
  attnorm_operator_t op = nullptr;
  if (row.create(row.defaults, 0, &op) != xnn_status_success) return {};
  bool ok = row.reshape(op, job.channels, job.channels, job.channels, job.batch, pool) == xnn_status_success &&
            row.setup(op, input.data(), output.data()) == xnn_status_success &&
            attnorm_run_operator(op, pool) == xnn_status_success;
  ok &= attnorm_delete_operator(op) == xnn_status_success;
  return ok ? output : std::vector<float>();
}

// One job per (row, shape): short rows, rows of several tiles, rows with -inf.
std::vector<Job> MakeJobs() {
  static const size_t kShapes[][2] = {{7, 33}, {300, 17}, {5000, 5}, {70000, 2}};
  std::vector<Job> jobs;
  uint32_t state = 12345;
  for (size_t r = 0; r < Operators().size(); r++) {
    for (const auto& shape : kShapes) {
      Job job{r, shape[0], shape[1], std::vector<float>(shape[0] * shape[1]), {}};
      for (float& v : job.input) {
        state = state * 1664525u + 1013904223u;
        v = (state >> 28) == 0 ? -INFINITY : (float) (state >> 8) * 0x1.0p-24f * 30.0f - 15.0f;
      }
      job.expected = RunJob(job, nullptr, job.input);
      jobs.push_back(std::move(job));
    }
  }
  return jobs;
}

bool SameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && !a.empty() && memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

class Concurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(xnn_status_success, attnorm_initialize());
    jobs_ = MakeJobs();
    for (const Job& job : jobs_) ASSERT_FALSE(job.expected.empty()) << Operators()[job.row].name;
  }
  std::vector<Job> jobs_;
};

constexpr size_t kThreads = 4;
constexpr size_t kRounds = 6;

TEST_F(Concurrency, different_operators_from_4_threads_at_once) {
  // Each thread walks through every job from a different start, with its own
  // pool (threads 0, 1), or none (threads 2, 3).
  std::atomic<size_t> mismatches{0}, runs{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      Pool pool(t < 2 ? pthreadpool_create(2) : nullptr, pthreadpool_destroy);
      for (size_t round = 0; round < kRounds; round++) {
        for (size_t j = 0; j < jobs_.size(); j++) {
          const Job& job = jobs_[(j + t * 7 + round) % jobs_.size()];
          if (!SameBits(RunJob(job, pool.get(), job.input), job.expected)) mismatches++;
          runs++;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(0u, mismatches.load()) << "of " << runs.load() << " runs";
  printf("concurrent runs (4 threads, own operators): %zu\n", runs.load());
}

TEST_F(Concurrency, callers_sharing_one_threadpool_at_once) {
  Pool pool(pthreadpool_create(3), pthreadpool_destroy);
  std::atomic<size_t> mismatches{0}, runs{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      for (size_t round = 0; round < kRounds; round++) {
        for (size_t j = t; j < jobs_.size(); j += kThreads) {
          const Job& job = jobs_[(j + round) % jobs_.size()];
          if (!SameBits(RunJob(job, pool.get(), job.input), job.expected)) mismatches++;
          runs++;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(0u, mismatches.load()) << "of " << runs.load() << " runs";
  printf("concurrent runs (4 callers, one shared pool): %zu\n", runs.load());
}

TEST_F(Concurrency, one_operator_run_by_several_callers_in_turn) {
  // One operator per table row, shared by 4 callers that take turns (a mutex):
  // each reshapes it to its own job's shape, sets it up with its own buffers
  // and runs it on the shared pool.
  Pool pool(pthreadpool_create(2), pthreadpool_destroy);
  std::atomic<size_t> mismatches{0}, runs{0};
  for (size_t r = 0; r < Operators().size(); r++) {
    const Row& row = Operators()[r];
    attnorm_operator_t op = nullptr;
    ASSERT_EQ(xnn_status_success, row.create(row.defaults, 0, &op));
    std::mutex turn;
    std::vector<std::thread> threads;
    for (size_t t = 0; t < kThreads; t++) {
      threads.emplace_back([&, t] {
        for (size_t round = 0; round < kRounds; round++) {
          const Job& job = jobs_[r * 4 + (t + round) % 4];
          std::vector<float> output(job.input.size());
          std::lock_guard<std::mutex> lock(turn);
          const bool ok =
              row.reshape(op, job.channels, job.channels, job.channels, job.batch, pool.get()) == xnn_status_success &&
              row.setup(op, job.input.data(), output.data()) == xnn_status_success &&
              attnorm_run_operator(op, pool.get()) == xnn_status_success;
          if (!ok || !SameBits(output, job.expected)) mismatches++;
          runs++;
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
  }
  EXPECT_EQ(0u, mismatches.load()) << "of " << runs.load() << " runs";
  printf("runs of one shared operator by 4 callers in turn: %zu\n", runs.load());
}

}  // namespace
}  // namespace attnorm_reliability
