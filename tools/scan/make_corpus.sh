#!/usr/bin/env bash
# Makes the scanned corpus (corpus/scanned/): real text-layer PDFs of
# corpus/real/ rendered to page images, degraded as scans and photographs
# are (build/degrade), and wrapped as image-only PDFs (wrap_pdf.py), plus
# page images on their own. Each file's figures are those of its source,
# whose expected.json was written by reading it (corpus/scanned/README.md
# lists the variants). Run once and commit the output; deterministic.
#
# Usage: tools/scan/make_corpus.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
out=corpus/scanned
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# variant SOURCE NAME DPI JPEG-QUALITY [degrade options...]
variant() {
  local source=$1 name=$2 dpi=$3 quality=$4
  shift 4
  rm -f "$tmp"/p-*
  pdftoppm -r "$dpi" -gray -png "corpus/real/$source.pdf" "$tmp/p"
  local pages=()
  for page in "$tmp"/p-*.png; do
    "$build/degrade" "$page" "${page%.png}.jpg" --jpeg "$quality" --seed 7 "$@"
    pages+=("${page%.png}.jpg")
  done
  python3 tools/scan/wrap_pdf.py "$out/$source-$name.pdf" "$dpi" "${pages[@]}"
}

variant hongze-2023 clean-300 300 60
variant hongze-2023 low-200 200 60
variant hongze-2023 skew-300 300 70 --skew 1.5
variant hongze-2023 noisy-250 250 50 --blur 1 --noise 10 --skew 0.5
variant hongze-2023 faint-300 300 60 --faint 150
variant hongze-2023 seal-300 300 60 --seal
variant hongze-2023 photo-300 300 70 --perspective 0.01 --skew 0.4
variant hongze-2024 clean-300 300 60
variant huaian-szfbgs-2024 scan-250 250 60 --skew 0.8 --noise 6

# A page photographed on its own: table 3 of hongze-2023 as PNG and JPEG.
pdftoppm -r 300 -gray -png -f 3 -l 3 corpus/real/hongze-2023.pdf "$tmp/one"
"$build/degrade" "$tmp"/one-*3.png "$out/hongze-2023-page3.png" --skew -0.7
"$build/degrade" "$tmp"/one-*3.png "$out/hongze-2023-page3.jpg" --jpeg 60 \
  --noise 8 --seed 3
ls -la "$out"
