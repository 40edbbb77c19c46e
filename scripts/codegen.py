#!/usr/bin/env python3
"""Regenerates every microkernel, enumerator list and Bazel source list.

Each kernel family has one generation script, scripts/families/<family>.py,
that names the family's parameters and has one line per variant:

    PARAMS_TYPE = "union attnorm_f32_expminus_params"  # or "void"
    INIT_PARAMS = "attnorm_init_f32_expminus_params"   # or None
    SUMMING = True  # the kernels keep float partial sums (see partial_sums)
    KERNELS = [
      # template          BATCH_TILE  ACCUMULATORS  [free-form defines]
      ("avx2-rr1-p5",     32,         2),
      ("simd",            64,         4,            {"ISA": "avx512f"}),
    ]

A template is microkernels/<family>/<isa>[-<algorithm>].c.in, or
microkernels/<family>/<generic>[-<algorithm>].c.in (a first word that is not
an ISA, e.g. "simd") serving several ISAs, whose rows then name the ISA in
their defines. The optional dict of a row is passed to the template as extra
defines (upper-case names, like BATCH_TILE), so one template can serve several
ISAs or options; it never changes the kernel's name. From each line this
script derives the kernel's name (XNNPACK's scheme under attnorm's prefix:
<isa>[_<algorithm>]_u<BATCH_TILE>[_acc<ACCUMULATORS>]), expands the template
into microkernels/<family>/gen/, and writes:

  * microkernels/<family>/<family>.inc: the enumerator list, one row per kernel
    inside per-ISA guards,
      ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype,
                      params_type, init_params, partial_sums)
    (XNNPACK's seven fields plus partial_sums, the number of float partial
    sums a summing kernel keeps: SIMD width x ACCUMULATORS; 0 otherwise); the
    family header, its tests and its benchmarks include it;
  * microkernels.bzl: the per-ISA source lists for BUILD.bazel.

From the ISA table below (ISAS) it writes microkernels/isas.inc,
microkernels/isas.h and isas.bzl: every list of ISAs in the C code and the
Bazel build.

Files are written only when their content changes, so running this twice
changes nothing. `--check` writes nothing and fails if anything is stale.

Usage: scripts/codegen.py [--check] [FAMILY ...]
"""

import argparse
import collections
import os
import runpy
import sys

import xngen

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = "attnorm"

# The ISA table: the one place that lists attnorm's instruction sets. Every
# other list of ISAs is generated from it (isa_outputs below):
#   * microkernels/isas.inc: one ATTNORM_ISA(...) row per ISA, the X-macro list
#     that declares enum attnorm_isa (microkernels/common.h), detects the CPU
#     (src/hardware-config.c) and enumerates ISA paths in tests;
#   * microkernels/isas.h: ATTNORM_ENABLE_<ISA> defaults, the mask of every
#     ATTNORM_FLAG_FORCE_* flag and the ISAs best first;
#   * isas.bzl: per-ISA compiler flags and architecture, from which
#     build_defs.bzl makes the per-ISA microkernel libraries, tests and
#     benchmarks.
# Columns:
#   name        lowercase name: template prefix, kernel names, Bazel targets
#   guard       macro that is 1 when a build holds this ISA's kernels
#   flag        enum attnorm_isa value
#   bzl         prefix of generated Bazel names
#   description for people
#   arch        target architecture (a key of ARCHS), None for every one
#   copts       compiler flags of this ISA's kernels
#   force_flag  ATTNORM_FLAG_FORCE_* of include/attnorm.h that runs only this
#               ISA's kernels (the public define is written by hand: API)
#   cpu_check   C expression over cpuinfo.h: the running CPU has the ISA
#   preference  rank among ISAs the CPU has: the highest with a config wins
#   simd_width  floats per vector: a summing kernel keeps simd_width x
#               ACCUMULATORS float partial sums (the .inc's partial_sums);
#               templates see it as SIMD_SIZE
Isa = collections.namedtuple(
    "Isa", "name guard flag bzl description arch copts force_flag cpu_check preference simd_width")

# Target architectures: the C macro that is 1 when compiling for it (defined in
# microkernels/common.h) and the Bazel config_setting of it (BUILD.bazel).
Arch = collections.namedtuple("Arch", "name macro config_setting cpu")
ARCHS = collections.OrderedDict((arch.name, arch) for arch in [
    Arch("x86_64", "ATTNORM_ARCH_X86_64", "//:x86_64", "k8"),
    Arch("aarch64", "ATTNORM_ARCH_ARM64", "//:aarch64", "aarch64"),
])

# Order matters: it is the order of enum attnorm_isa, of the enumerator lists
# and of the source lists.
ISAS = collections.OrderedDict((isa.name, isa) for isa in [
    Isa("scalar", "ATTNORM_ENABLE_SCALAR", "attnorm_isa_scalar", "SCALAR",
        "portable C", arch=None, copts=[],
        force_flag="ATTNORM_FLAG_FORCE_SCALAR", cpu_check="true",
        preference=0, simd_width=1),
    Isa("avx2", "ATTNORM_ENABLE_AVX2", "attnorm_isa_x86_avx2", "AVX2",
        "x86-64 AVX2 + FMA3", arch="x86_64",
        copts=["-mavx2", "-mfma", "-mf16c"],
        force_flag="ATTNORM_FLAG_FORCE_AVX2",
        cpu_check="cpuinfo_has_x86_avx2() && cpuinfo_has_x86_fma3()",
        preference=20, simd_width=8),
    Isa("avx512f", "ATTNORM_ENABLE_AVX512F", "attnorm_isa_x86_avx512f",
        "AVX512F", "x86-64 AVX512F", arch="x86_64",
        copts=["-mavx512f", "-mavx2", "-mfma"],
        force_flag="ATTNORM_FLAG_FORCE_AVX512F",
        cpu_check="cpuinfo_has_x86_avx512f()",
        preference=30, simd_width=16),
    Isa("neon", "ATTNORM_ENABLE_NEON", "attnorm_isa_arm_neon", "NEON",
        "AArch64 NEON (Advanced SIMD with FMA)", arch="aarch64", copts=[],
        force_flag="ATTNORM_FLAG_FORCE_NEON",
        cpu_check="cpuinfo_has_arm_neon_fma()",
        preference=20, simd_width=4),
])




def isas_best_first():
  """The ISAs by falling preference; table order among equals."""
  return sorted(ISAS.values(), key=lambda isa: -isa.preference)


def isa_outputs():
  """Returns {path: content} of the files generated from the ISA table."""
  outputs = collections.OrderedDict()
  source = [("Generator", "scripts/codegen.py (table ISAS)")]
  columns = max(len(isa.flag) for isa in ISAS.values())

  inc = [generated_header(source).rstrip("\n"),
         "//",
         "// The ISAs of attnorm, one row each:",
         "//   ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check)",
         "// isa: the enum attnorm_isa value; name: bare lowercase name (# makes",
         "// the string); guard: ATTNORM_ENABLE_<ISA>, 1 when this build holds its",
         "// kernels; arch: 1 when compiling for an architecture that has it;",
         "// force_flag: its ATTNORM_FLAG_FORCE_* (include/attnorm.h); cpu_check: an",
         "// expression over cpuinfo.h, true when the running CPU has it (valid on",
         "// every architecture: cpuinfo answers false for other architectures).",
         "// Define ATTNORM_ISA, then include this file; the order is the enum's.",
         ""]
  for isa in ISAS.values():
    arch = ARCHS[isa.arch].macro if isa.arch else "1"
    inc.append("ATTNORM_ISA(%s, %s, %s, %s, %s, (%s))" % (
        isa.flag, isa.name, isa.guard, arch, isa.force_flag, isa.cpu_check))
  outputs["microkernels/isas.inc"] = "\n".join(inc) + "\n"

  h = [generated_header(source).rstrip("\n"),
       "//",
       "// Facts of the ISA table that the preprocessor needs; included by",
       "// microkernels/common.h after the ATTNORM_ARCH_* macros.",
       "#pragma once",
       "",
       "// ATTNORM_ENABLE_<ISA>: 1 when this build holds the ISA's kernels, by",
       "// default when compiling for its architecture. The enumerator lists guard",
       "// their rows with these, so a test or benchmark target keeps one ISA's rows",
       "// by defining the others to 0 (it never defines one to 1: an ISA is never",
       "// forced on an architecture that lacks it).",
       ]
  for isa in ISAS.values():
    arch = ARCHS[isa.arch].macro if isa.arch else "1"
    h.extend(["#ifndef %s" % isa.guard,
              "  #define %s %s" % (isa.guard, arch),
              "#endif"])
  h.extend(["",
            "// Every ATTNORM_FLAG_FORCE_* flag of include/attnorm.h (include it to use",
            "// this).",
            "#define ATTNORM_FLAG_FORCE_MASK \\",
            "  (%s)" % " | ".join(isa.force_flag for isa in ISAS.values()),
            "",
            "// Every ISA, best first: the order in which a config picks the running",
            "// CPU's ISA (an initializer list for an enum attnorm_isa array).",
            "#define ATTNORM_ISAS_BEST_FIRST \\",
            "  %s" % ", ".join(isa.flag for isa in isas_best_first()),
            ""])
  outputs["microkernels/isas.h"] = "\n".join(h)

  bzl = [generated_header(source, "#").rstrip(),
         '"""The ISA table of scripts/codegen.py for Bazel: build_defs.bzl makes',
         "the per-ISA microkernel libraries, tests and benchmarks from it.\"\"\"",
         "",
         "# Target architectures: the config_setting (BUILD.bazel) that selects each,",
         "# and its --cpu value.",
         "ARCHS = {"]
  for arch in ARCHS.values():
    bzl.append('    "%s": struct(config_setting = "%s", cpu = "%s"),' % (
        arch.name, arch.config_setting, arch.cpu))
  bzl.extend(["}",
              "",
              "# One struct per ISA, in table order: its name, the macro that enables its",
              "# kernels, the compiler flags of its kernels, and its architecture (None:",
              "# every architecture).",
              "ISAS = ["])
  for isa in ISAS.values():
    bzl.append("    struct(")
    bzl.append('        name = "%s",' % isa.name)
    bzl.append('        guard = "%s",' % isa.guard)
    bzl.append("        copts = [%s]," % ", ".join('"%s"' % c for c in isa.copts))
    bzl.append("        arch = %s," % ('"%s"' % isa.arch if isa.arch else "None"))
    bzl.append("    ),")
  bzl.extend(["]", ""])
  outputs["isas.bzl"] = "\n".join(bzl)
  return outputs


class Kernel(object):
  """One variant of a family: a template expanded with one set of defines."""


class Kernel(object):
  """One variant of a family: a template expanded with one set of defines.

  template: "<isa>[-<algorithm>]", or "<generic>[-<algorithm>]" with the ISA in
  defines["ISA"]; it names the kernel and, unless defines["TEMPLATE"] names
  another one, the template file. defines: free-form template defines of the
  row.
  """

  def __init__(self, family, template, batch_tile, accumulators, defines=None,
               summing=False):
    self.family = family
    self.batch_tile = batch_tile
    self.accumulators = accumulators
    self.defines = dict(defines or {})
    # "TEMPLATE" picks another template file for this variant (its name still
    # comes from the first field).
    self.template = self.defines.pop("TEMPLATE", template)
    for key in self.defines:
      if key != key.upper() or key in ("UKERNEL", "BATCH_TILE", "ACCUMULATORS", "SIMD_SIZE"):
        raise SystemExit("%s/%s: bad free-form define %r" % (family, template, key))
    parts = template.split("-")
    if parts[0] in ISAS:
      if self.defines.get("ISA", parts[0]) != parts[0]:
        raise SystemExit("%s/%s: ISA define %r contradicts the template"
                         % (family, template, self.defines["ISA"]))
      isa = parts[0]
    elif "ISA" in self.defines:
      isa = self.defines["ISA"]
      if isa not in ISAS:
        raise SystemExit("%s/%s: unknown ISA %r" % (family, template, isa))
    else:
      raise SystemExit("%s/%s: generic template needs an ISA define" % (family, template))
    self.isa = ISAS[isa]
    self.algorithm = parts[1:]
    self.partial_sums = 0
    if summing:
      # A summing kernel keeps one float partial sum per lane and accumulator.
      self.partial_sums = self.isa.simd_width * accumulators
    suffix = [isa] + parts[1:] + ["u%d" % batch_tile]
    if accumulators > 1:
      suffix.append("acc%d" % accumulators)
    datatype, op = family.split("-", 1)
    self.name = "%s_%s_%s_ukernel__%s" % (PREFIX, datatype, op.replace("-", "_"),
                                         "_".join(suffix))
    self.filename = "%s-%s.c" % (family, "-".join(suffix))

  @property
  def template_path(self):
    return "microkernels/%s/%s.c.in" % (self.family, self.template)

  @property
  def output_path(self):
    return "microkernels/%s/gen/%s" % (self.family, self.filename)


def generated_header(sources, comment="//"):
  lines = ["Auto-generated file. Do not edit!"]
  for label, path in sources:
    lines.append("  %s: %s" % (label, path))
  return "".join("%s %s\n" % (comment, line) for line in lines)


def family_outputs(family):
  """Returns {path: content} for one family."""
  script = "scripts/families/%s.py" % family
  spec = runpy.run_path(os.path.join(ROOT, script))
  params_type = spec.get("PARAMS_TYPE", "void")
  init_params = spec.get("INIT_PARAMS") or "NULL"
  summing = spec.get("SUMMING", False)
  kernels = [Kernel(family, *row, summing=summing) for row in spec["KERNELS"]]
  names = [k.name for k in kernels]
  duplicates = set(n for n in names if names.count(n) > 1)
  if duplicates:
    raise SystemExit("%s: duplicate kernels %s" % (script, sorted(duplicates)))

  outputs = collections.OrderedDict()
  templates = {}
  for kernel in kernels:
    if kernel.template_path not in templates:
      with open(os.path.join(ROOT, kernel.template_path)) as f:
        templates[kernel.template_path] = f.read()
    defines = dict(kernel.defines)
    defines.update({
        "UKERNEL": kernel.name,
        "BATCH_TILE": kernel.batch_tile,
        "ACCUMULATORS": kernel.accumulators,
        "ISA": kernel.isa.name,
        "SIMD_SIZE": kernel.isa.simd_width,
    })
    body = xngen.expand(templates[kernel.template_path], defines,
                        kernel.template_path)
    header = generated_header([("Template", kernel.template_path),
                               ("Generator", script)])
    outputs[kernel.output_path] = header + "\n" + body

  inc = [generated_header([("Generator", script)]).rstrip("\n"),
         "//",
         "// Enumerator list of the %s microkernels: one row per kernel," % family,
         "//   ATTNORM_UKERNEL(arch, ukernel, batch_tile, vector_tile, datatype,",
         "//                   params_type, init_params, partial_sums)",
         "// where batch_tile is the number of elements one main-loop iteration",
         "// processes, and partial_sums the number of float partial sums the",
         "// kernel keeps (0: the kernel does not sum). Define ATTNORM_UKERNEL,",
         "// then include this file.",
         ""]
  for isa in ISAS.values():
    rows = [k for k in kernels if k.isa is isa]
    if not rows:
      continue
    inc.append("#if %s" % isa.guard)
    for k in rows:
      inc.append("ATTNORM_UKERNEL(%s, %s, %d, false, float, %s, %s, %d)"
                 % (isa.flag, k.name, k.batch_tile, params_type, init_params,
                    k.partial_sums))
    inc.append("#endif  // %s" % isa.guard)
    inc.append("")
  outputs["microkernels/%s/%s.inc" % (family, family)] = "\n".join(inc)
  return outputs, kernels


def all_families():
  folder = os.path.join(ROOT, "scripts", "families")
  return sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".py"))


def bzl_output(kernels):
  lines = [generated_header([("Generator", "scripts/codegen.py")], "#").rstrip(),
           '"""Per-ISA microkernel source lists; BUILD.bazel compiles each list',
           'with that ISA\'s flags into one library."""',
           ""]
  lines.append("# Generated kernel sources of each ISA (keys: isas.bzl's ISAS).")
  lines.append("MICROKERNEL_SRCS = {")
  for isa in ISAS.values():
    srcs = sorted(k.output_path for k in kernels if k.isa is isa)
    if not srcs:
      lines.append('    "%s": [],' % isa.name)
      continue
    lines.append('    "%s": [' % isa.name)
    lines.extend('        "%s",' % s for s in srcs)
    lines.append("    ],")
  lines.append("}")
  lines.append("")
  lines.append("# ISAs that have kernels of each family, in table order: one test and one")
  lines.append("# benchmark target per family and ISA.")
  lines.append("FAMILY_ISAS = {")
  for family in sorted(set(k.family for k in kernels)):
    isas = [isa.name for isa in ISAS.values()
            if any(k.family == family and k.isa is isa for k in kernels)]
    lines.append('    "%s": [%s],' % (family, ", ".join('"%s"' % i for i in isas)))
  lines.append("}")
  lines.append("")
  return "\n".join(lines)


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--check", action="store_true",
                      help="write nothing; fail if any generated file is stale")
  parser.add_argument("families", nargs="*")
  args = parser.parse_args(argv)

  families = all_families()
  outputs = collections.OrderedDict()
  kernels = []
  for family in families:
    family_files, family_kernels = family_outputs(family)
    outputs.update(family_files)
    kernels.extend(family_kernels)
  outputs["microkernels.bzl"] = bzl_output(kernels)
  outputs.update(isa_outputs())

  selected = set(args.families)
  stale = []
  for path, content in outputs.items():
    # Files of families not asked for are left alone; the ISA table's and
    # the Bazel lists are always written.
    family = path.split("/")[1] if path.count("/") >= 2 else None
    if selected and family is not None and family not in selected:
      continue
    full = os.path.join(ROOT, path)
    try:
      with open(full) as f:
        current = f.read()
    except IOError:
      current = None
    if current == content:
      continue
    stale.append(path)
    if not args.check:
      os.makedirs(os.path.dirname(full), exist_ok=True)
      with open(full, "w") as f:
        f.write(content)

  # Files in gen/ folders that no generation line produces any more.
  orphans = []
  for family in families:
    gen = os.path.join(ROOT, "microkernels", family, "gen")
    if os.path.isdir(gen):
      for f in sorted(os.listdir(gen)):
        path = "microkernels/%s/gen/%s" % (family, f)
        if path not in outputs:
          orphans.append(path)
          if not args.check:
            os.remove(os.path.join(ROOT, path))

  if args.check:
    if stale or orphans:
      for path in stale:
        print("stale: %s" % path)
      for path in orphans:
        print("orphan: %s" % path)
      print("codegen check FAILED: run scripts/codegen.py and commit the result")
      return 1
    print("codegen check passed: %d kernels in %d families, %d files up to date"
          % (len(kernels), len(families), len(outputs)))
    return 0
  print("codegen: %d kernels in %d families; %d files written, %d removed"
        % (len(kernels), len(families), len(stale), len(orphans)))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
