# Auto-generated file. Do not edit!
#   Generator: scripts/codegen.py
"""Per-ISA microkernel source lists; BUILD.bazel compiles each list
with that ISA's flags into one library."""

SCALAR_MICROKERNEL_SRCS = [
    "microkernels/f32-rmax/gen/f32-rmax-scalar-u1.c",
    "microkernels/f32-rmax/gen/f32-rmax-scalar-u2-acc2.c",
    "microkernels/f32-rmax/gen/f32-rmax-scalar-u4-acc4.c",
]

AVX2_MICROKERNEL_SRCS = [
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u16-acc2.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u24-acc3.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u32-acc2.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u32-acc4.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u64-acc4.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx2-u8.c",
]

AVX512F_MICROKERNEL_SRCS = [
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u128-acc4.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u16.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u32-acc2.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u48-acc3.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u64-acc2.c",
    "microkernels/f32-rmax/gen/f32-rmax-avx512f-u64-acc4.c",
]

NEON_MICROKERNEL_SRCS = [
]
