#!/usr/bin/env python3
"""A tiny template expander in the spirit of XNNPACK's xngen.

Template language:
  * A line whose first non-blank character is `$` is a Python statement
    (`$for N in range(SIMD_TILE):`, `$if ACCUMULATORS > 1:`, `$else:`,
    `$assert BATCH_TILE % 8 == 0`, `$SIMD_TILE = BATCH_TILE // 8`).
    A statement ending in `:` opens a block; the block holds the following
    lines that are indented deeper than the `$` line.
  * `${expr}` anywhere in a text line is replaced by `str(expr)`.
  * Text lines inside a block are emitted with the block's extra indentation
    removed (2 columns per open block), so the output reads as hand-written.

Usage as a command:
  xngen.py TEMPLATE -D NAME=VALUE [-D ...] -o OUTPUT
Values that parse as Python integers become ints; anything else is a string.
"""

import argparse
import sys

INDENT_PER_BLOCK = 2


def _split_substitutions(text, where):
  """Splits `text` into literal strings and `${...}` expressions."""
  parts = []
  i = 0
  while True:
    j = text.find("${", i)
    if j < 0:
      parts.append(("lit", text[i:]))
      return parts
    parts.append(("lit", text[i:j]))
    depth = 0
    k = j + 1
    while k < len(text):
      if text[k] == "{":
        depth += 1
      elif text[k] == "}":
        depth -= 1
        if depth == 0:
          break
      k += 1
    if k >= len(text):
      raise SyntaxError("%s: unterminated ${...}" % where)
    parts.append(("expr", text[j + 2:k]))
    i = k + 1


def _to_python(template, name):
  """Translates a template into Python source that appends to `__out`."""
  code = []
  stack = []  # indentation of the `$` lines whose blocks are open

  def close_blocks(indent):
    while stack and stack[-1] >= indent:
      stack.pop()

  lines = template.splitlines()
  for lineno, line in enumerate(lines, 1):
    where = "%s:%d" % (name, lineno)
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    if not stripped:
      # A blank line belongs to the blocks that the next non-blank line is in.
      following = next((l for l in lines[lineno:] if l.strip()), "")
      close_blocks(len(following) - len(following.lstrip(" ")))
      code.append("%s__out.append('')" % ("  " * len(stack)))
      continue
    if stripped.startswith("$") and not stripped.startswith("${"):
      close_blocks(indent)
      statement = stripped[1:].strip()
      code.append("%s%s  # %s" % ("  " * len(stack), statement, where)
                  if not statement.endswith(":") else
                  "%s%s" % ("  " * len(stack), statement))
      if statement.endswith(":"):
        stack.append(indent)
      continue
    close_blocks(indent)
    pad = "  " * len(stack)
    dedent = min(INDENT_PER_BLOCK * len(stack), indent)
    text = line[dedent:]
    pieces = []
    for kind, value in _split_substitutions(text, where):
      if kind == "lit":
        if value:
          pieces.append(repr(value))
      else:
        pieces.append("str(%s)" % value)
    code.append("%s__out.append(%s)" % (pad, " + ".join(pieces) or "''"))
  return "\n".join(code) + "\n"


def expand(template, defines, name="<template>"):
  """Expands template text with the given variables; returns the output text."""
  source = _to_python(template, name)
  scope = dict(defines)
  scope["__out"] = []
  exec(compile(source, name, "exec"), scope)  # pylint: disable=exec-used
  text = "\n".join(scope["__out"])
  # Blank lines left by control lines collapse into at most one.
  while "\n\n\n" in text:
    text = text.replace("\n\n\n", "\n\n")
  return text.rstrip("\n") + "\n"


def parse_define(text):
  name, _, value = text.partition("=")
  try:
    return name, int(value, 0)
  except ValueError:
    return name, value


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("template")
  parser.add_argument("-D", dest="defines", action="append", default=[])
  parser.add_argument("-o", dest="output", required=True)
  args = parser.parse_args(argv)
  with open(args.template) as f:
    text = expand(f.read(), dict(map(parse_define, args.defines)), args.template)
  with open(args.output, "w") as f:
    f.write(text)


if __name__ == "__main__":
  main(sys.argv[1:])
