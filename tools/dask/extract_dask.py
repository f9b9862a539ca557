#!/usr/bin/python3
"""gongkai over a Dask cluster: maps `gongkai extract` over partitions of a
file list on dask.distributed workers, one JSON Lines file per partition,
then `gongkai ingest` loads them into one dataset.

  tools/dask/extract_dask.py --gongkai build/gongkai --out parts/ \
      [--scheduler tcp://host:8786 | --local-workers 4] [--partitions N] \
      [--db gongkai.db] INPUT...

INPUT is a file or a directory (walked as `gongkai extract DIR` walks it:
hidden files and .json/.jsonl/.md notes skipped), or `-` for one path per
line on standard input. With --scheduler the partitions run on that
cluster's workers, which must see the same paths and the gongkai binary (a
shared file system); without it a LocalCluster of --local-workers worker
processes runs them here. Each partition's records go to
OUT/part-NNNNN.jsonl, written to a temporary name and renamed when whole,
so a partition retried by Dask (a worker lost) never leaves half a file.
A partition whose gongkai exits 3 (some file unreadable) is normal: its
error records are in its file. Any other failure of a partition fails the
run, naming it. With --db the parts are ingested (`gongkai ingest`), and
the exit code is ingest's.

Uses Debian's python3-dask and python3-distributed (run it with
/usr/bin/python3, where Debian installs them).
"""
import argparse
import os
import subprocess
import sys

SKIPPED_EXTENSIONS = (".json", ".jsonl", ".md")


def walk(path):
    """Returns the files of `path` as gongkai's directory walk takes them."""
    if not os.path.isdir(path):
        return [path]
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or f.endswith(SKIPPED_EXTENSIONS):
                continue
            out.append(os.path.join(root, f))
    return out


def run_partition(gongkai, out_dir, index, paths):
    """Runs on a worker: extracts `paths` into OUT/part-INDEX.jsonl."""
    final = os.path.join(out_dir, f"part-{index:05d}.jsonl")
    temp = os.path.join(out_dir, f".part-{index:05d}.jsonl.{os.getpid()}")
    with open(temp, "wb") as out:
        proc = subprocess.run([gongkai, "extract", "-"], input="\n".join(paths).encode(),
                              stdout=out, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 3):  # 3: some file has an error record
        os.unlink(temp)
        raise RuntimeError(f"partition {index}: gongkai exited {proc.returncode}: "
                           + proc.stderr.decode(errors="replace")[-500:])
    os.replace(temp, final)
    return final, len(paths)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--out", required=True, help="directory of the part files")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--local-workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=0,
                    help="number of partitions (default: 4 per worker)")
    ap.add_argument("--db", help="ingest the parts into this dataset")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    paths = []
    for i in args.inputs:
        if i == "-":
            paths += [line.rstrip("\n") for line in sys.stdin if line.strip()]
        else:
            paths += walk(i)
    gongkai = os.path.abspath(args.gongkai)
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        n = args.partitions or 4 * workers
        n = max(1, min(n, len(paths)))
        parts = [paths[k::n] for k in range(n)]
        futures = [client.submit(run_partition, gongkai, out_dir, k, part, pure=False)
                   for k, part in enumerate(parts) if part]
        done = client.gather(futures)
    finally:
        client.close()
        if cluster:
            cluster.close()
    print(f"extract_dask: {sum(c for _, c in done)} files in {len(done)} partitions "
          f"on {workers} workers, parts in {out_dir}", file=sys.stderr)
    if args.db:
        return subprocess.run([gongkai, "ingest", "--db", args.db]
                              + sorted(p for p, _ in done)).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
