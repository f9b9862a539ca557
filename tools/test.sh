#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and runs every test under ctest.
# GONGKAI_WERROR=ON (CI) builds with -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh -DGONGKAI_WERROR="${GONGKAI_WERROR:-OFF}"
ctest --test-dir build --output-on-failure -j"$(nproc)"
