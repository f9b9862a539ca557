#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and runs every test under ctest.
#   GONGKAI_WERROR=ON      build with -Werror (CI)
#   GONGKAI_SANITIZERS=ON  then build again with AddressSanitizer and
#                          UndefinedBehaviorSanitizer (build-asan/) and run
#                          every test there too (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
werror="${GONGKAI_WERROR:-OFF}"
tools/setup.sh -DGONGKAI_WERROR="$werror"
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${GONGKAI_SANITIZERS:-OFF}" = ON ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_SANITIZE=ON \
    -DGONGKAI_WERROR="$werror" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
fi
