#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan and UBSan) into build-fuzz/ and
# runs each for SECONDS (default 600), seeded from corpus/. Crashes land in
# build-fuzz/fuzz-out/TARGET/; keep each as a case in corpus/hostile/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_pdf fuzz_docx fuzz_html fuzz_text fuzz_rules
declare -A seeds=([pdf]="corpus/real corpus/synthetic corpus/hostile" [docx]="corpus/real corpus/synthetic"
                  [html]="corpus/handmade corpus/synthetic corpus/hostile" [text]="corpus/real"
                  [rules]="rules")
for t in pdf docx html text rules; do
  out="build-fuzz/fuzz-out/$t"
  mkdir -p "$out/corpus" "$out/seeds"
  for d in ${seeds[$t]}; do
    find "$d" -maxdepth 1 -type f \( -name "*.$t" -o -name "*.txt" -o -name "*.rules" -o -name "*.inc" \) \
      -exec cp {} "$out/seeds/" \; 2>/dev/null || true
  done
  build-fuzz/tests/fuzz_$t -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -artifact_prefix="$out/" "$out/corpus" "$out/seeds" || echo "fuzz_$t found a problem: see $out/"
done
