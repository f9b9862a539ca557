#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for gongkai: installs the Debian packages
# that are missing (and only those), then configures and builds the project
# into build/. Used by both README commands and by CI.
#
# Usage: tools/setup.sh [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake pkg-config
  libpoppler-private-dev libpoppler-dev poppler-data poppler-utils
  libzip-dev libxml2-dev libicu-dev libre2-dev libgtest-dev libgmock-dev
  nlohmann-json3-dev libsqlite3-dev libcli11-dev
  libxlsxwriter-dev chromium fonts-wqy-zenhei python3-dask python3-distributed
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-eng
  libreoffice-writer-nogui)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)"
