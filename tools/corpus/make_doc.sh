#!/usr/bin/env bash
# Makes the Word 97 (.doc) versions of chosen DOCX reports of the corpus,
# once, with LibreOffice (libreoffice-writer-nogui); the output is committed
# and each .doc is listed under "also" in its report's expected.json, so the
# golden test requires the figures of the DOCX. A few only: each .doc costs
# a LibreOffice start (about 2 s) in every test that walks its folder, and
# none goes in corpus/real/, whose ingest tests run with --timeout 1.
#
# Usage: tools/corpus/make_doc.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for docx in corpus/synthetic/synthetic-001.docx \
            corpus/synthetic/synthetic-subtotal-000.docx; do
  soffice --headless -env:UserInstallation=file://"$profile" \
    --convert-to doc:"MS Word 97" --outdir "$(dirname "$docx")" "$docx"
done
