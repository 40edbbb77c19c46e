#!/usr/bin/env bash
# Fails when a committed generated file differs from a fresh generation.
# Runs from the Bazel runfiles tree under `bazel test`, or from a checkout.
set -euo pipefail
if [ -n "${TEST_SRCDIR:-}" ]; then
  cd "$TEST_SRCDIR/$TEST_WORKSPACE"
else
  cd "$(dirname "$0")/.."
fi
exec python3 scripts/codegen.py --check
