#!/usr/bin/env bash
# Builds the libFuzzer target test/fuzz/operator-fuzzer.cc with Debian's
# clang-14 (-fsanitize=fuzzer,address,undefined) straight from the library's
# source lists (the generated microkernels.bzl and isas.bzl, each ISA's kernels
# with its flags), then fuzzes every operator of the operator table
# (test/reliability/operator-table.h) for SECONDS seconds.
#
#   bash scripts/fuzz.sh [SECONDS] [--update-corpus]
#
# SECONDS defaults to 60 (scripts/test.sh runs it bounded). Starts from the
# committed seed corpus test/fuzz/corpus/ and the regression inputs
# test/fuzz/regressions/ (never modified, unless --update-corpus: then the
# new coverage is merged into test/fuzz/corpus/). A finding stops the run
# with a non-zero exit; its input is saved under the build folder (printed):
# copy it into test/fuzz/regressions/ (//:fuzz_corpus_test replays it
# forever after) and fix the bug.
#
# Objects are cached in $ATTNORM_FUZZ_BUILD (default: a folder under /tmp per
# checkout); headers or flags changing rebuild everything.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
update_corpus=0
for arg in "$@"; do
  case "$arg" in
    --update-corpus) update_corpus=1 ;;
    *[!0-9]*|'') echo "usage: scripts/fuzz.sh [SECONDS] [--update-corpus]" >&2; exit 2 ;;
    *) seconds="$arg" ;;
  esac
done

CC=${FUZZ_CC:-clang-14}
CXX=${FUZZ_CXX:-clang++-14}
command -v "$CC" >/dev/null || { echo "fuzz.sh: $CC missing (scripts/setup.sh installs clang-14)" >&2; exit 1; }

build="${ATTNORM_FUZZ_BUILD:-${TMPDIR:-/tmp}/attnorm-fuzz-$(id -u)-$(pwd | md5sum | cut -c1-8)}"
mkdir -p "$build/obj" "$build/corpus" "$build/artifacts"

# As the Bazel build (.bazelrc: -std=c11; gcc does not contract a*b+c
# into FMAs under ISO C), plus the sanitizers, at -O1 (the usual fuzzing
# level, a shorter build than -O2; the Bazel tests cover -O2).
SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
COMMON="-O1 -g -I. -Iinclude -ffp-contract=off $SANITIZE"
CFLAGS="-std=c11 $COMMON -fsanitize=fuzzer-no-link"
CXXFLAGS="-std=c++17 $COMMON"

# Source list: "flags<TAB>file" per line, from the generated Starlark files.
python3 - > "$build/sources.txt" <<'PY'
import platform
class struct:
    def __init__(self, **kw): self.__dict__.update(kw)
g = {"struct": struct}
exec(open("isas.bzl").read(), g)
exec(open("microkernels.bzl").read(), g)
host = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}[platform.machine().lower()]
import glob
for f in sorted(glob.glob("src/*.c") + glob.glob("operators/*.c") + glob.glob("microkernels/*.c")):
    print("\t" + f)
for isa in g["ISAS"]:
    if isa.arch not in (None, host):
        continue
    for f in g["MICROKERNEL_SRCS"][isa.name]:
        print(" ".join(isa.copts) + "\t" + f)
PY

# Everything that can change an object besides its own source: headers, flags.
key=$( (echo "$CC $CXX $CFLAGS $CXXFLAGS"; cat "$build/sources.txt";
        find include microkernels operators src test/reliability test/fuzz -name '*.h' -o -name '*.inc' | sort | xargs cat) | md5sum | cut -c1-32)
if [ "$(cat "$build/key" 2>/dev/null)" != "$key" ]; then
  rm -rf "$build/obj"; mkdir -p "$build/obj"
  echo "$key" > "$build/key"
fi

compile_one() {  # flags<TAB>file
  local flags="${1%%$'\t'*}" file="${1#*$'\t'}"
  local obj="$build/obj/${file//\//_}.o"
  if [ ! -f "$obj" ] || [ "$file" -nt "$obj" ]; then
    # shellcheck disable=SC2086
    "$CC" $CFLAGS $flags -c "$file" -o "$obj.tmp" && mv "$obj.tmp" "$obj"
  fi
}
export -f compile_one
export CC CFLAGS build
start=$(date +%s)
tr '\n' '\0' < "$build/sources.txt" | xargs -0 -P "$(nproc)" -I{} bash -c 'compile_one "$1"' _ {}
objects=()
while IFS= read -r line; do
  file="${line#*$'\t'}"
  objects+=("$build/obj/${file//\//_}.o")
done < "$build/sources.txt"
# shellcheck disable=SC2086
"$CXX" $CXXFLAGS -fsanitize=fuzzer test/fuzz/operator-fuzzer.cc "${objects[@]}" \
  -lpthreadpool -lcpuinfo -lm -lpthread -o "$build/operator_fuzzer"
echo "fuzz.sh: built $build/operator_fuzzer in $(( $(date +%s) - start )) s (${#objects[@]} library objects)"

corpus_dirs=(test/fuzz/corpus)
[ -d test/fuzz/regressions ] && corpus_dirs+=(test/fuzz/regressions)
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$build/operator_fuzzer" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$build/corpus" "${corpus_dirs[@]}" \
  2> "$build/fuzz.log" || status=$?
grep -E '^(stat::|#[0-9]+ *DONE)|FUZZ FINDING|ERROR|SUMMARY|Test unit written' "$build/fuzz.log" || true
if [ "$status" -ne 0 ]; then
  tail -n 60 "$build/fuzz.log" >&2
  echo "fuzz.sh: FUZZING FOUND A BUG (exit $status); the input is in $build/artifacts/:" >&2
  ls -l "$build/artifacts/" >&2
  echo "fuzz.sh: copy it into test/fuzz/regressions/ (replayed by //:fuzz_corpus_test) and fix it" >&2
  exit 1
fi
if [ "$update_corpus" -eq 1 ]; then
  "$build/operator_fuzzer" -merge=1 -max_len=4096 test/fuzz/corpus "$build/corpus" 2>> "$build/fuzz.log"
  echo "fuzz.sh: test/fuzz/corpus now holds $(ls test/fuzz/corpus | wc -l) inputs"
fi
echo "fuzz.sh: no finding in ${seconds} s"
