#!/usr/bin/env python3
"""Prints 'Tests: N passed, N failed, N skipped' over every test.xml below a
Bazel testlogs folder (googletest cases; a target without cases counts once).
Exits 1 when a case failed or no test ran."""

import os
import sys
import xml.etree.ElementTree as ET


def main(testlogs):
  passed = failed = skipped = 0
  failures = []
  for root, _, files in os.walk(testlogs):
    if "test.xml" not in files:
      continue
    target = os.path.relpath(root, testlogs)
    try:
      tree = ET.parse(os.path.join(root, "test.xml"))
    except ET.ParseError:
      failed += 1
      failures.append(target + " (unreadable test.xml)")
      continue
    cases = list(tree.iter("testcase"))
    if not cases:
      continue
    for case in cases:
      name = "%s.%s" % (case.get("classname"), case.get("name"))
      if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
        failures.append("%s: %s" % (target, name))
      elif case.get("result") == "skipped" or case.find("skipped") is not None or case.get("status") == "notrun":
        skipped += 1
      else:
        passed += 1
  for f in failures[:50]:
    print("FAILED: %s" % f)
  print("Tests: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
  return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "bazel-testlogs"))
