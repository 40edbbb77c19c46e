// The headline benchmark: f32 softmax throughput of attnorm's four algorithms
// (each forced to AVX512F and to AVX2, plus auto) against XNNPACK's and
// oneDNN's softmax operators and against the memory-bandwidth bound, over
// in-cache problems (many rows of 128, 1K and 4K; a 4 MiB row of 1M) and
// out-of-cache rows (16M, 128M), for 1 thread and for all threads, in ONE run.
//
//   bazel run -c opt //:softmax_headline_bench -- --csv=results/softmax-headline.csv
//
// Bandwidth bound: a 2R+1W softmax reads the row twice and writes it once, so
// it cannot beat time(read pass) + time(copy pass) over the same buffers. The
// read pass is an AVX512 sum with 16 accumulators; the copy pass is the faster
// of an AVX512 load/store copy and glibc's memcpy at each cell (both are
// measured and printed). Each implementation is reported as bound_time /
// impl_time ("fraction of bound").
//
// Accuracy: before timing, every (implementation, length, threads) runs once
// on U[-10,10] and once on U[90,100] inputs and is compared against a
// double-precision softmax; the maximum relative error per element is the
// `max_rel_err` counter (outputs whose reference is below FLT_MIN count as
// exact if they are below FLT_MIN too). Checked up to --check_max_n elements
// per row (default 16M; the 128M row is not checked unless asked).
//
// Flags (besides Google Benchmark's):
//   --csv=PATH          CSV of every cell (default results/softmax-headline.csv,
//                       relative to $BUILD_WORKSPACE_DIRECTORY under bazel run)
//   --check_max_n=N     longest row whose accuracy is checked (default 16777216)
//   --big_min_time=S    min time of the rows of 64M+ elements (default 0.25)
//   --rounds=N          run the whole suite N times (default 5) and report each
//                       cell's fastest round (the CSV also has the median): the
//                       machine is shared and noisy, contention only ever slows
//                       a run down, and rounds spread a cell's samples over time
// Without --benchmark_min_time the run uses 0.05 s per benchmark and round.
#include <immintrin.h>
#include <omp.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <dnnl.hpp>
#include <pthreadpool.h>
#include <xnnpack.h>

#ifndef ATTNORM_HEADLINE_WITHOUT_OURS
#include <attnorm.h>
#endif

namespace {

// ---- What is measured ---------------------------------------------------------

enum class Kind { kOurs, kXnnpack, kOnednn, kRead, kCopyAvx512, kCopyMemcpy };

struct Impl {
  const char* name;   // short name: table rows, CSV, plot legend
  const char* label;  // long description
  Kind kind;
  int algorithm;      // attnorm_softmax_algorithm (ours only)
  uint32_t flags;     // attnorm creation flags (ours only)
};

#ifdef ATTNORM_HEADLINE_WITHOUT_OURS
#define ATTNORM_FLAG_FORCE_AVX2 UINT32_C(0x00000200)
#define ATTNORM_FLAG_FORCE_AVX512F UINT32_C(0x00000400)
enum { attnorm_softmax_algorithm_auto, attnorm_softmax_algorithm_two_pass,
       attnorm_softmax_algorithm_three_pass_reload, attnorm_softmax_algorithm_three_pass_recompute,
       attnorm_softmax_algorithm_online };
#endif

const Impl kImpls[] = {
#ifndef ATTNORM_HEADLINE_WITHOUT_OURS
    {"two_pass/avx512f", "attnorm two_pass, ATTNORM_FLAG_FORCE_AVX512F", Kind::kOurs,
     attnorm_softmax_algorithm_two_pass, ATTNORM_FLAG_FORCE_AVX512F},
    {"three_pass_reload/avx512f", "attnorm three_pass_reload, ATTNORM_FLAG_FORCE_AVX512F", Kind::kOurs,
     attnorm_softmax_algorithm_three_pass_reload, ATTNORM_FLAG_FORCE_AVX512F},
    {"three_pass_recompute/avx512f", "attnorm three_pass_recompute, ATTNORM_FLAG_FORCE_AVX512F", Kind::kOurs,
     attnorm_softmax_algorithm_three_pass_recompute, ATTNORM_FLAG_FORCE_AVX512F},
    {"online/avx512f", "attnorm online, ATTNORM_FLAG_FORCE_AVX512F", Kind::kOurs,
     attnorm_softmax_algorithm_online, ATTNORM_FLAG_FORCE_AVX512F},
    {"two_pass/avx2", "attnorm two_pass, ATTNORM_FLAG_FORCE_AVX2", Kind::kOurs,
     attnorm_softmax_algorithm_two_pass, ATTNORM_FLAG_FORCE_AVX2},
    {"three_pass_reload/avx2", "attnorm three_pass_reload, ATTNORM_FLAG_FORCE_AVX2", Kind::kOurs,
     attnorm_softmax_algorithm_three_pass_reload, ATTNORM_FLAG_FORCE_AVX2},
    {"three_pass_recompute/avx2", "attnorm three_pass_recompute, ATTNORM_FLAG_FORCE_AVX2", Kind::kOurs,
     attnorm_softmax_algorithm_three_pass_recompute, ATTNORM_FLAG_FORCE_AVX2},
    {"online/avx2", "attnorm online, ATTNORM_FLAG_FORCE_AVX2", Kind::kOurs,
     attnorm_softmax_algorithm_online, ATTNORM_FLAG_FORCE_AVX2},
    {"auto", "attnorm auto (no ISA flag)", Kind::kOurs, attnorm_softmax_algorithm_auto, 0},
#endif
    {"xnnpack", "XNNPACK xnn_create_softmax_nc_f32 (Debian libxnnpack, SSE2 kernels)", Kind::kXnnpack, 0, 0},
    {"onednn", "oneDNN softmax_forward, forward_inference, axis 1", Kind::kOnednn, 0, 0},
    {"bw/read", "bandwidth: AVX512 sum, 16 accumulators (1R)", Kind::kRead, 0, 0},
    {"bw/copy_avx512", "bandwidth: AVX512 loadu/storeu copy (1R+1W)", Kind::kCopyAvx512, 0, 0},
    {"bw/copy_memcpy", "bandwidth: glibc memcpy (1R+1W)", Kind::kCopyMemcpy, 0, 0},
};
constexpr size_t kNumImpls = sizeof(kImpls) / sizeof(kImpls[0]);

// Row lengths. Up to 4K: batch = 1M / n rows (a 4 MiB problem, in cache);
// 1M..128M: a single row.
const size_t kLengths[] = {128, 1024, 4096, size_t(1) << 20, size_t(16) << 20, size_t(128) << 20};
constexpr size_t kManyRowsElements = size_t(1) << 20;

size_t BatchFor(size_t n) { return n >= kManyRowsElements ? 1 : kManyRowsElements / n; }

// Problems up to this size are measured in cache (one buffer pair); longer
// ones rotate over buffer pairs covering kRotationBytes (twice the 508 MiB L3
// this VM reports; 16M: 8 pairs, 128M: 1 pair), continuing the rotation from
// one implementation to the next, so no iteration finds its data in cache.
constexpr size_t kInCacheBytes = size_t(4) << 20;
constexpr size_t kRotationBytes = size_t(1) << 30;

// ---- Settings from the command line -----------------------------------------

std::string g_csv_path = "results/softmax-headline.csv";
size_t g_check_max_n = size_t(16) << 20;
double g_big_min_time = 0.25;
int g_rounds = 5;
int g_max_threads = 1;
pthreadpool_t g_pool = nullptr;
std::string g_onednn_impl = "?";

// ---- Buffers ------------------------------------------------------------------

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};
template <typename T>
using Buffer = std::unique_ptr<T[], FreeDeleter>;

template <typename T>
Buffer<T> Allocate(size_t count) {
  const size_t bytes = std::max<size_t>(64, (count * sizeof(T) + (size_t(2) << 20) - 1) & ~((size_t(2) << 20) - 1));
  void* p = std::aligned_alloc(size_t(2) << 20, bytes);
  if (p == nullptr) {
    std::fprintf(stderr, "out of memory allocating %zu bytes\n", bytes);
    std::abort();
  }
  madvise(p, bytes, MADV_HUGEPAGE);  // the same for every implementation
  return Buffer<T>(static_cast<T*>(p));
}

// Fast deterministic U[lo, hi] fill (xorshift64*), cheap at 128M elements.
void FillUniform(float* x, size_t count, float lo, float hi, uint64_t seed) {
  uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
  const float scale = (hi - lo) / 16777216.0f;
  for (size_t i = 0; i < count; i++) {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    const uint32_t r = static_cast<uint32_t>((s * 0x2545F4914F6CDD1Dull) >> 40);  // 24 bits
    x[i] = lo + static_cast<float>(r) * scale;
  }
}

struct Distribution {
  const char* name;
  float lo, hi;
};
const Distribution kDistributions[] = {{"u10", -10.0f, 10.0f}, {"u90", 90.0f, 100.0f}};

// Everything for one row length; built when its first benchmark runs and kept
// until a benchmark of another length runs (benchmarks are registered grouped
// by length).
struct Context {
  size_t n = 0, batch = 0, total = 0, sets = 0;
  size_t next_set = 0;
  std::vector<Buffer<float>> in, out;  // timing buffers, U[-10,10] inputs
  bool checked = false;                 // accuracy inputs and references exist (EnsureCheckData)
  Buffer<float> check_in[2];
  Buffer<double> check_ref[2];
  Buffer<float> check_out;
};
std::unique_ptr<Context> g_ctx;

void ReferenceSoftmax(const float* x, double* y, size_t n, size_t batch) {
  for (size_t b = 0; b < batch; b++) {
    const float* xr = x + b * n;
    double* yr = y + b * n;
    double m = -INFINITY;
    for (size_t i = 0; i < n; i++) m = std::max(m, double(xr[i]));
    double s = 0.0;
    for (size_t i = 0; i < n; i++) s += (yr[i] = std::exp(double(xr[i]) - m));
    const double inv = 1.0 / s;
    for (size_t i = 0; i < n; i++) yr[i] *= inv;
  }
}

Context& GetContext(size_t n) {
  if (g_ctx && g_ctx->n == n) return *g_ctx;
  g_ctx.reset();  // release the previous length's buffers first
  std::unique_ptr<Context> c(new Context);
  c->n = n;
  c->batch = BatchFor(n);
  c->total = n * c->batch;
  const size_t bytes = c->total * sizeof(float);
  c->sets = bytes <= kInCacheBytes ? 1 : std::max<size_t>(1, (kRotationBytes + 2 * bytes - 1) / (2 * bytes));
  for (size_t s = 0; s < c->sets; s++) {
    c->in.push_back(Allocate<float>(c->total));
    c->out.push_back(Allocate<float>(c->total));
    FillUniform(c->in[s].get(), c->total, -10.0f, 10.0f, 1 + s);
    std::memset(c->out[s].get(), 0, bytes);  // fault the pages in now
  }
  g_ctx = std::move(c);
  return *g_ctx;
}

// The accuracy inputs and double references, built on first use (later rounds
// find every accuracy cached and skip them).
void EnsureCheckData(Context& c) {
  if (c.checked) return;
  c.checked = true;
  c.check_out = Allocate<float>(c.total);
  for (int d = 0; d < 2; d++) {
    c.check_in[d] = Allocate<float>(c.total);
    c.check_ref[d] = Allocate<double>(c.total);
    FillUniform(c.check_in[d].get(), c.total, kDistributions[d].lo, kDistributions[d].hi, 1000 + d);
    ReferenceSoftmax(c.check_in[d].get(), c.check_ref[d].get(), c.n, c.batch);
  }
}

double MaxRelativeError(const float* y, const double* ref, size_t count) {
  double max_err = 0.0;
  for (size_t i = 0; i < count; i++) {
    const double r = ref[i];
    const double v = y[i];
    double err;
    if (std::isnan(v)) {
      err = INFINITY;
    } else if (r < FLT_MIN) {
      err = std::fabs(v) < FLT_MIN ? 0.0 : std::fabs(v - r) / FLT_MIN;
    } else {
      err = std::fabs(v - r) / r;
    }
    max_err = std::max(max_err, err);
  }
  return max_err;
}

// ---- Bandwidth kernels --------------------------------------------------------

__attribute__((target("avx512f"))) float ReadSumAvx512(const float* x, size_t n) {
  __m512 a[16];
  for (int k = 0; k < 16; k++) a[k] = _mm512_setzero_ps();
  size_t i = 0;
  for (; i + 256 <= n; i += 256) {
    for (int k = 0; k < 16; k++) a[k] = _mm512_add_ps(a[k], _mm512_loadu_ps(x + i + 16 * k));
  }
  for (; i + 16 <= n; i += 16) a[0] = _mm512_add_ps(a[0], _mm512_loadu_ps(x + i));
  for (int k = 1; k < 16; k++) a[0] = _mm512_add_ps(a[0], a[k]);
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, a[0]);
  float s = 0.0f;
  for (int k = 0; k < 16; k++) s += lanes[k];
  for (; i < n; i++) s += x[i];
  return s;
}

__attribute__((target("avx512f"))) void CopyAvx512(const float* x, float* y, size_t n) {
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m512 v0 = _mm512_loadu_ps(x + i);
    const __m512 v1 = _mm512_loadu_ps(x + i + 16);
    const __m512 v2 = _mm512_loadu_ps(x + i + 32);
    const __m512 v3 = _mm512_loadu_ps(x + i + 48);
    _mm512_storeu_ps(y + i, v0);
    _mm512_storeu_ps(y + i + 16, v1);
    _mm512_storeu_ps(y + i + 32, v2);
    _mm512_storeu_ps(y + i + 48, v3);
  }
  for (; i < n; i++) y[i] = x[i];
}

struct BandwidthTask {
  Kind kind;
  const float* x;
  float* y;
  size_t total;
  size_t chunk;
  float sums[64];
};

void BandwidthChunk(void* context, size_t t) {
  BandwidthTask* task = static_cast<BandwidthTask*>(context);
  const size_t begin = t * task->chunk;
  if (begin >= task->total) return;
  const size_t count = std::min(task->chunk, task->total - begin);
  switch (task->kind) {
    case Kind::kRead:
      task->sums[t % 64] = ReadSumAvx512(task->x + begin, count);
      break;
    case Kind::kCopyAvx512:
      CopyAvx512(task->x + begin, task->y + begin, count);
      break;
    default:
      std::memcpy(task->y + begin, task->x + begin, count * sizeof(float));
      break;
  }
}

// ---- One benchmark ------------------------------------------------------------

struct CellKey {
  size_t impl, n;
  int threads;
  bool operator<(const CellKey& o) const {
    return impl != o.impl ? impl < o.impl : n != o.n ? n < o.n : threads < o.threads;
  }
};
struct Accuracy {
  double err[2] = {NAN, NAN};
};
std::map<CellKey, Accuracy> g_accuracy;
std::map<std::string, CellKey> g_name_to_cell;

const char* XnnStatusName(int s) {
  switch (s) {
    case xnn_status_success: return "success";
    case xnn_status_uninitialized: return "uninitialized";
    case xnn_status_invalid_parameter: return "invalid_parameter";
    case xnn_status_invalid_state: return "invalid_state";
    case xnn_status_unsupported_parameter: return "unsupported_parameter";
    case xnn_status_unsupported_hardware: return "unsupported_hardware";
    case xnn_status_out_of_memory: return "out_of_memory";
    default: return "?";
  }
}

// An implementation prepared for one (length, threads) cell: Run(set) runs it
// on buffer pair `set`, Check(x, y) on other buffers once.
class Runner {
 public:
  virtual ~Runner() = default;
  virtual void Run(size_t set) = 0;
  virtual bool Check(const float* x, float* y) = 0;
  std::string error;
};

#ifndef ATTNORM_HEADLINE_WITHOUT_OURS
class OursRunner : public Runner {
 public:
  OursRunner(const Impl& impl, Context& c, pthreadpool_t pool) : c_(c), pool_(pool) {
    enum xnn_status s = attnorm_create_softmax_nc_f32(
        static_cast<enum attnorm_softmax_algorithm>(impl.algorithm), 1.0f, impl.flags, &op_);
    if (s != xnn_status_success) {
      op_ = nullptr;
      error = std::string("attnorm_create_softmax_nc_f32: ") + XnnStatusName(s);
      return;
    }
    s = attnorm_reshape_softmax_nc_f32(op_, c.n, c.n, c.n, c.batch, pool_);
    if (s != xnn_status_success) error = std::string("attnorm_reshape_softmax_nc_f32: ") + XnnStatusName(s);
  }
  ~OursRunner() override {
    if (op_ != nullptr) attnorm_delete_operator(op_);
  }
  void Run(size_t set) override {
    if (set != current_) {
      attnorm_setup_softmax_nc_f32(op_, c_.in[set].get(), c_.out[set].get());
      current_ = set;
    }
    attnorm_run_operator(op_, pool_);
  }
  bool Check(const float* x, float* y) override {
    current_ = SIZE_MAX;
    enum xnn_status s = attnorm_setup_softmax_nc_f32(op_, x, y);
    if (s == xnn_status_success) s = attnorm_run_operator(op_, pool_);
    if (s != xnn_status_success) error = std::string("attnorm setup/run: ") + XnnStatusName(s);
    return s == xnn_status_success;
  }

 private:
  Context& c_;
  pthreadpool_t pool_;
  attnorm_operator_t op_ = nullptr;
  size_t current_ = SIZE_MAX;
};
#endif

class XnnpackRunner : public Runner {
 public:
  XnnpackRunner(Context& c, pthreadpool_t pool) : c_(c), pool_(pool) {
    const enum xnn_status s = xnn_create_softmax_nc_f32(c.n, c.n, c.n, 0, &op_);
    if (s != xnn_status_success) {
      op_ = nullptr;
      error = std::string("xnn_create_softmax_nc_f32: ") + XnnStatusName(s);
    }
  }
  ~XnnpackRunner() override {
    if (op_ != nullptr) xnn_delete_operator(op_);
  }
  void Run(size_t set) override {
    if (set != current_) {
      xnn_setup_softmax_nc_f32(op_, c_.batch, c_.in[set].get(), c_.out[set].get(), pool_);
      current_ = set;
    }
    xnn_run_operator(op_, pool_);
  }
  bool Check(const float* x, float* y) override {
    current_ = SIZE_MAX;
    enum xnn_status s = xnn_setup_softmax_nc_f32(op_, c_.batch, x, y, pool_);
    if (s == xnn_status_success) s = xnn_run_operator(op_, pool_);
    if (s != xnn_status_success) error = std::string("xnn setup/run: ") + XnnStatusName(s);
    return s == xnn_status_success;
  }

 private:
  Context& c_;
  pthreadpool_t pool_;
  xnn_operator_t op_ = nullptr;
  size_t current_ = SIZE_MAX;
};

class OnednnRunner : public Runner {
 public:
  OnednnRunner(Context& c, int threads) : c_(c), engine_(dnnl::engine::kind::cpu, 0), stream_(engine_) {
    omp_set_num_threads(threads);
    try {
      md_ = dnnl::memory::desc({dnnl::memory::dim(c.batch), dnnl::memory::dim(c.n)}, dnnl::memory::data_type::f32,
                               dnnl::memory::format_tag::ab);
      dnnl::softmax_forward::desc desc(dnnl::prop_kind::forward_inference, md_, 1);
      dnnl::softmax_forward::primitive_desc pd(desc, engine_);
      g_onednn_impl = pd.impl_info_str();
      prim_ = dnnl::softmax_forward(pd);
      for (size_t s = 0; s < c.sets; s++) {
        src_.emplace_back(md_, engine_, c.in[s].get());
        dst_.emplace_back(md_, engine_, c.out[s].get());
      }
    } catch (const dnnl::error& e) {
      error = std::string("oneDNN: ") + e.what();
    }
  }
  void Run(size_t set) override {
    prim_.execute(stream_, {{DNNL_ARG_SRC, src_[set]}, {DNNL_ARG_DST, dst_[set]}});
    stream_.wait();
  }
  bool Check(const float* x, float* y) override {
    try {
      dnnl::memory src(md_, engine_, const_cast<float*>(x));
      dnnl::memory dst(md_, engine_, y);
      prim_.execute(stream_, {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}});
      stream_.wait();
      return true;
    } catch (const dnnl::error& e) {
      error = std::string("oneDNN: ") + e.what();
      return false;
    }
  }

 private:
  Context& c_;
  dnnl::engine engine_;
  dnnl::stream stream_;
  dnnl::memory::desc md_;
  dnnl::softmax_forward prim_;
  std::vector<dnnl::memory> src_, dst_;
};

class BandwidthRunner : public Runner {
 public:
  BandwidthRunner(Kind kind, Context& c, pthreadpool_t pool, int threads) : c_(c), pool_(pool), threads_(threads) {
    if (!__builtin_cpu_supports("avx512f") && kind != Kind::kCopyMemcpy) error = "CPU lacks AVX512F";
    task_.kind = kind;
    task_.total = c.total;
    task_.chunk = ((c.total + threads - 1) / threads + 63) & ~size_t(63);
  }
  void Run(size_t set) override {
    task_.x = c_.in[set].get();
    task_.y = c_.out[set].get();
    if (pool_ == nullptr) {
      BandwidthChunk(&task_, 0);
    } else {
      pthreadpool_parallelize_1d(pool_, BandwidthChunk, &task_, size_t(threads_), 0);
    }
    benchmark::DoNotOptimize(task_.sums[0]);
  }
  bool Check(const float*, float*) override { return true; }

 private:
  Context& c_;
  pthreadpool_t pool_;
  int threads_;
  BandwidthTask task_;
};

// Contention probe. The machine is shared: another process on a CPU that a
// cell needs makes pthreadpool/OpenMP wait for a time slice on every call.
// Each cell measures how many CPUs other processes (and the hypervisor, as
// steal time) used while it ran: busy time of the machine (/proc/stat) minus
// this process's CPU time (getrusage), over wall time. A cell is "contended"
// when that exceeds the CPUs it leaves free (CPUs - its threads) by 0.25.
double MachineBusySeconds() {
  FILE* f = std::fopen("/proc/stat", "r");
  if (f == nullptr) return NAN;
  unsigned long long v[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // user nice system idle iowait irq softirq steal
  const int got = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4],
                              &v[5], &v[6], &v[7]);
  std::fclose(f);
  if (got < 4) return NAN;
  const double busy = double(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]);
  return busy / double(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

int g_online_cpus = 1;
constexpr double kContentionMargin = 0.25;

bool IsContended(double other_cpu, int threads) {
  return other_cpu > double(std::max(0, g_online_cpus - threads)) + kContentionMargin;
}

void RunCell(benchmark::State& state, size_t impl_index, size_t n, int threads) {
  const Impl& impl = kImpls[impl_index];
  Context& c = GetContext(n);
  pthreadpool_t pool = threads > 1 ? g_pool : nullptr;
  std::unique_ptr<Runner> runner;
  switch (impl.kind) {
#ifndef ATTNORM_HEADLINE_WITHOUT_OURS
    case Kind::kOurs:
      runner.reset(new OursRunner(impl, c, pool));
      break;
#endif
    case Kind::kXnnpack:
      runner.reset(new XnnpackRunner(c, pool));
      break;
    case Kind::kOnednn:
      runner.reset(new OnednnRunner(c, threads));
      break;
    default:
      runner.reset(new BandwidthRunner(impl.kind, c, pool, threads));
      break;
  }
  if (!runner->error.empty()) {
    state.SkipWithError(runner->error.c_str());
    return;
  }

  const bool is_softmax = impl.kind == Kind::kOurs || impl.kind == Kind::kXnnpack || impl.kind == Kind::kOnednn;
  const CellKey key{impl_index, n, threads};
  if (is_softmax && n <= g_check_max_n) {
    auto it = g_accuracy.find(key);
    if (it == g_accuracy.end()) {
      EnsureCheckData(c);
      Accuracy acc;
      for (int d = 0; d < 2; d++) {
        std::fill_n(c.check_out.get(), c.total, std::nanf(""));
        if (!runner->Check(c.check_in[d].get(), c.check_out.get())) {
          state.SkipWithError(runner->error.c_str());
          return;
        }
        acc.err[d] = MaxRelativeError(c.check_out.get(), c.check_ref[d].get(), c.total);
      }
      it = g_accuracy.emplace(key, acc).first;
    }
    state.counters["max_rel_err"] = std::max(it->second.err[0], it->second.err[1]);
  }

  const double busy0 = MachineBusySeconds(), self0 = SelfCpuSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const size_t set = c.next_set++ % c.sets;
    runner->Run(set);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const double other = ((MachineBusySeconds() - busy0) - (SelfCpuSeconds() - self0)) / wall;
  state.counters["other_cpu"] = std::isnan(other) ? 0.0 : std::max(0.0, other);
  state.counters["elements"] =
      benchmark::Counter(double(state.iterations()) * double(c.total), benchmark::Counter::kIsRate);
  if (impl.kind == Kind::kOnednn) state.SetLabel(g_onednn_impl);
}

// ---- Collecting results and printing the table -------------------------------

class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.run_type == Run::RT_Iteration) collected.push_back(r);
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::vector<Run> collected;
};

struct Cell {
  bool present = false;
  bool failed = false;
  std::string message;
  double ns_per_iter = NAN;      // fastest round (and repetition)
  double elements_per_ns = NAN;  // from ns_per_iter
  double median_elements_per_ns = NAN;  // median over rounds
  bool contended = false;   // every round found a CPU it needed taken by another process
  double other_cpu = NAN;   // CPUs used by others during the reported round
  double iterations = 0;
  double err[2] = {NAN, NAN};
};

std::string Human(size_t n) {
  if (n >= (size_t(1) << 20) && n % (size_t(1) << 20) == 0) return std::to_string(n >> 20) + "M";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + "K";
  return std::to_string(n);
}

double Median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

std::string ResolvePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (ws != nullptr && ws[0] != '\0') return std::string(ws) + "/" + path;
  return path;
}

void MakeParentDirs(const std::string& path) {
  for (size_t i = 1; i < path.size(); i++) {
    if (path[i] == '/') {
      const std::string dir = path.substr(0, i);
      if (mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "cannot create %s: %s\n", dir.c_str(), std::strerror(errno));
      }
    }
  }
}

double g_load_before = NAN, g_load_after = NAN;  // 1-minute load averages around the run

double LoadAverage() {
  double l[1];
  return getloadavg(l, 1) == 1 ? l[0] : NAN;
}

void PrintAndWrite(const std::vector<benchmark::BenchmarkReporter::Run>& runs, double wall_seconds) {
  std::vector<int> thread_counts = {1};
  if (g_max_threads > 1) thread_counts.push_back(g_max_threads);
  const size_t num_lengths = sizeof(kLengths) / sizeof(kLengths[0]);

  // cells[impl][length][threads index]
  std::vector<std::vector<std::vector<Cell>>> cells(
      kNumImpls, std::vector<std::vector<Cell>>(num_lengths, std::vector<Cell>(thread_counts.size())));
  struct Sample {
    double ns, other_cpu;
    bool contended;
  };
  std::map<std::string, std::vector<Sample>> samples;
  std::map<std::string, double> iter_sum;
  for (const auto& r : runs) {
    const std::string& name = r.run_name.function_name;
    auto it = g_name_to_cell.find(name);
    if (it == g_name_to_cell.end()) continue;
    const CellKey& k = it->second;
    const size_t li = std::find(kLengths, kLengths + num_lengths, k.n) - kLengths;
    const size_t ti = std::find(thread_counts.begin(), thread_counts.end(), k.threads) - thread_counts.begin();
    Cell& cell = cells[k.impl][li][ti];
    cell.present = true;
    if (r.error_occurred) {
      cell.failed = true;
      cell.message = r.error_message;
      continue;
    }
    auto oc = r.counters.find("other_cpu");
    const double other = oc != r.counters.end() ? double(oc->second.value) : 0.0;
    samples[name].push_back(
        Sample{r.real_accumulated_time * 1e9 / double(r.iterations), other, IsContended(other, k.threads)});
    iter_sum[name] += double(r.iterations);
  }
  for (const auto& kv : g_name_to_cell) {
    const CellKey& k = kv.second;
    const size_t li = std::find(kLengths, kLengths + num_lengths, k.n) - kLengths;
    const size_t ti = std::find(thread_counts.begin(), thread_counts.end(), k.threads) - thread_counts.begin();
    Cell& cell = cells[k.impl][li][ti];
    auto s = samples.find(kv.first);
    if (s != samples.end() && !s->second.empty()) {
      // The fastest uncontended round; the fastest round if all were contended.
      const Sample* best = nullptr;
      for (const Sample& x : s->second)
        if (!x.contended && (best == nullptr || x.ns < best->ns)) best = &x;
      if (best == nullptr) {
        for (const Sample& x : s->second)
          if (best == nullptr || x.ns < best->ns) best = &x;
      }
      std::vector<double> ns;
      for (const Sample& x : s->second) ns.push_back(x.ns);
      cell.ns_per_iter = best->ns;
      cell.contended = best->contended;
      cell.other_cpu = best->other_cpu;
      cell.elements_per_ns = double(k.n * BatchFor(k.n)) / cell.ns_per_iter;
      cell.median_elements_per_ns = double(k.n * BatchFor(k.n)) / Median(ns);
      cell.iterations = iter_sum[kv.first];
    }
    auto a = g_accuracy.find(k);
    if (a != g_accuracy.end()) {
      cell.err[0] = a->second.err[0];
      cell.err[1] = a->second.err[1];
    }
  }

  auto index_of = [](Kind kind) -> size_t {
    for (size_t i = 0; i < kNumImpls; i++)
      if (kImpls[i].kind == kind) return i;
    return SIZE_MAX;
  };
  const size_t i_xnn = index_of(Kind::kXnnpack), i_dnnl = index_of(Kind::kOnednn), i_read = index_of(Kind::kRead),
               i_c512 = index_of(Kind::kCopyAvx512), i_cmem = index_of(Kind::kCopyMemcpy);

  // Per (length, threads): best peer throughput, bound time and which copy won.
  struct Derived {
    double best_peer = NAN;
    const char* best_peer_name = "-";
    double bound_ns = NAN;
    double bound_elements_per_ns = NAN;
    const char* copy_used = "-";
    bool contended = false;      // the read or the chosen copy cell was contended
  };
  std::vector<std::vector<Derived>> derived(num_lengths, std::vector<Derived>(thread_counts.size()));
  for (size_t li = 0; li < num_lengths; li++) {
    for (size_t ti = 0; ti < thread_counts.size(); ti++) {
      Derived& d = derived[li][ti];
      const double x = cells[i_xnn][li][ti].elements_per_ns, o = cells[i_dnnl][li][ti].elements_per_ns;
      if (!std::isnan(x) || !std::isnan(o)) {
        const bool x_best = std::isnan(o) || (!std::isnan(x) && x >= o);
        d.best_peer = x_best ? x : o;
        d.best_peer_name = x_best ? "xnnpack" : "onednn";
      }
      const double r = cells[i_read][li][ti].ns_per_iter, c5 = cells[i_c512][li][ti].ns_per_iter,
                   cm = cells[i_cmem][li][ti].ns_per_iter;
      double copy = NAN;
      if (!std::isnan(c5) && (std::isnan(cm) || c5 <= cm)) {
        copy = c5;
        d.copy_used = "avx512";
        d.contended = cells[i_c512][li][ti].contended;
      } else if (!std::isnan(cm)) {
        copy = cm;
        d.copy_used = "memcpy";
        d.contended = cells[i_cmem][li][ti].contended;
      }
      if (!std::isnan(r) && !std::isnan(copy)) {
        d.bound_ns = r + copy;
        d.contended = d.contended || cells[i_read][li][ti].contended;
        d.bound_elements_per_ns = double(kLengths[li] * BatchFor(kLengths[li])) / d.bound_ns;
      }
    }
  }

  const int name_width = 30;
  auto header = [&](const char* title) {
    std::printf("\n%s\n%-*s", title, name_width, "implementation \\ row length");
    for (size_t li = 0; li < num_lengths; li++) {
      const std::string h = Human(kLengths[li]) + (BatchFor(kLengths[li]) > 1 ? "x" + std::to_string(BatchFor(kLengths[li])) : "");
      std::printf("%12s", h.c_str());
    }
    std::printf("\n");
  };
  auto cell_text = [](const Cell& c, double value, const char* fmt) -> std::string {
    if (!c.present) return "n/a";
    if (c.failed) return "skip";
    if (std::isnan(value)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof(buf), fmt, value);
    return std::string(buf) + (c.contended ? "*" : "");
  };

  std::printf("\n======== Softmax headline (f32; elements/ns = G elements/s; %d thread(s) max) ========\n",
              g_max_threads);
  std::printf("Rows up to 4K: batch = 1M/n rows (4 MiB, in cache); 1M: one 4 MiB row (in cache);\n"
              "16M, 128M: one row, separate input/output, rotating buffers (out of cache).\n"
              "Bound = time(read pass) + time(copy pass) over the same buffers (2R+1W cannot beat it);\n"
              "\"x peer\" = throughput / max(XNNPACK, oneDNN); \"of bound\" = bound_time / impl_time.\n"
              "Each cell: the fastest of %d round(s) of the whole suite (contention only slows a run down;\n"
              "the CSV also has the median). A trailing * marks a cell whose every round found a CPU it\n"
              "needed busy with another process (this machine is shared): its figure is not to be trusted.\n"
              "oneDNN implementation: %s\n",
              g_rounds, g_onednn_impl.c_str());
  for (size_t ti = 0; ti < thread_counts.size(); ti++) {
    const int t = thread_counts[ti];
    char title[160];
    std::snprintf(title, sizeof(title), "--- %d thread(s): throughput, elements/ns ---", t);
    header(title);
    for (size_t i = 0; i < kNumImpls; i++) {
      std::printf("%-*s", name_width, kImpls[i].name);
      for (size_t li = 0; li < num_lengths; li++) {
        const Cell& c = cells[i][li][ti];
        std::printf("%12s", cell_text(c, c.elements_per_ns, "%.3f").c_str());
      }
      std::printf("\n");
    }
    std::printf("%-*s", name_width, "bound (read + best copy)");
    for (size_t li = 0; li < num_lengths; li++) {
      const Derived& d = derived[li][ti];
      char buf[32] = "-";
      if (!std::isnan(d.bound_elements_per_ns))
        std::snprintf(buf, sizeof(buf), "%.3f%s", d.bound_elements_per_ns, d.contended ? "*" : "");
      std::printf("%12s", buf);
    }
    std::printf("\n%-*s", name_width, "  copy used in bound");
    for (size_t li = 0; li < num_lengths; li++) std::printf("%12s", derived[li][ti].copy_used);
    std::printf("\n%-*s", name_width, "  best peer");
    for (size_t li = 0; li < num_lengths; li++) std::printf("%12s", derived[li][ti].best_peer_name);
    std::printf("\n");

    std::snprintf(title, sizeof(title), "--- %d thread(s): ratio to the best peer (x peer) ---", t);
    header(title);
    for (size_t i = 0; i < kNumImpls; i++) {
      if (kImpls[i].kind == Kind::kRead || kImpls[i].kind == Kind::kCopyAvx512 || kImpls[i].kind == Kind::kCopyMemcpy)
        continue;
      std::printf("%-*s", name_width, kImpls[i].name);
      for (size_t li = 0; li < num_lengths; li++) {
        const Cell& c = cells[i][li][ti];
        std::printf("%12s", cell_text(c, c.elements_per_ns / derived[li][ti].best_peer, "%.2fx").c_str());
      }
      std::printf("\n");
    }

    std::snprintf(title, sizeof(title), "--- %d thread(s): fraction of the bandwidth bound (bound_time / impl_time) ---", t);
    header(title);
    for (size_t i = 0; i < kNumImpls; i++) {
      if (kImpls[i].kind == Kind::kRead || kImpls[i].kind == Kind::kCopyAvx512 || kImpls[i].kind == Kind::kCopyMemcpy)
        continue;
      std::printf("%-*s", name_width, kImpls[i].name);
      for (size_t li = 0; li < num_lengths; li++) {
        const Cell& c = cells[i][li][ti];
        std::printf("%12s", cell_text(c, derived[li][ti].bound_ns / c.ns_per_iter, "%.2f").c_str());
      }
      std::printf("\n");
    }
  }

  // Accuracy: max over both input distributions and all thread counts.
  header("--- max relative error per element vs double reference (max over U[-10,10], U[90,100] and thread counts) ---");
  for (size_t i = 0; i < kNumImpls; i++) {
    if (kImpls[i].kind == Kind::kRead || kImpls[i].kind == Kind::kCopyAvx512 || kImpls[i].kind == Kind::kCopyMemcpy)
      continue;
    std::printf("%-*s", name_width, kImpls[i].name);
    for (size_t li = 0; li < num_lengths; li++) {
      double e = NAN;
      bool failed = false;
      for (size_t ti = 0; ti < thread_counts.size(); ti++) {
        const Cell& c = cells[i][li][ti];
        failed |= c.failed;
        for (double v : c.err)
          if (!std::isnan(v)) e = std::isnan(e) ? v : std::max(e, v);
      }
      char buf[32] = "-";
      if (!std::isnan(e)) std::snprintf(buf, sizeof(buf), "%.2e", e);
      else if (failed) std::snprintf(buf, sizeof(buf), "skip");
      std::printf("%12s", buf);
    }
    std::printf("\n");
  }

  // Failures, once each.
  bool any_failed = false;
  for (size_t i = 0; i < kNumImpls; i++) {
    std::string last;
    for (size_t li = 0; li < num_lengths; li++)
      for (size_t ti = 0; ti < thread_counts.size(); ti++) {
        const Cell& c = cells[i][li][ti];
        if (c.failed && c.message != last) {
          if (!any_failed) std::printf("\nSkipped cells:\n");
          any_failed = true;
          std::printf("  %s n=%s threads=%d: %s\n", kImpls[i].name, Human(kLengths[li]).c_str(), thread_counts[ti],
                      c.message.c_str());
          last = c.message;
        }
      }
  }
  for (size_t ti = 0; ti < thread_counts.size(); ti++) {
    size_t total = 0, contended = 0;
    for (size_t i = 0; i < kNumImpls; i++)
      for (size_t li = 0; li < num_lengths; li++) {
        const Cell& c = cells[i][li][ti];
        if (!std::isnan(c.ns_per_iter)) {
          total++;
          contended += c.contended ? 1 : 0;
        }
      }
    std::printf("%s%d thread(s): %zu of %zu cells contended in every round (marked *)", ti == 0 ? "\n" : "; ",
                thread_counts[ti], contended, total);
  }
  std::printf("\n");
  std::printf("Whole run (setup, accuracy checks, benchmarks): %.1f s; 1-minute load average %.2f before, %.2f after\n"
              "(%d CPUs: a load above 1 means other processes competed, above all with the %d-thread cells)\n",
              wall_seconds, g_load_before, g_load_after, g_max_threads, g_max_threads);

  // CSV: one row per cell, plus the derived bound rows.
  const std::string path = ResolvePath(g_csv_path);
  MakeParentDirs(path);
  FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    return;
  }
  std::fprintf(f,
               "impl,kind,threads,n,batch,elements,ns_per_iter,elements_per_ns,elements_per_ns_median,iterations,vs_best_peer,best_peer,"
               "fraction_of_bound,bound_copy,max_rel_err,max_rel_err_u10,max_rel_err_u90,status,cpu_contended,other_cpu,label\n");
  auto fmt = [](double v) -> std::string {
    if (std::isnan(v)) return "";
    char buf[40];
    std::snprintf(buf, sizeof(buf), "%.6g", v);
    return buf;
  };
  for (size_t ti = 0; ti < thread_counts.size(); ti++) {
    for (size_t li = 0; li < num_lengths; li++) {
      const size_t n = kLengths[li], batch = BatchFor(n);
      const Derived& d = derived[li][ti];
      for (size_t i = 0; i < kNumImpls; i++) {
        const Cell& c = cells[i][li][ti];
        if (!c.present) continue;
        const char* kind = kImpls[i].kind == Kind::kOurs      ? "attnorm"
                           : kImpls[i].kind == Kind::kXnnpack ? "peer"
                           : kImpls[i].kind == Kind::kOnednn  ? "peer"
                                                              : "bandwidth";
        double err = NAN;
        for (double v : c.err)
          if (!std::isnan(v)) err = std::isnan(err) ? v : std::max(err, v);
        std::string label = kImpls[i].label;
        if (kImpls[i].kind == Kind::kOnednn) label += " [" + g_onednn_impl + "]";
        std::string status = c.failed ? "skipped: " + c.message : "ok";
        std::replace(status.begin(), status.end(), ',', ';');
        std::replace(label.begin(), label.end(), ',', ';');
        std::fprintf(f, "%s,%s,%d,%zu,%zu,%zu,%s,%s,%s,%.0f,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", kImpls[i].name, kind,
                     thread_counts[ti], n, batch, n * batch, fmt(c.ns_per_iter).c_str(),
                     fmt(c.elements_per_ns).c_str(), fmt(c.median_elements_per_ns).c_str(), c.iterations, fmt(c.elements_per_ns / d.best_peer).c_str(),
                     d.best_peer_name, fmt(d.bound_ns / c.ns_per_iter).c_str(), d.copy_used, fmt(err).c_str(),
                     fmt(c.err[0]).c_str(), fmt(c.err[1]).c_str(), status.c_str(),
                     c.contended ? "yes" : "no", fmt(c.other_cpu).c_str(), label.c_str());
      }
      std::fprintf(f, "bound,bandwidth,%d,%zu,%zu,%zu,%s,%s,,,%s,%s,1,%s,,,,%s,%s,,%s\n", thread_counts[ti], n, batch,
                   n * batch, fmt(d.bound_ns).c_str(), fmt(d.bound_elements_per_ns).c_str(),
                   fmt(d.bound_elements_per_ns / d.best_peer).c_str(), d.best_peer_name, d.copy_used,
                   std::isnan(d.bound_ns) ? "missing" : "ok", d.contended ? "yes" : "no", "bound: time(read) + time(faster copy)");
    }
  }
  std::fclose(f);
  std::printf("CSV written to %s\n", path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const auto t0 = std::chrono::steady_clock::now();
  // Our flags first (Google Benchmark rejects unknown ones), and a default
  // --benchmark_min_time so the whole run takes a few minutes.
  std::vector<char*> args;
  bool has_min_time = false;
  for (int i = 0; i < argc; i++) {
    const std::string a = argv[i];
    if (a.rfind("--csv=", 0) == 0) {
      g_csv_path = a.substr(6);
    } else if (a.rfind("--check_max_n=", 0) == 0) {
      g_check_max_n = std::strtoull(a.c_str() + 14, nullptr, 10);
    } else if (a.rfind("--rounds=", 0) == 0) {
      g_rounds = std::max(1, std::atoi(a.c_str() + 9));
    } else if (a.rfind("--big_min_time=", 0) == 0) {
      g_big_min_time = std::strtod(a.c_str() + 15, nullptr);
    } else {
      if (a.rfind("--benchmark_min_time", 0) == 0) has_min_time = true;
      args.push_back(argv[i]);
    }
  }
  static char default_min_time[] = "--benchmark_min_time=0.05";
  if (!has_min_time) args.insert(args.begin() + 1, default_min_time);
  int new_argc = static_cast<int>(args.size());
  args.push_back(nullptr);

  if (xnn_initialize(nullptr) != xnn_status_success) {
    std::fprintf(stderr, "xnn_initialize failed\n");
    return 1;
  }
#ifndef ATTNORM_HEADLINE_WITHOUT_OURS
  if (attnorm_initialize() != xnn_status_success) {
    std::fprintf(stderr, "attnorm_initialize failed\n");
    return 1;
  }
#endif
  g_online_cpus = std::max(1, int(sysconf(_SC_NPROCESSORS_ONLN)));
  g_pool = pthreadpool_create(0);
  g_max_threads = g_pool != nullptr ? static_cast<int>(pthreadpool_get_threads_count(g_pool)) : 1;
  if (g_max_threads <= 1 && g_pool != nullptr) {
    pthreadpool_destroy(g_pool);
    g_pool = nullptr;
    g_max_threads = 1;
  }

  std::vector<int> thread_counts = {1};
  if (g_max_threads > 1) thread_counts.push_back(g_max_threads);
  for (size_t n : kLengths) {
    for (int t : thread_counts) {
      for (size_t i = 0; i < kNumImpls; i++) {
        const std::string name = std::string(kImpls[i].name) + "/n:" + Human(n) + "/threads:" + std::to_string(t);
        g_name_to_cell[name] = CellKey{i, n, t};
        auto* b = benchmark::RegisterBenchmark(name.c_str(), [i, n, t](benchmark::State& state) { RunCell(state, i, n, t); });
        b->UseRealTime()->Unit(benchmark::kMicrosecond);
        if (n >= (size_t(64) << 20)) b->MinTime(g_big_min_time);
      }
    }
  }

  benchmark::Initialize(&new_argc, args.data());
  if (benchmark::ReportUnrecognizedArguments(new_argc, args.data())) return 1;
  CollectingReporter reporter;
  g_load_before = LoadAverage();
  for (int round = 0; round < g_rounds; round++) {
    if (g_rounds > 1) std::printf("\n==== round %d of %d ====\n", round + 1, g_rounds);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    g_ctx.reset();
  }
  g_load_after = LoadAverage();
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  PrintAndWrite(reporter.collected, wall);
  benchmark::Shutdown();
  if (g_pool != nullptr) pthreadpool_destroy(g_pool);
  return 0;
}
