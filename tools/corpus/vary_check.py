#!/usr/bin/env python3
"""The property test over the variation generator: makes variants
(tools/corpus/vary.py) of the clean reports, reads them all with one
`gongkai extract DIR`, and requires each variant's figures to be its
expected figures. Prints the share read exactly, per class, and every
failing seed (with the figures that differ).

Usage: tools/corpus/vary_check.py --gongkai BIN [--seeds N] [--first-seed S]
       [--keep DIR] REPORT.html...
Exit status: 0 when every variant reads exactly, 1 otherwise.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--keep", help="write the variants here and keep them")
    ap.add_argument("reports", nargs="+")
    args = ap.parse_args()
    out = args.keep or tempfile.mkdtemp(prefix="gongkai-variants-")
    subprocess.run([sys.executable, os.path.join(HERE, "vary.py"), "--out", out,
                    "--seeds", str(args.seeds), "--first-seed",
                    str(args.first_seed)] + args.reports, check=True)
    # The files are named on standard input: a directory walk skips .md
    # files (notes beside the reports), and Markdown variants are .md.
    files = sorted(os.path.join(out, n) for n in os.listdir(out)
                   if not n.endswith(".json"))
    run = subprocess.run([args.gongkai, "extract", "-"], input="\n".join(files),
                         capture_output=True, text=True)
    got = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        got[os.path.basename(record["source"]["path"])] = record
    total, exact = 0, 0
    per_class = collections.defaultdict(lambda: [0, 0])
    failures = []
    for name in sorted(os.listdir(out)):
        if not name.endswith(".expected.json"):
            continue
        with open(os.path.join(out, name), encoding="utf-8") as f:
            want = json.load(f)
        record = got.get(want["source"], {})
        have = record.get("figures", {})
        diff = sorted(k for k in set(want["figures"]) | set(have)
                      if want["figures"].get(k, "absent") != have.get(k, "absent"))
        total += 1
        ok = not diff and "report" in record
        exact += ok
        for c in want["variant"]:
            per_class[c][0] += 1
            per_class[c][1] += ok
        if not ok:
            failures.append((want["seed"], want["source"], want["variant"],
                             record.get("error"), diff[:8], len(diff)))
    print("variants: %d, read exactly: %d (%.1f%%)" % (total, exact,
                                                       100.0 * exact / max(1, total)))
    for c in sorted(per_class):
        n, ok = per_class[c]
        print("  %-14s %4d variants, %4d exact" % (c, n, ok))
    for seed, source, classes, error, diff, n in failures:
        print("FAIL seed %d %s %s: %s %d figures differ: %s" %
              (seed, source, "+".join(classes), error or "", n, " ".join(diff)))
    if not args.keep:
        subprocess.run(["rm", "-rf", out])
    return 0 if exact == total else 1


if __name__ == "__main__":
    sys.exit(main())
