#!/usr/bin/env bash
# The headline benchmark, end to end (the README's main command):
#   bash scripts/benchmark.sh [extra flags for the benchmark binary]
# 1. installs the Debian packages (idempotent), 2. builds and runs
# //:softmax_headline_bench (attnorm vs XNNPACK vs oneDNN vs the bandwidth
# bound; prints the table, writes results/softmax-headline.csv), 3. draws
# results/softmax-headline.png, 4. stops the Bazel server it started.
# Extra arguments go to the binary, e.g. --rounds=1 for a quicker, noisier run
# or --benchmark_filter='n:(4K|16M)/' for a subset.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

CSV=results/softmax-headline.csv

bash scripts/setup.sh
start=$(date +%s)
bazel run -c opt //:softmax_headline_bench -- --csv="$CSV" "$@"
# The second table: every variant next to our softmax and its peer.
bazel run -c opt //:variants_headline_bench -- --csv=results/variants-headline.csv
/usr/bin/python3 scripts/plot-headline.py "$CSV"
bazel shutdown
echo "benchmark.sh: done in $(( $(date +%s) - start )) s; results in results/ (CSV and PNG)"
