// Auto-generated file. Do not edit!
//   Generator: scripts/codegen.py (table ISAS)
//
// Facts of the ISA table that the preprocessor needs; included by
// microkernels/common.h after the ATTNORM_ARCH_* macros.
#pragma once

// ATTNORM_ENABLE_<ISA>: 1 when this build holds the ISA's kernels, by
// default when compiling for its architecture. The enumerator lists guard
// their rows with these, so a test or benchmark target keeps one ISA's rows
// by defining the others to 0 (it never defines one to 1: an ISA is never
// forced on an architecture that lacks it).
#ifndef ATTNORM_ENABLE_SCALAR
  #define ATTNORM_ENABLE_SCALAR 1
#endif
#ifndef ATTNORM_ENABLE_AVX2
  #define ATTNORM_ENABLE_AVX2 ATTNORM_ARCH_X86_64
#endif
#ifndef ATTNORM_ENABLE_AVX512F
  #define ATTNORM_ENABLE_AVX512F ATTNORM_ARCH_X86_64
#endif
#ifndef ATTNORM_ENABLE_NEON
  #define ATTNORM_ENABLE_NEON ATTNORM_ARCH_ARM64
#endif

// Every ATTNORM_FLAG_FORCE_* flag of include/attnorm.h (include it to use
// this).
#define ATTNORM_FLAG_FORCE_MASK \
  (ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2 | ATTNORM_FLAG_FORCE_AVX512F | ATTNORM_FLAG_FORCE_NEON)

// Every ISA, best first: the order in which a config picks the running
// CPU's ISA (an initializer list for an enum attnorm_isa array).
#define ATTNORM_ISAS_BEST_FIRST \
  attnorm_isa_x86_avx512f, attnorm_isa_x86_avx2, attnorm_isa_arm_neon, attnorm_isa_scalar
