#!/usr/bin/env bash
# Installs every Debian package that attnorm's build, tests and benchmarks need.
# Idempotent: packages that dpkg already reports as installed are skipped, and
# apt-get is not touched at all when nothing is missing. Nothing is downloaded
# outside Debian's apt repositories.
set -euo pipefail

PACKAGES=(
  # toolchain
  gcc g++ python3 git ca-certificates
  # build system (Bazel 4.2.3, works offline with the overrides in WORKSPACE)
  bazel-bootstrap
  # libraries the library links against
  libxnnpack-dev libpthreadpool-dev libcpuinfo-dev libfp16-dev
  # tests and benchmarks
  libgtest-dev libbenchmark-dev
  # peers in the headline benchmark
  libdnnl-dev
  # the headline benchmark's figure
  python3-matplotlib
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
