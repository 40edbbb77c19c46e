// libFuzzer target over every operator of the operator table
// (test/reliability/operator-table.h). From the fuzz input it draws the
// operator, the ISA path (forced, possibly one the CPU lacks), flags, the
// operator's parameters (valid or not), shape, strides, in-place, thread
// count and the logits; it checks
//   - create: invalid parameters / unknown or conflicting flags ->
//     xnn_status_invalid_parameter with *op == NULL; an ISA the CPU lacks ->
//     xnn_status_unsupported_hardware; otherwise success;
//   - reshape: zero channels or strides below channels -> invalid_parameter;
//   - every output row against the long-double reference with the operator's
//     accuracy contract and -inf / NaN / +inf rules (strict inside the
//     documented range, the rules and bounds outside it);
//   - nothing written into stride gaps or past the output;
//   - the result with a thread pool is bit-identical to the single-threaded one.
// A violation prints the case and aborts (a libFuzzer crash).
//
// Built two ways: by scripts/fuzz.sh with clang -fsanitize=fuzzer,address,
// undefined (libFuzzer's main), and by Bazel as //:fuzz_corpus_test, which
// replays test/fuzz/corpus/ and test/fuzz/regressions/ through the same
// function (test/fuzz/replay-main.cc).
#include "test/fuzz/data-provider.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <pthreadpool.h>

#include "test/reliability/operator-table.h"

namespace {

using attnorm_reliability::Operators;
using attnorm_reliability::Params;
using attnorm_reliability::Row;

const float kSpecials[] = {
    -INFINITY, INFINITY, NAN, -NAN, FLT_MAX, -FLT_MAX, FLT_MIN, -FLT_MIN, FLT_TRUE_MIN, -FLT_TRUE_MIN, 0.0f, -0.0f,
    -1.0e9f, -1.0e30f, 16384.0f, -16384.0f, 16385.0f, -16385.0f, 88.72f, -87.33f, 1.0e-40f, 1.0f, -1.0f, 0x1.0p+127f,
    2097152.0f, -2097152.0f, 100.0f, -100.0f,
};
constexpr size_t kNumSpecials = sizeof(kSpecials) / sizeof(kSpecials[0]);

float FloatFromBytes(uint8_t s, uint8_t b1, uint8_t b2, uint8_t b3) {
  const int16_t v = (int16_t) ((b1 << 8) | b2);
  if (s < 128) return (float) v * (1.0f / 256.0f);                      // +-128, fine steps
  if (s < 192) return std::ldexp((float) v, (int) ((s - 128) / 4) - 8);  // up to +-2^22
  if (s < 240) return kSpecials[b1 % kNumSpecials];
  uint32_t bits = (uint32_t) b1 | ((uint32_t) b2 << 8) | ((uint32_t) b3 << 16) | ((uint32_t) (s ^ b1) << 24);
  float f;
  memcpy(&f, &bits, sizeof(f));
  return f;  // any bit pattern
}

float ConsumeParam(FuzzedDataProvider& fdp) {
  const uint8_t s = fdp.ConsumeIntegral<uint8_t>();
  const uint8_t b1 = fdp.ConsumeIntegral<uint8_t>();
  const uint8_t b2 = fdp.ConsumeIntegral<uint8_t>();
  return FloatFromBytes(s, b1, b2, (uint8_t) (s * 31));
}

pthreadpool_t Pool(size_t threads) {
  static pthreadpool_t pools[4] = {nullptr, pthreadpool_create(1), pthreadpool_create(2), pthreadpool_create(4)};
  return pools[threads & 3];
}

[[noreturn]] void Fail(const char* what, const Row& row, uint32_t flags, const Params& params, size_t channels,
                       size_t batch, size_t in_stride, size_t out_stride, bool in_place, size_t threads) {
  fprintf(stderr,
          "FUZZ FINDING: %s\n  operator %s, flags 0x%x, params {%a, %a, %a}, channels %zu, batch %zu, strides %zu/%zu%s, "
          "threads %zu\n",
          what, row.name, flags, (double) params.p[0], (double) params.p[1], (double) params.p[2], channels, batch,
          in_stride, out_stride, in_place ? " in place" : "", threads);
  abort();
}

constexpr uint32_t kSentinelBits = UINT32_C(0x7FA0CAFE);

bool IsSentinel(const float* p) {
  uint32_t bits;
  memcpy(&bits, p, sizeof(bits));
  return bits == kSentinelBits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool initialized = attnorm_initialize() == xnn_status_success;
  if (!initialized) abort();
  FuzzedDataProvider fdp(data, size);
  const std::vector<Row>& rows = Operators();
  const Row& row = rows[fdp.ConsumeIntegralInRange<size_t>(0, rows.size() - 1)];

  // ISA path: the library's choice, or one ISA forced (maybe absent here).
  const size_t isa_choice = fdp.ConsumeIntegralInRange<size_t>(0, (size_t) attnorm_isa_count);
  uint32_t flags = isa_choice == 0 ? 0 : attnorm_isa_force_flag((enum attnorm_isa) (isa_choice - 1));
  const uint8_t mode = fdp.ConsumeIntegral<uint8_t>();
  if ((mode & 0xE0) == 0xE0) flags |= fdp.ConsumeIntegral<uint32_t>();  // hostile flags, 1 in 8
  if ((mode & 0x18) == 0x18) flags |= row.allowed_flags;                // the operator's own flags
  Params params = row.defaults;
  for (size_t k = 0; k < 3; k++) {
    if (mode & (1u << k)) params.p[k] = ConsumeParam(fdp);
  }
  // Shape: mostly short rows; some long (several 32K tiles); a few invalid.
  size_t channels;
  switch (fdp.ConsumeIntegralInRange<int>(0, 15)) {
    case 0: channels = 0; break;
    case 1: case 2: channels = fdp.ConsumeIntegralInRange<size_t>(1, 17); break;
    case 13: channels = fdp.ConsumeIntegralInRange<size_t>(300, 5000); break;
    case 14: channels = fdp.ConsumeIntegralInRange<size_t>(5000, 40000); break;
    case 15: channels = fdp.ConsumeIntegralInRange<size_t>(32760, 100000); break;
    default: channels = fdp.ConsumeIntegralInRange<size_t>(1, 300); break;
  }
  const size_t batch = channels > 5000 ? fdp.ConsumeIntegralInRange<size_t>(0, 2)
                                       : fdp.ConsumeIntegralInRange<size_t>(0, 6);
  const int in_pad = fdp.ConsumeIntegralInRange<int>(-1, 6);
  const bool in_place = fdp.ConsumeBool();
  const int out_pad = in_place ? in_pad : fdp.ConsumeIntegralInRange<int>(-1, 6);
  const size_t in_stride = (size_t) ((long) channels + in_pad);
  const size_t out_stride = (size_t) ((long) channels + out_pad);
  const size_t threads = fdp.ConsumeIntegralInRange<size_t>(0, 3);
  pthreadpool_t pool = Pool(threads);
  const std::vector<uint8_t> pattern = fdp.ConsumeRemainingBytes<uint8_t>();

#define FAIL(what) Fail(what, row, flags, params, channels, batch, in_stride, out_stride, in_place, threads)

  // ---- create ----
  attnorm_operator_t op = reinterpret_cast<attnorm_operator_t>(uintptr_t(0xDEAD));
  const enum xnn_status created = row.create(params, flags, &op);
  const uint32_t force = flags & ATTNORM_FLAG_FORCE_MASK;
  enum attnorm_isa forced;
  enum xnn_status expected = xnn_status_success;
  if (!row.params_valid(params) || (flags & ~(row.allowed_flags | ATTNORM_FLAG_FORCE_MASK)) != 0 ||
      (force != 0 && !attnorm_isa_from_force_flags(force, &forced))) {
    expected = xnn_status_invalid_parameter;
  } else if (force != 0 && !attnorm_isa_supported(forced)) {
    expected = xnn_status_unsupported_hardware;
  }
  if (created != expected) FAIL("create returned an unexpected status");
  if (created != xnn_status_success) {
    if (op != nullptr) FAIL("failed create left *op non-NULL");
    return 0;
  }

  // ---- reshape ----
  const enum xnn_status reshaped = row.reshape(op, channels, in_stride, out_stride, batch, pool);
  const bool shape_valid = channels != 0 && in_pad >= 0 && out_pad >= 0;
  if (reshaped != (shape_valid ? xnn_status_success : xnn_status_invalid_parameter)) {
    FAIL("reshape returned an unexpected status");
  }
  if (!shape_valid) {
    attnorm_delete_operator(op);
    return 0;
  }

  // ---- buffers: input from the pattern; output pre-filled with sentinels ----
  const size_t in_size = batch == 0 ? 0 : (batch - 1) * in_stride + channels;
  const size_t out_size = batch == 0 ? 0 : (batch - 1) * out_stride + channels;
  constexpr size_t kTail = 16;
  std::vector<float> input(in_size + kTail);
  for (size_t i = 0; i < in_size; i++) {
    if (pattern.empty()) {
      input[i] = (float) ((i * 37) % 101) * 0.1f - 5.0f;
    } else {
      const size_t at = (4 * i) % pattern.size();
      input[i] = FloatFromBytes(pattern[at], pattern[(at + 1) % pattern.size()], pattern[(at + 2) % pattern.size()],
                                pattern[(at + 3) % pattern.size()]);
    }
  }
  std::vector<float> output(out_size + kTail);
  for (float& v : output) memcpy(&v, &kSentinelBits, sizeof(float));
  if (in_place) memcpy(output.data(), input.data(), in_size * sizeof(float));
  const float* x = in_place ? output.data() : input.data();

  // ---- setup, run ----
  if (row.setup(op, x, output.data()) != xnn_status_success) FAIL("setup failed");
  if (attnorm_run_operator(op, pool) != xnn_status_success) FAIL("run failed");

  // ---- checks ----
  for (size_t i = out_size; i < output.size(); i++) {
    if (!IsSentinel(&output[i])) FAIL("wrote past the output");
  }
  std::vector<long double> scratch;
  for (size_t b = 0; b < batch; b++) {
    const float* xr = input.data() + b * in_stride;
    const float* yr = output.data() + b * out_stride;
    if (!in_place && b + 1 < batch) {
      for (size_t c = channels; c < out_stride; c++) {
        if (!IsSentinel(&yr[c])) FAIL("wrote into a stride gap");
      }
    }
    const size_t bad = attnorm_reliability::FirstMismatch(row, params, channels, xr, yr, scratch);
    if (bad != channels) {
      fprintf(stderr, "row %zu element %zu: x = %a, reference %La, output %a\n", b, bad, (double) xr[bad],
              scratch[bad], (double) yr[bad]);
      FAIL("output outside the operator's contract");
    }
  }
  // The single-threaded run gives the same bits.
  if (pool != nullptr && batch != 0) {
    std::vector<float> again(out_size + kTail);
    for (float& v : again) memcpy(&v, &kSentinelBits, sizeof(float));
    if (in_place) memcpy(again.data(), input.data(), in_size * sizeof(float));
    if (row.reshape(op, channels, in_stride, out_stride, batch, nullptr) != xnn_status_success ||
        row.setup(op, in_place ? again.data() : input.data(), again.data()) != xnn_status_success ||
        attnorm_run_operator(op, nullptr) != xnn_status_success) {
      FAIL("single-threaded rerun failed");
    }
    if (memcmp(again.data(), output.data(), output.size() * sizeof(float)) != 0) {
      FAIL("threaded result differs from the single-threaded one");
    }
  }
  if (attnorm_delete_operator(op) != xnn_status_success) FAIL("delete failed");
  return 0;
#undef FAIL
}
