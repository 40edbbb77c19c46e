// The variants table of the headline benchmark: each attention-normalization
// variant's elements/ns at 128, 4K and 1M keys (1 thread), next to attnorm's
// softmax (auto) on the same shape and to the most direct peer formulation,
// all in ONE run. Implementations register from bench/variants/<op>.cc
// (bench/variants/variants.h has the contract).
//
//   bazel run -c opt //:variants_headline_bench -- --csv=results/variants-headline.csv
//
// Each cell runs --benchmark_repetitions times (default 5) and reports its
// fastest repetition: the machine is shared and noisy, and contention only
// ever slows a run down. Ratios are taken within this run only.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <attnorm.h>

#include "bench/variants/variants.h"

namespace attnorm_variants {
namespace {

struct Entry {
  std::string op;
  std::string impl;
  Role role;
  Prepare prepare;
};

std::vector<Entry>& Registry() {
  static std::vector<Entry> registry;
  return registry;
}

const size_t kKeys[] = {128, 4096, size_t(1) << 20};
const size_t kElements = size_t(1) << 20;  // rows * keys of every shape

Shape MakeShape(size_t keys, const float* input, float* output) {
  return Shape{kElements / keys, keys, input, output};
}

// The baseline of every row of the table: attnorm's softmax, auto algorithm.
const bool softmax_registered = Register("softmax", "attnorm auto", Role::kOurs, [](const Shape& shape) -> Run {
  attnorm_operator_t op = nullptr;
  if (attnorm_create_softmax_nc_f32(attnorm_softmax_algorithm_auto, 1.0f, 0, &op) != xnn_status_success) return {};
  std::shared_ptr<attnorm_operator> owner(op, attnorm_delete_operator);
  if (attnorm_reshape_softmax_nc_f32(op, shape.keys, shape.keys, shape.keys, shape.rows, nullptr) !=
          xnn_status_success ||
      attnorm_setup_softmax_nc_f32(op, shape.input, shape.output) != xnn_status_success) {
    return {};
  }
  return [owner]() { attnorm_run_operator(owner.get(), nullptr); };
});

struct Cell {
  std::string op, impl;
  Role role;
  size_t keys;
  double elements_per_ns = 0.0;  // best repetition
  bool ran = false;
};

std::string CellName(const Entry& e, size_t keys) {
  return e.op + "/" + e.impl + "/keys:" + std::to_string(keys);
}

class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  explicit CollectingReporter(std::map<std::string, Cell>* cells) : cells_(cells) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      auto it = cells_->find(run.run_name.function_name);
      if (it == cells_->end()) continue;
      auto counter = run.counters.find("items_per_second");
      if (counter == run.counters.end()) continue;
      it->second.elements_per_ns = std::max(it->second.elements_per_ns, double(counter->second) * 1e-9);
      it->second.ran = true;
    }
    ConsoleReporter::ReportRuns(runs);
  }

 private:
  std::map<std::string, Cell>* cells_;
};

std::string ResolvePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  const char* ws = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (ws != nullptr && ws[0] != '\0') return std::string(ws) + "/" + path;
  return path;
}

void MakeParentDirs(const std::string& path) {
  for (size_t i = 1; i < path.size(); i++) {
    if (path[i] == '/') mkdir(path.substr(0, i).c_str(), 0777);  // EEXIST is fine; fopen reports the rest
  }
}

}  // namespace

bool Register(const char* op, const char* impl, Role role, Prepare prepare) {
  Registry().push_back(Entry{op, impl, role, std::move(prepare)});
  return true;
}

}  // namespace attnorm_variants

int main(int argc, char** argv) {
  using namespace attnorm_variants;
  std::string csv_path = "results/variants-headline.csv";
  std::vector<char*> args;
  bool has_repetitions = false, has_min_time = false;
  for (int i = 0; i < argc; i++) {
    if (std::strncmp(argv[i], "--csv=", 6) == 0) {
      csv_path = argv[i] + 6;
      continue;
    }
    if (std::strncmp(argv[i], "--benchmark_repetitions", 23) == 0) has_repetitions = true;
    if (std::strncmp(argv[i], "--benchmark_min_time", 20) == 0) has_min_time = true;
    args.push_back(argv[i]);
  }
  static char repetitions[] = "--benchmark_repetitions=5";
  static char min_time[] = "--benchmark_min_time=0.05";
  if (!has_repetitions) args.push_back(repetitions);
  if (!has_min_time) args.push_back(min_time);
  int args_count = int(args.size());
  benchmark::Initialize(&args_count, args.data());

  if (attnorm_initialize() != xnn_status_success) {
    std::fprintf(stderr, "attnorm_initialize failed\n");
    return 1;
  }
  std::vector<float> input(kElements), output(kElements);
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> logits(-10.0f, 10.0f);
  for (float& x : input) x = logits(rng);

  std::map<std::string, Cell> cells;
  for (const Entry& entry : Registry()) {
    for (size_t keys : kKeys) {
      const std::string name = CellName(entry, keys);
      cells[name] = Cell{entry.op, entry.impl, entry.role, keys};
      const Entry* e = &entry;
      float* x = input.data();
      float* y = output.data();
      benchmark::RegisterBenchmark(name.c_str(), [e, keys, x, y](benchmark::State& state) {
        const Shape shape = MakeShape(keys, x, y);
        Run run = e->prepare(shape);
        if (!run) {
          state.SkipWithError("not available for this shape");
          return;
        }
        run();  // warm up
        for (auto _ : state) run();
        state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(shape.rows * shape.keys));
      })->Unit(benchmark::kMicrosecond)->UseRealTime();
    }
  }
  CollectingReporter reporter(&cells);
  benchmark::RunSpecifiedBenchmarks(&reporter);

  // The table: per variant and keys, each implementation's elements/ns and its
  // ratio to softmax (same shape) and to the best peer of that variant.
  auto softmax_of = [&](size_t keys) {
    auto it = cells.find("softmax/attnorm auto/keys:" + std::to_string(keys));
    return it != cells.end() && it->second.ran ? it->second.elements_per_ns : 0.0;
  };
  std::vector<std::string> ops;
  for (const Entry& e : Registry()) {
    if (e.op != "softmax" && std::find(ops.begin(), ops.end(), e.op) == ops.end()) ops.push_back(e.op);
  }
  csv_path = ResolvePath(csv_path);
  MakeParentDirs(csv_path);
  std::FILE* csv = std::fopen(csv_path.c_str(), "w");
  if (csv == nullptr) std::fprintf(stderr, "cannot write %s: %s\n", csv_path.c_str(), std::strerror(errno));
  if (csv != nullptr) std::fprintf(csv, "op,impl,role,keys,rows,elements_per_ns,vs_softmax,vs_best_peer\n");
  std::printf("\nVariants (1 thread; elements/ns, best of the repetitions; ratios within this run)\n");
  std::printf("%-20s %-44s %8s %12s %10s %10s\n", "variant", "implementation", "keys", "elements/ns", "/softmax",
              "/peer");
  for (const std::string& op : ops) {
    for (size_t keys : kKeys) {
      double best_peer = 0.0;
      for (const auto& kv : cells) {
        const Cell& c = kv.second;
        if (c.op == op && c.keys == keys && c.role == Role::kPeer && c.ran) {
          best_peer = std::max(best_peer, c.elements_per_ns);
        }
      }
      const double softmax = softmax_of(keys);
      for (const Entry& e : Registry()) {
        if (e.op != op) continue;
        const Cell& c = cells[CellName(e, keys)];
        const double vs_softmax = c.ran && softmax > 0.0 ? c.elements_per_ns / softmax : 0.0;
        const double vs_peer = c.ran && best_peer > 0.0 ? c.elements_per_ns / best_peer : 0.0;
        const std::string impl = (c.role == Role::kPeer ? "peer: " : "") + c.impl;
        if (c.ran) {
          std::printf("%-20s %-44s %8zu %12.3f %10.2f %10.2f\n", op.c_str(), impl.c_str(), keys, c.elements_per_ns,
                      vs_softmax, vs_peer);
        } else {
          std::printf("%-20s %-44s %8zu %12s\n", op.c_str(), impl.c_str(), keys, "n/a");
        }
        if (csv != nullptr) {
          std::fprintf(csv, "%s,\"%s\",%s,%zu,%zu,%.4f,%.4f,%.4f\n", op.c_str(), c.impl.c_str(),
                       c.role == Role::kPeer ? "peer" : "ours", keys, kElements / keys, c.elements_per_ns,
                       vs_softmax, vs_peer);
        }
      }
    }
  }
  std::printf("%-20s %-44s %8s", "softmax", "attnorm auto (the /softmax column)", "");
  for (size_t keys : kKeys) std::printf("  %zu: %.3f", keys, softmax_of(keys));
  std::printf("\n");
  if (csv != nullptr) {
    std::fclose(csv);
    std::printf("CSV: %s\n", csv_path.c_str());
  }
  return 0;
}
