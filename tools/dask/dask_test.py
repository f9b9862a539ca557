#!/usr/bin/python3
"""The Dask recipe's test (issue #13, 2): a LocalCluster of three worker
processes maps `gongkai extract` over seven partitions of corpus/real,
corpus/handmade and corpus/hostile, `gongkai ingest` loads the part files,
and the export of that dataset must equal, byte for byte, the export of a
direct `gongkai ingest` of the same files.

Usage: dask_test.py --gongkai build/gongkai
"""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gongkai", required=True)
    args = ap.parse_args()
    gongkai = os.path.abspath(args.gongkai)
    inputs = ["corpus/real", "corpus/handmade", "corpus/hostile"]
    work = tempfile.mkdtemp(prefix="gongkai-dask-")
    ok = False
    try:
        direct, dask_db = os.path.join(work, "direct.db"), os.path.join(work, "dask.db")
        subprocess.run([gongkai, "ingest", "--db", direct] + inputs, cwd=SOURCE,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run = subprocess.run(
            [sys.executable, os.path.join(HERE, "extract_dask.py"), "--gongkai", gongkai,
             "--out", os.path.join(work, "parts"), "--local-workers", "3",
             "--partitions", "7", "--db", dask_db] + inputs,
            cwd=SOURCE, stderr=subprocess.PIPE, text=True)
        print(run.stderr[-2000:])
        if run.returncode != 0:
            print("dask_test: the recipe exited", run.returncode)
            return 1
        parts = [f for f in os.listdir(os.path.join(work, "parts")) if f.endswith(".jsonl")]
        if len(parts) != 7:
            print("dask_test: expected 7 part files, got", len(parts))
            return 1
        for name, db in (("direct", direct), ("dask", dask_db)):
            subprocess.run([gongkai, "export", "--db", db, "--out", os.path.join(work, name)],
                           check=True, stderr=subprocess.DEVNULL)
        files = sorted(os.listdir(os.path.join(work, "direct")))
        match, mismatch, errors = filecmp.cmpfiles(
            os.path.join(work, "direct"), os.path.join(work, "dask"), files, shallow=False)
        if mismatch or errors or len(match) < 8:
            print("dask_test: exports differ:", mismatch, errors)
            return 1
        print(f"dask_test: {len(files)} export files equal to a direct ingest's")
        ok = True
        return 0
    finally:
        if ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("dask_test: kept", work)


if __name__ == "__main__":
    sys.exit(main())
