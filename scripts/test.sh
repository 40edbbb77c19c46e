#!/usr/bin/env bash
# The README's test command: installs what is missing (Debian packages), checks
# that the generated kernels match their templates, builds everything and runs
# every test. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# Per-run test-case totals (scripts/test-summary.py).
ATTNORM_TEST_TOTALS=$(mktemp)
export ATTNORM_TEST_TOTALS
rm -f "$ATTNORM_TEST_TOTALS"

# Bazel leaves a server running: stop it whatever happens.
trap 'bazel shutdown >/dev/null 2>&1 || true; rm -f "$ATTNORM_TEST_TOTALS"' EXIT

python3 scripts/codegen.py --check

testlogs=$(bazel info bazel-testlogs 2>/dev/null)
status=0

# Optimized build, as users run it.
bazel test //... "$@" || status=$?
python3 scripts/test-summary.py --label "opt" "$testlogs" || status=1

# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer: any
# out-of-bounds access, leak or undefined behaviour fails the run.
bazel test --config=asan //... "$@" || status=$?
python3 scripts/test-summary.py --label "asan+ubsan" "$testlogs" || status=1

# Fuzzing (issue 10): every operator of test/reliability/operator-table.h,
# clang -fsanitize=fuzzer,address,undefined, bounded (ATTNORM_FUZZ_SECONDS,
# default 60 s of fuzzing after a ~1-2 min build). A finding fails the run.
if ! bash scripts/fuzz.sh "${ATTNORM_FUZZ_SECONDS:-60}"; then
  echo "FUZZING FAILED: see the finding above (scripts/fuzz.sh)" >&2
  status=1
fi

# The aarch64 cross build (Debian's gcc-aarch64-linux-gnu, the arm64 sysroot
# that setup.sh unpacks): the library must compile and link for aarch64, and
# the smoke program, a softmax through the public API, must run under qemu.
# qemu finds the cross libc with -L and the sysroot's libcpuinfo and
# libpthreadpool through the guest's LD_LIBRARY_PATH.
aarch64_status=0
bazel build --config=aarch64 //:attnorm //:attnorm_smoke || aarch64_status=$?
if [ "$aarch64_status" -eq 0 ]; then
  qemu-aarch64 -L /usr/aarch64-linux-gnu \
    -E LD_LIBRARY_PATH=/opt/attnorm/arm64-sysroot/usr/lib/aarch64-linux-gnu \
    "$(bazel info --config=aarch64 bazel-bin 2>/dev/null)/attnorm_smoke" || aarch64_status=$?
fi
if [ "$aarch64_status" -ne 0 ]; then
  echo "aarch64 cross build or its smoke run FAILED" >&2
  status=1
fi

# The closing line: test cases of both runs.
python3 scripts/test-summary.py --total || status=1
exit "$status"
