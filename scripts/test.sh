#!/usr/bin/env bash
# The README's test command: installs what is missing (Debian packages), checks
# that the generated kernels match their templates, builds everything and runs
# every test. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# Bazel leaves a server running: stop it whatever happens.
trap 'bazel shutdown >/dev/null 2>&1 || true' EXIT

python3 scripts/codegen.py --check

status=0
bazel test //... "$@" || status=$?

# One closing line with the test-case counts from the JUnit XML files.
python3 scripts/test-summary.py "$(bazel info bazel-testlogs 2>/dev/null)" || status=1
exit "$status"
