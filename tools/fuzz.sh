#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan and UBSan) into BUILD_DIR
# (default build-fuzz/) and runs each for SECONDS (default 600) from a fixed
# seed, on the seeds of corpus/. Crashes land in BUILD_DIR/fuzz-out/TARGET/;
# keep each as a case in corpus/hostile/. Exits 1 if any target found one.
#
# Usage: tools/fuzz.sh [SECONDS] [BUILD_DIR]
# CI (tools/test.sh with GONGKAI_SANITIZERS=ON) runs it for a short time on
# its sanitizer build, which holds the fuzz targets too.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
dir="${2:-build-fuzz}"
if [ ! -f "$dir/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_FUZZ=ON >/dev/null
fi
cmake --build "$dir" -j"$(nproc)" --target fuzz_pdf fuzz_docx fuzz_html fuzz_text fuzz_rules
declare -A seeds=([pdf]="corpus/real corpus/synthetic corpus/hostile" [docx]="corpus/real corpus/synthetic"
                  [html]="corpus/handmade corpus/synthetic corpus/hostile" [text]="corpus/real"
                  [rules]="rules")
found=0
for t in pdf docx html text rules; do
  out="$dir/fuzz-out/$t"
  mkdir -p "$out/corpus" "$out/seeds"
  for d in ${seeds[$t]}; do
    find "$d" -maxdepth 1 -type f \( -name "*.$t" -o -name "*.txt" -o -name "*.rules" -o -name "*.inc" \) \
      -exec cp {} "$out/seeds/" \; 2>/dev/null || true
  done
  if ! "$dir/tests/fuzz_$t" -seed=1 -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
      -print_final_stats=1 -artifact_prefix="$out/" "$out/corpus" "$out/seeds" > "$out/log" 2>&1; then
    echo "fuzz_$t found a problem: see $out/ (log: $out/log)"
    tail -30 "$out/log"
    found=1
  fi
  echo "fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$out/log" | awk '{print $2}') executions in ${seconds} s"
done
exit "$found"
