"""Build macros of attnorm: per-ISA microkernel libraries, tests and benchmarks.

Every list of ISAs here comes from the ISA table of scripts/codegen.py (through
the generated isas.bzl and microkernels.bzl): adding an ISA adds its library,
tests and benchmarks with no edit in this file or in BUILD.bazel.
"""

load("//:isas.bzl", "ARCHS", "ISAS")
load("//:microkernels.bzl", "FAMILY_ISAS", "MICROKERNEL_SRCS")

# Compiler flags of each ISA's microkernel library.
ISA_COPTS = {isa.name: isa.copts for isa in ISAS}

_ISA_ARCH = {isa.name: isa.arch for isa in ISAS}

# Warnings are errors in attnorm's own code.
WARNING_COPTS = ["-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror"]

def attnorm_arch_config_settings():
    """One config_setting per target architecture of the ISA table: //:<arch>."""
    for name, arch in ARCHS.items():
        native.config_setting(
            name = name,
            values = {"cpu": arch.cpu},
        )

def _if_arch(arch, value, otherwise):
    """`value` when building for `arch` (None: always), else `otherwise`."""
    if arch == None:
        return value
    return select({
        ARCHS[arch].config_setting: value,
        "//conditions:default": otherwise,
    })

def _compatible_with_arch(arch):
    """target_compatible_with of a target that only makes sense on `arch`:
    elsewhere it is skipped (never built), not failed."""
    return _if_arch(arch, [], ["//third_party/toolchains:incompatible"])

def attnorm_microkernel_libraries(deps, extra_srcs = {}):
    """One cc_library per ISA, //:microkernels_<isa>, with that ISA's flags, and
    //:microkernels holding every one. An ISA's library is empty when building
    for an architecture without the ISA.

    extra_srcs: {isa name: [sources]} compiled into that ISA's library besides
    its generated kernels (e.g. parameter initializers into "scalar").
    """
    for isa in ISAS:
        native.cc_library(
            name = "microkernels_" + isa.name,
            srcs = _if_arch(isa.arch, MICROKERNEL_SRCS[isa.name] + extra_srcs.get(isa.name, []), []),
            copts = isa.copts + WARNING_COPTS,
            deps = deps,
        )
    native.cc_library(
        name = "microkernels",
        linkopts = ["-lm"],
        deps = deps + [":microkernels_" + isa.name for isa in ISAS],
    )

def isa_only_defines(isa):
    """Defines that keep only `isa`'s rows of every enumerator list.

    They only turn the other ISAs off: `isa` keeps its default (on when
    building for its architecture), so no ISA is ever forced on an
    architecture that lacks it.
    """
    return ["-D%s=0" % other.guard for other in ISAS if other.name != isa]

def _target(family):
    return family.replace("-", "_")

def attnorm_ukernel_test(family, tester, isas = None, shard_count = None, extra_srcs = []):
    """One cc_test per ISA for `family`: //:<family>_<isa>_test from test/<family>.cc.

    isas: the ISAs to test; by default every ISA that has kernels of `family`.
    A test of an ISA of another architecture than the target's is skipped.
    extra_srcs: more test headers the tester includes (shared test utilities).
    """
    for isa in (isas if isas != None else FAMILY_ISAS.get(family, [])):
        native.cc_test(
            name = "%s_%s_test" % (_target(family), isa),
            srcs = ["test/%s.cc" % family, tester, "test/ukernel-test-utils.h"] + extra_srcs,
            copts = isa_only_defines(isa) + WARNING_COPTS,
            shard_count = shard_count,
            target_compatible_with = _compatible_with_arch(_ISA_ARCH[isa]),
            deps = [
                ":microkernels",
                ":hardware_config",
                "@system//:gtest",
                "@system//:gtest_main",
            ],
        )

def attnorm_ukernel_benchmark(family, isas = None):
    """One cc_binary per ISA for `family`: //:<family>_<isa>_bench from bench/<family>.cc.

    isas: as in attnorm_ukernel_test.
    """
    for isa in (isas if isas != None else FAMILY_ISAS.get(family, [])):
        native.cc_binary(
            name = "%s_%s_bench" % (_target(family), isa),
            srcs = ["bench/%s.cc" % family, "bench/bench-utils.h"],
            copts = isa_only_defines(isa),
            tags = ["benchmark"],
            target_compatible_with = _compatible_with_arch(_ISA_ARCH[isa]),
            deps = [
                ":microkernels",
                ":hardware_config",
                "@system//:benchmark",
            ],
        )
