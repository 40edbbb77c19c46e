#!/usr/bin/env python3
"""Counts googletest cases in the JUnit XML files below a Bazel testlogs folder.

  test-summary.py --label NAME TESTLOGS  prints 'NAME: N passed, N failed, N skipped'
                                         and adds the counts to a running total
  test-summary.py --total                prints 'Tests: N passed, N failed, N skipped'
                                         over every labelled run, then clears it

Exits 1 when a case failed or no case ran."""

import argparse
import json
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

# The running total lives in $ATTNORM_TEST_TOTALS (scripts/test.sh makes a
# fresh file per run), else in the temp folder.
TOTALS = os.environ.get("ATTNORM_TEST_TOTALS") or os.path.join(tempfile.gettempdir(), "attnorm-test-summary.json")


def count(testlogs):
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
    for case in tree.iter("testcase"):
      name = "%s.%s" % (case.get("classname"), case.get("name"))
      if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
        failures.append("%s: %s" % (target, name))
      elif case.get("result") == "skipped" or case.find("skipped") is not None or case.get("status") == "notrun":
        skipped += 1
      else:
        passed += 1
  return passed, failed, skipped, failures


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--label", default="Tests")
  parser.add_argument("--total", action="store_true")
  parser.add_argument("testlogs", nargs="?", default="bazel-testlogs")
  args = parser.parse_args(argv)

  if args.total:
    try:
      with open(TOTALS) as f:
        totals = json.load(f)
      os.remove(TOTALS)
    except (IOError, OSError, ValueError):
      totals = [0, 0, 0]
    print("Tests: %d passed, %d failed, %d skipped" % tuple(totals))
    return 1 if totals[1] or totals[0] == 0 else 0

  passed, failed, skipped, failures = count(args.testlogs)
  for f in failures[:50]:
    print("FAILED: %s" % f)
  print("%s: %d passed, %d failed, %d skipped" % (args.label, passed, failed, skipped))
  try:
    with open(TOTALS) as f:
      totals = json.load(f)
  except (IOError, ValueError):
    totals = [0, 0, 0]
  totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
  with open(TOTALS, "w") as f:
    json.dump(totals, f)
  return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
