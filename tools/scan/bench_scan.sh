#!/usr/bin/env bash
# Seconds and peak memory per scanned page: `gongkai extract` over each
# image-only PDF of corpus/scanned/ (every page read by OCR), against
# pdftoppm rendering the same pages at 300 dpi in the same run, so that
# the figure says what OCR costs beyond putting the page in pixels. Peak
# memory is the largest process of the tree (GNU time's %M).
#
# Usage: tools/scan/bench_scan.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total_pages=0 total_ocr=0 total_render=0
printf '%-36s %5s %9s %9s %8s\n' file pages "s/page" "render" "peak MB"
for f in corpus/scanned/*.pdf; do
  pages=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$build/gongkai" extract "$f" >/dev/null
  read -r ocr_s peak_kb < "$tmp/t"
  /usr/bin/time -f '%e' -o "$tmp/r" pdftoppm -r 300 -gray "$f" "$tmp/p"
  render_s=$(cat "$tmp/r")
  rm -f "$tmp"/p-*
  printf '%-36s %5d %9.2f %9.2f %8d\n' "$(basename "$f")" "$pages" \
    "$(echo "$ocr_s / $pages" | bc -l)" "$(echo "$render_s / $pages" | bc -l)" \
    $((peak_kb / 1024))
  total_pages=$((total_pages + pages))
  total_ocr=$(echo "$total_ocr + $ocr_s" | bc -l)
  total_render=$(echo "$total_render + $render_s" | bc -l)
done
printf 'all: %d pages, %.2f s per page read by OCR, %.2f s per page rendered by pdftoppm (%.1fx)\n' \
  "$total_pages" "$(echo "$total_ocr / $total_pages" | bc -l)" \
  "$(echo "$total_render / $total_pages" | bc -l)" \
  "$(echo "$total_ocr / $total_render" | bc -l)"
