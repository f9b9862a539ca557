#!/usr/bin/env python3
"""Benchmark: gongkai extract (extract + normalize + read + reconcile) against
`pdftotext -layout` on the same PDFs, in the same run.

Two ways, as users run them:
  per-file  one process per file: `gongkai extract FILE` against
            `pdftotext -layout FILE -` (start-up counts);
  batch     one `gongkai extract DIR` against a loop of pdftotext over the
            same files.
For each: documents per second, peak resident memory of one process, and
the ratio gongkai / pdftotext of the wall time: a pass of each in turn,
--repeat times, and the median of the per-pass ratios (a shared machine's
speed drifts over minutes; passes in turn meet the same drift).

Ingest: `gongkai ingest` of the same PDFs into a fresh dataset, with one
worker and with --workers (default: the number of cores): reports per second.

Usage: tools/bench/bench.py [--gongkai build/gongkai] [--repeat 5] [--workers N] [DIR|PDF...]
       (default inputs: corpus/real and corpus/synthetic)
This is a tool, not a test: timings depend on the machine.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd):
    """Runs cmd, output discarded; returns (seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss


def pdfs(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                out += [os.path.join(root, f) for f in files if f.endswith(".pdf")]
        elif p.endswith(".pdf"):
            out.append(p)
    return sorted(out)


def one_pass(commands):
    """Runs every command once; returns (total seconds, peak RSS in KiB)."""
    total, peak = 0, 0
    for cmd in commands:
        t, rss = run(cmd)
        total += t
        peak = max(peak, rss)
    return total, peak


def compare(ours, theirs, repeat):
    """Times a pass of `ours` and a pass of `theirs` in turn, `repeat` times,
    so that both meet the same state of the machine (a shared machine's
    speed drifts over minutes). Returns (median seconds of ours, peak RSS,
    median seconds of theirs, peak RSS, median of the per-pass ratios)."""
    ours_t, theirs_t, ratios, ours_rss, theirs_rss = [], [], [], 0, 0
    for _ in range(repeat):
        t, rss = one_pass(ours)
        ours_t.append(t)
        ours_rss = max(ours_rss, rss)
        u, rss = one_pass(theirs)
        theirs_t.append(u)
        theirs_rss = max(theirs_rss, rss)
        ratios.append(t / u)
    return (statistics.median(ours_t), ours_rss, statistics.median(theirs_t), theirs_rss,
            statistics.median(ratios))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", default=["corpus/real", "corpus/synthetic"])
    ap.add_argument("--gongkai", default="build/gongkai")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    args = ap.parse_args()
    files = pdfs(args.inputs)
    if not files:
        sys.exit("bench: no PDF files")
    tmp = tempfile.mkdtemp()
    for i, f in enumerate(files):
        os.symlink(os.path.abspath(f), os.path.join(tmp, f"{i:05d}-{os.path.basename(f)}"))
    n = len(files)
    # Warm the page cache and check both programs run.
    for f in files:
        run([args.gongkai, "extract", f])
        run(["pdftotext", "-layout", f, "-"])
    pdftotext = [["pdftotext", "-layout", f, "-"] for f in files]
    rows = [("per-file",) + compare([[args.gongkai, "extract", f] for f in files], pdftotext,
                                    args.repeat),
            ("batch",) + compare([[args.gongkai, "extract", tmp]], pdftotext, args.repeat)]
    print(f"{n} PDFs, median of {args.repeat} runs, gongkai and pdftotext in turn")
    print(f"{'mode':9} {'gongkai docs/s':>15} {'peak MiB':>9} {'pdftotext docs/s':>17} {'peak MiB':>9} {'time ratio':>11}")
    for mode, g, g_rss, p, p_rss, ratio in rows:
        print(f"{mode:9} {n / g:15.1f} {g_rss / 1024:9.1f} {n / p:17.1f} {p_rss / 1024:9.1f} {ratio:11.2f}")
    print()
    print(f"{'ingest':9} {'workers':>8} {'reports/s':>10} {'speed-up':>9}")
    base = None
    for workers in sorted({1, args.workers}):
        times = []
        for _ in range(args.repeat):
            db = tempfile.mktemp(suffix=".db")
            t, _ = run([args.gongkai, "ingest", "--workers", str(workers), "--db", db, tmp])
            times.append(t)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.unlink(db + suffix)
        t = statistics.median(times)
        base = base or t
        print(f"{'':9} {workers:8d} {n / t:10.1f} {base / t:9.2f}")
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
