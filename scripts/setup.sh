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
  # aarch64 cross build (bazel build --config=aarch64) and running it on x86
  gcc-aarch64-linux-gnu g++-aarch64-linux-gnu qemu-user
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer, ASan and UBSan runtimes
  clang-14 libclang-rt-14-dev
)

# arm64 builds of the libraries //:attnorm links against. Their -dev packages
# cannot be co-installed with the amd64 ones (same header paths, not
# Multi-Arch: same), so they are downloaded with apt and unpacked into a
# sysroot of their own; third_party/system.BUILD links the aarch64 build there.
ARM64_SYSROOT=/opt/attnorm/arm64-sysroot
ARM64_PACKAGES=(libcpuinfo0 libcpuinfo-dev libpthreadpool0 libpthreadpool-dev libxnnpack-dev)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The sysroot is complete when its stamp lists exactly these packages.
arm64_stamp="$ARM64_SYSROOT/.attnorm-packages"
arm64_wanted="${ARM64_PACKAGES[*]}"
arm64_ready=0
if [ -f "$arm64_stamp" ] && [ "$(cat "$arm64_stamp")" = "$arm64_wanted" ]; then
  arm64_ready=1
fi

if [ "${#missing[@]}" -eq 0 ] && [ "$arm64_ready" -eq 1 ]; then
  echo "setup: all ${#PACKAGES[@]} packages and the arm64 sysroot present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# apt-get download needs arm64 package lists: add the architecture first, so
# that the one `apt-get update` below fetches them.
if [ "$arm64_ready" -eq 0 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
fi
$SUDO apt-get update -q

if [ "${#missing[@]}" -ne 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "$arm64_ready" -eq 0 ]; then
  echo "setup: unpacking ${arm64_wanted} (arm64) into $ARM64_SYSROOT"
  debs=$(mktemp -d)
  # apt drops privileges to _apt for downloads: let it write there.
  if id _apt >/dev/null 2>&1; then $SUDO chown _apt "$debs"; fi
  (cd "$debs" && $SUDO apt-get download -q "${ARM64_PACKAGES[@]/%/:arm64}")
  # Unpack into a fresh folder and swap it in, so that an interrupted run
  # never leaves a half-filled sysroot behind a valid stamp.
  $SUDO rm -rf "$ARM64_SYSROOT.new"
  $SUDO mkdir -p "$ARM64_SYSROOT.new"
  for deb in "$debs"/*.deb; do
    $SUDO dpkg-deb -x "$deb" "$ARM64_SYSROOT.new"
  done
  echo "$arm64_wanted" | $SUDO tee "$ARM64_SYSROOT.new/.attnorm-packages" >/dev/null
  $SUDO rm -rf "$ARM64_SYSROOT" "$debs"
  $SUDO mv "$ARM64_SYSROOT.new" "$ARM64_SYSROOT"
fi
