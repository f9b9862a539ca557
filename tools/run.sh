#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and runs the main job on the bundled
# corpus (real reports and the handmade ones): an audit (one line per broken
# identity, with its diagnosis), then the dataset (out/gongkai.db), its
# export (out/export/) and the audit site (out/site/index.html).
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1
build/gongkai audit corpus/real corpus/handmade
status=$?
echo "gongkai audit finished with exit code $status (0 clean, 1 identities broken, 3 unreadable inputs; see README)"
mkdir -p out
build/gongkai ingest --db out/gongkai.db corpus/real corpus/handmade || exit 1
build/gongkai export --db out/gongkai.db --out out/export || exit 1
build/gongkai site --db out/gongkai.db --out out/site || exit 1
echo "the dataset is out/gongkai.db, its export out/export/, its site out/site/index.html"
exit 0
