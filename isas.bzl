# Auto-generated file. Do not edit!
#   Generator: scripts/codegen.py (table ISAS)
"""The ISA table of scripts/codegen.py for Bazel: build_defs.bzl makes
the per-ISA microkernel libraries, tests and benchmarks from it."""

# Target architectures: the config_setting (BUILD.bazel) that selects each,
# and its --cpu value.
ARCHS = {
    "x86_64": struct(config_setting = "//:x86_64", cpu = "k8"),
    "aarch64": struct(config_setting = "//:aarch64", cpu = "aarch64"),
}

# One struct per ISA, in table order: its name, the macro that enables its
# kernels, the compiler flags of its kernels, and its architecture (None:
# every architecture).
ISAS = [
    struct(
        name = "scalar",
        guard = "ATTNORM_ENABLE_SCALAR",
        copts = [],
        arch = None,
    ),
    struct(
        name = "avx2",
        guard = "ATTNORM_ENABLE_AVX2",
        copts = ["-mavx2", "-mfma", "-mf16c"],
        arch = "x86_64",
    ),
    struct(
        name = "avx512f",
        guard = "ATTNORM_ENABLE_AVX512F",
        copts = ["-mavx512f", "-mavx2", "-mfma"],
        arch = "x86_64",
    ),
    struct(
        name = "neon",
        guard = "ATTNORM_ENABLE_NEON",
        copts = [],
        arch = "aarch64",
    ),
]
