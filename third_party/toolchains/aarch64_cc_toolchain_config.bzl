"""C/C++ toolchain of the aarch64 cross build: Debian's gcc-aarch64-linux-gnu.

Selected by `bazel build --config=aarch64` (.bazelrc: --crosstool_top and
--cpu=aarch64). The compiler finds its own libc and libstdc++ under
/usr/aarch64-linux-gnu; the arm64 builds of cpuinfo, pthreadpool and the
XNNPACK header come from the sysroot that scripts/setup.sh unpacks, whose
include folder goes first so that they, not the host's amd64 copies in
/usr/include, are compiled against.
"""

load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
)
load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")

# Keep in sync with ARM64_SYSROOT in scripts/setup.sh and third_party/system.BUILD.
ARM64_SYSROOT = "/opt/attnorm/arm64-sysroot"

_GCC_VERSION = "12"
_TRIPLET = "aarch64-linux-gnu"

_COMPILE_ACTIONS = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]

_LINK_ACTIONS = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

def _impl(ctx):
    tools = ["ar", "cpp", "gcc", "gcov", "ld", "nm", "objcopy", "objdump", "strip"]
    tool_paths = [
        tool_path(name = tool, path = "/usr/bin/%s-%s" % (_TRIPLET, tool))
        for tool in tools
    ]

    default_compile_flags = feature(
        name = "default_compile_flags",
        enabled = True,
        flag_sets = [flag_set(
            actions = _COMPILE_ACTIONS,
            flag_groups = [flag_group(flags = [
                "-isystem",
                ARM64_SYSROOT + "/usr/include",
                "-fno-omit-frame-pointer",
                "-Wall",
                # Reproducible outputs: no build-time macros in objects.
                "-Wno-builtin-macro-redefined",
                "-D__DATE__=\"redacted\"",
                "-D__TIMESTAMP__=\"redacted\"",
                "-D__TIME__=\"redacted\"",
            ])],
        )],
    )

    default_link_flags = feature(
        name = "default_link_flags",
        enabled = True,
        flag_sets = [flag_set(
            actions = _LINK_ACTIONS,
            flag_groups = [flag_group(flags = [
                "-L" + ARM64_SYSROOT + "/usr/lib/" + _TRIPLET,
                # libXNNPACK.so of the sysroot needs its siblings at link time.
                "-Wl,-rpath-link," + ARM64_SYSROOT + "/usr/lib/" + _TRIPLET,
                "-lstdc++",
                "-lm",
            ])],
        )],
    )

    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = [default_compile_flags, default_link_flags],
        cxx_builtin_include_directories = [
            "/usr/lib/gcc-cross/%s/%s/include" % (_TRIPLET, _GCC_VERSION),
            "/usr/lib/gcc-cross/%s/%s/include-fixed" % (_TRIPLET, _GCC_VERSION),
            "/usr/%s/include" % _TRIPLET,
            "/usr/include",
            ARM64_SYSROOT + "/usr/include",
        ],
        toolchain_identifier = "aarch64-linux-gnu-gcc",
        host_system_name = "x86_64-linux-gnu",
        target_system_name = _TRIPLET,
        target_cpu = "aarch64",
        target_libc = "glibc",
        compiler = "gcc",
        abi_version = "gcc-" + _GCC_VERSION,
        abi_libc_version = "glibc",
        tool_paths = tool_paths,
    )

aarch64_cc_toolchain_config = rule(
    implementation = _impl,
    attrs = {},
    provides = [CcToolchainConfigInfo],
)
