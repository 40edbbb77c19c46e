"""Build macros of attnorm: per-ISA microkernel libraries, tests and benchmarks."""

# Compiler flags of each ISA's microkernel library.
ISA_COPTS = {
    "scalar": [],
    "avx2": ["-mavx2", "-mfma", "-mf16c"],
    "avx512f": ["-mavx512f", "-mavx2", "-mfma"],
    "neon": [],
}

# ISAs whose kernels are built (and so tested and benchmarked) on x86-64.
X86_ISAS = ["scalar", "avx2", "avx512f"]

# Warnings are errors in attnorm's own code.
WARNING_COPTS = ["-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror"]

def isa_only_defines(isa):
    """Defines that keep only `isa`'s rows of every enumerator list."""
    return ["-DATTNORM_ENABLE_%s=%d" % (other.upper(), 1 if other == isa else 0) for other in ISA_COPTS]

def _target(family):
    return family.replace("-", "_")

def attnorm_ukernel_test(family, tester, isas = X86_ISAS, shard_count = None, extra_srcs = []):
    """One cc_test per ISA for `family`: //:<family>_<isa>_test from test/<family>.cc.

    extra_srcs: more test headers the tester includes (shared test utilities).
    """
    for isa in isas:
        native.cc_test(
            name = "%s_%s_test" % (_target(family), isa),
            srcs = ["test/%s.cc" % family, tester, "test/ukernel-test-utils.h"] + extra_srcs,
            copts = isa_only_defines(isa) + WARNING_COPTS,
            shard_count = shard_count,
            deps = [
                ":microkernels",
                ":hardware_config",
                "@system//:gtest",
                "@system//:gtest_main",
            ],
        )

def attnorm_ukernel_benchmark(family, isas = X86_ISAS):
    """One cc_binary per ISA for `family`: //:<family>_<isa>_bench from bench/<family>.cc."""
    for isa in isas:
        native.cc_binary(
            name = "%s_%s_bench" % (_target(family), isa),
            srcs = ["bench/%s.cc" % family, "bench/bench-utils.h"],
            copts = isa_only_defines(isa),
            tags = ["benchmark"],
            deps = [
                ":microkernels",
                ":hardware_config",
                "@system//:benchmark",
            ],
        )
