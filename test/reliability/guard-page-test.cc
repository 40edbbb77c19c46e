// Guard-page tests: every kernel of every enumerator list, and every operator
// of the operator table, with its input and its output touching a PROT_NONE
// page. A read or write outside the buffers faults (the test crashes, naming
// the case); writes outside the output but inside the mapping are caught by
// sentinels.
//
// Padding contract verified (every family header says "Reads exactly the
// row" / "No alignment required" / "Never writes past the row"; ATTNORM_OOB_READS
// is empty on x86): a kernel reads nothing outside [x, x + n) and writes
// nothing outside [y, y + n) (or y[0 .. outputs) for the reducing families),
// for every n, at 4-byte alignment, so no caller needs padding.
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test/reliability/guard-pages.h"
#include "test/reliability/kernel-table.h"
#include "test/reliability/operator-table.h"

namespace attnorm_reliability {
namespace {

constexpr size_t kSentinels = 16;
constexpr uint32_t kSentinelBits = UINT32_C(0x7FA0CAFE);  // a signaling NaN no kernel writes

void FillSentinels(float* p, size_t n) {
  for (size_t i = 0; i < n; i++) memcpy(&p[i], &kSentinelBits, sizeof(float));
}
bool IsSentinel(const float* p) {
  uint32_t bits;
  memcpy(&bits, p, sizeof(bits));
  return bits == kSentinelBits;
}
size_t CountClobbered(const float* p, size_t n) {
  size_t clobbered = 0;
  for (size_t i = 0; i < n; i++) clobbered += !IsSentinel(&p[i]);
  return clobbered;
}

// Row lengths of a kernel: every remainder 1 .. 2 * batch_tile, and a few
// longer (main loop several times plus remainders); only 1 .. batch_tile for
// kernels whose batch tile is the longest row.
std::vector<size_t> Lengths(const Kernel& kernel) {
  std::vector<size_t> lengths;
  const size_t tile = kernel.batch_tile;
  const size_t last = kernel.family->batch_tile_is_max ? tile : 2 * tile;
  for (size_t n = 1; n <= last; n++) lengths.push_back(n);
  if (!kernel.family->batch_tile_is_max) {
    lengths.push_back(3 * tile + tile / 2 + 1);
    lengths.push_back(5 * tile + 3);
    lengths.push_back(8 * tile + 7);
  }
  return lengths;
}

size_t g_kernel_cases = 0;  // (kernel, length) pairs run, for the closing line
}  // namespace

void PrintTo(const Kernel& kernel, std::ostream* os) { *os << kernel.name; }

namespace {

class KernelGuardPageTest : public ::testing::TestWithParam<Kernel> {};

TEST_P(KernelGuardPageTest, every_length_at_guard_pages) {
  const Kernel& kernel = GetParam();
  if (!attnorm_isa_supported(kernel.isa)) GTEST_SKIP() << "CPU lacks " << attnorm_isa_name(kernel.isa);
  InstallFaultHandler();
  const std::vector<size_t> lengths = Lengths(kernel);
  size_t longest = 0;
  for (size_t n : lengths) longest = n > longest ? n : longest;
  GuardedRegion in(longest + kSentinels);
  GuardedRegion out(longest + kSentinels);
  std::vector<float> x(longest), expected(longest + kSentinels);
  const KernelFamily& family = *kernel.family;
  for (size_t n : lengths) {
    for (size_t i = 0; i < n; i++) x[i] = (float) ((i * 37 + n * 11) % 257) * 0.125f - 16.0f;
    const size_t outputs = family.scalar_outputs != 0 ? family.scalar_outputs : n;
    // Reference: the same kernel on ordinary heap buffers.
    snprintf(g_current_case, sizeof(g_current_case), "%s n=%zu heap reference", kernel.name, n);
    FillSentinels(expected.data(), expected.size());
    family.run(kernel.fn, n, x.data(), expected.data());
    ASSERT_EQ(0u, CountClobbered(expected.data() + outputs, kSentinels)) << kernel.name << " n=" << n;

    // Input and output both END at a guard page; sentinels before the output.
    float* xe = in.end() - n;
    memcpy(xe, x.data(), n * sizeof(float));
    float* ye = out.end() - outputs;
    FillSentinels(ye - kSentinels, kSentinels + outputs);
    snprintf(g_current_case, sizeof(g_current_case), "%s n=%zu input and output ending at a guard page",
             kernel.name, n);
    family.run(kernel.fn, n, xe, ye);
    ASSERT_EQ(0u, CountClobbered(ye - kSentinels, kSentinels)) << kernel.name << " n=" << n << ": wrote before y";
    ASSERT_EQ(0, memcmp(ye, expected.data(), outputs * sizeof(float)))
        << kernel.name << " n=" << n << ": result differs from the heap run";
    ASSERT_EQ(0, memcmp(xe, x.data(), n * sizeof(float))) << kernel.name << " n=" << n << ": input modified";

    // Both START right after a guard page; sentinels after the output.
    float* xs = in.begin();
    memcpy(xs, x.data(), n * sizeof(float));
    float* ys = out.begin();
    FillSentinels(ys, outputs + kSentinels);
    snprintf(g_current_case, sizeof(g_current_case), "%s n=%zu input and output starting after a guard page",
             kernel.name, n);
    family.run(kernel.fn, n, xs, ys);
    ASSERT_EQ(0u, CountClobbered(ys + outputs, kSentinels)) << kernel.name << " n=" << n << ": wrote past y";
    ASSERT_EQ(0, memcmp(ys, expected.data(), outputs * sizeof(float))) << kernel.name << " n=" << n;

    // In place (families that allow it), ending at a guard page.
    if (family.in_place) {
      float* ip = out.end() - n;
      FillSentinels(ip - kSentinels, kSentinels);
      memcpy(ip, x.data(), n * sizeof(float));
      snprintf(g_current_case, sizeof(g_current_case), "%s n=%zu in place, ending at a guard page", kernel.name, n);
      family.run(kernel.fn, n, ip, ip);
      ASSERT_EQ(0u, CountClobbered(ip - kSentinels, kSentinels)) << kernel.name << " n=" << n;
      ASSERT_EQ(0, memcmp(ip, expected.data(), n * sizeof(float))) << kernel.name << " n=" << n << " in place";
    }
    g_kernel_cases++;
  }
}

std::string KernelName(const ::testing::TestParamInfo<Kernel>& info) {
  std::string name = info.param.name;
  const std::string prefix = "attnorm_f32_";
  if (name.compare(0, prefix.size(), prefix) == 0) name = name.substr(prefix.size());
  return name;
}

INSTANTIATE_TEST_SUITE_P(Kernels, KernelGuardPageTest, ::testing::ValuesIn(Kernels()), KernelName);

// ---- Operators: rows ending (and starting) at a guard page ---------------------------

size_t g_operator_cases = 0;


class OperatorGuardPageTest : public ::testing::TestWithParam<OperatorCase> {};

struct Layout {
  size_t batch;
  size_t input_pad;   // input_stride - channels
  size_t output_pad;  // output_stride - channels
  bool in_place;
};

TEST_P(OperatorGuardPageTest, rows_at_guard_pages) {
  const Row& row = Operators()[GetParam().row];
  const uint32_t flags = GetParam().flags;
  ASSERT_EQ(xnn_status_success, attnorm_initialize());
  InstallFaultHandler();
  static const size_t kChannels[] = {1,  2,  3,   4,   5,   6,   7,   8,    9,    10,   11,    12,   13,
                                     14, 15, 16,  17,  31,  32,  33,  63,   64,   65,   127,   128,  129,
                                     255, 256, 257, 1000, 4099, 32768 + 3, 2 * 32768 + 7};
  static const Layout kLayouts[] = {{1, 0, 0, false}, {3, 0, 0, false}, {3, 3, 5, false}, {3, 1, 1, true}};
  std::vector<long double> scratch;
  attnorm_operator_t op = nullptr;
  const enum xnn_status created = row.create(row.defaults, flags, &op);
  if (created == xnn_status_unsupported_hardware && flags != 0) GTEST_SKIP() << "no kernels for this ISA";
  ASSERT_EQ(xnn_status_success, created);
  for (size_t channels : kChannels) {
    for (const Layout& layout : kLayouts) {
      const size_t in_stride = channels + layout.input_pad;
      const size_t out_stride = layout.in_place ? in_stride : channels + layout.output_pad;
      const size_t in_size = (layout.batch - 1) * in_stride + channels;
      const size_t out_size = (layout.batch - 1) * out_stride + channels;
      // Rows: random logits; a third of them masked; all masked (2-row layouts: row 2).
      std::vector<float> x(in_size, 0.0f);
      uint32_t state = (uint32_t) (channels * 2654435761u + layout.batch);
      for (size_t b = 0; b < layout.batch; b++) {
        for (size_t c = 0; c < channels; c++) {
          state = state * 1664525u + 1013904223u;
          float v = (float) (state >> 8) * 0x1.0p-24f * 40.0f - 20.0f;
          if (b == 1 && c % 3 == 1) v = -INFINITY;
          if (b == 2) v = -INFINITY;
          x[b * in_stride + c] = v;
        }
      }
      ASSERT_EQ(xnn_status_success, row.reshape(op, channels, in_stride, out_stride, layout.batch, nullptr));
      for (int at_end = 0; at_end < 2; at_end++) {
        GuardedRegion in_region(in_size + kSentinels);
        GuardedRegion out_region(out_size + kSentinels);
        float* input = at_end ? in_region.end() - in_size : in_region.begin();
        float* output;
        float* out_base;  // the whole data area of the output region, for the sentinel check
        if (layout.in_place) {
          FillSentinels(in_region.begin(), in_region.floats());
          memcpy(input, x.data(), in_size * sizeof(float));
          for (size_t b = 0; b + 1 < layout.batch; b++) {
            FillSentinels(input + b * in_stride + channels, in_stride - channels);
          }
          output = input;
          out_base = in_region.begin();
        } else {
          memcpy(input, x.data(), in_size * sizeof(float));
          FillSentinels(out_region.begin(), out_region.floats());
          output = at_end ? out_region.end() - out_size : out_region.begin();
          out_base = out_region.begin();
        }
        const size_t region_floats = layout.in_place ? in_region.floats() : out_region.floats();
        snprintf(g_current_case, sizeof(g_current_case),
                 "%s (%s) channels=%zu batch=%zu strides %zu/%zu%s, rows %s a guard page", row.name,
                 IsaFlagName(flags), channels, layout.batch, in_stride, out_stride,
                 layout.in_place ? " in place" : "", at_end ? "ending at" : "starting after");
        ASSERT_EQ(xnn_status_success, row.setup(op, input, output)) << g_current_case;
        ASSERT_EQ(xnn_status_success, attnorm_run_operator(op, nullptr)) << g_current_case;
        // Nothing written outside the rows.
        for (size_t i = 0; i < region_floats; i++) {
          const size_t offset = (size_t) (&out_base[i] - output);
          const bool inside = &out_base[i] >= output && offset < out_size && offset % out_stride < channels;
          if (!inside && !IsSentinel(&out_base[i])) {
            FAIL() << g_current_case << ": wrote outside the rows, at float " << i << " of the region";
          }
        }
        for (size_t b = 0; b < layout.batch; b++) {
          const float* xr = x.data() + b * in_stride;
          const float* yr = output + b * out_stride;
          const size_t bad = FirstMismatch(row, row.defaults, channels, xr, yr, scratch);
          ASSERT_EQ(channels, bad) << g_current_case << ": row " << b << " element " << bad << " x=" << xr[bad]
                                   << " y=" << yr[bad];
        }
        g_operator_cases++;
      }
    }
  }
  ASSERT_EQ(xnn_status_success, attnorm_delete_operator(op));
}

std::string GuardCaseName(const ::testing::TestParamInfo<OperatorCase>& info) {
  return attnorm_reliability::OperatorCaseName(info.param.row, info.param.flags);
}

INSTANTIATE_TEST_SUITE_P(Operators, OperatorGuardPageTest, ::testing::ValuesIn(OperatorCases()), GuardCaseName);

// The numbers for the report, printed once at the end.
class CountPrinter : public ::testing::Environment {
 public:
  void TearDown() override {
    printf("guard-page cases: %zu (kernel, length) pairs x 3 placements; %zu operator row-layout cases\n",
           g_kernel_cases, g_operator_cases);
  }
};
const auto* const kCountPrinter = ::testing::AddGlobalTestEnvironment(new CountPrinter);

}  // namespace
}  // namespace attnorm_reliability
