#!/usr/bin/env python3
"""The scanned corpus against its figures: every file of corpus/scanned/
is extracted and compared, figure by figure, with the expected figures of
its source in corpus/real/ (written by reading the source). Prints, per
file, the table cells right, left null (unsettled) and wrong, and the
hard findings against the source's; exits 1 unless, over the corpus, at
least 99.5% of the table cells read are right, no wrong number is certain
in tables 3 and 4 (applications.*, appeals.*: a cell of a lost table
counts as not right, not as a wrong number), and each whole-report scan
whose every cell was settled finds exactly its source's hard findings.

Usage: scan_check.py --gongkai build/gongkai [FILE...]
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def source_of(name):
    """hongze-2023-skew-300.pdf -> hongze-2023; page images -> the same."""
    stem = os.path.splitext(name)[0]
    for candidate in sorted(os.listdir(os.path.join(ROOT, "corpus/real")),
                            key=len, reverse=True):
        if candidate.endswith(".expected.json"):
            base = candidate[:-len(".expected.json")]
            if stem.startswith(base + "-"):
                return base
    return None


def extract(gongkai, path):
    run = subprocess.run([gongkai, "extract", "--timeout", "300", path],
                         capture_output=True, text=True)
    lines = [l for l in run.stdout.splitlines() if l.strip()]
    return json.loads(lines[0]) if lines else {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--min-share", type=float, default=0.995,
                    help="share of expected table cells read right")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(
        os.path.join(ROOT, "corpus/scanned", f)
        for f in os.listdir(os.path.join(ROOT, "corpus/scanned"))
        if f.endswith((".pdf", ".png", ".jpg")))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        records = list(pool.map(lambda f: extract(args.gongkai, f), files))
    total = right = null = wrong = certain_wrong = 0
    failed = False
    for path, record in zip(files, records):
        name = os.path.basename(path)
        base = source_of(name)
        expected = json.load(open(os.path.join(ROOT, "corpus/real",
                                               base + ".expected.json")))
        report = record.get("report") or (record.get("error") or {}).get("partial") or {}
        figures = record.get("figures", {})
        evidence = record.get("evidence", {})
        n = r = z = w = 0
        wrong_ids = []
        for fid, value in expected["figures"].items():
            if fid.startswith("prose."):
                continue
            n += 1
            if fid not in figures:
                if name.endswith(".pdf"):
                    w += 1  # a cell of a table lost
                    wrong_ids.append(fid + " not read")
                else:
                    n -= 1  # a page image holds one page's tables
                continue
            got = figures[fid]
            if got == value:
                r += 1
            elif got is None and evidence.get(fid, {}).get("ocr", {}).get(
                    "settled") == "unsettled":
                z += 1
            else:
                w += 1
                wrong_ids.append("%s=%s (expected %s)" % (fid, got, value))
                if got is not None and fid.startswith(("applications.", "appeals.")):
                    certain_wrong += 1
        hard = sorted({f["check"] for f in record.get("findings", [])
                       if f["severity"] == "error"})
        whole = name.endswith(".pdf")
        # A scan whose every cell was settled finds its source's findings.
        findings_ok = (not whole or z or w or
                       hard == sorted(expected.get("error_findings", [])))
        failed = failed or not findings_ok
        print("%-36s %3d cells: %3d right, %2d null, %2d wrong; hard %s%s%s" % (
            name, n, r, z, w, ",".join(hard) or "-",
            "" if findings_ok else " (expected %s)" % ",".join(
                expected.get("error_findings", [])),
            ("; wrong: " + "; ".join(wrong_ids)) if wrong_ids else ""))
        total += n
        right += r
        null += z
        wrong += w
    share = right / total if total else 0
    print("scanned corpus: %d cells, %.2f%% right, %d null, %d wrong (%d in "
          "tables 3 and 4)" % (total, 100 * share, null, wrong, certain_wrong))
    if share < args.min_share or certain_wrong or failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
