#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and runs every test under ctest.
#   GONGKAI_WERROR=ON      build with -Werror (CI)
#   GONGKAI_SANITIZERS=ON  then build again with clang, AddressSanitizer and
#                          UndefinedBehaviorSanitizer and the libFuzzer
#                          targets (build-asan/), run every test there too,
#                          and run each fuzz target for GONGKAI_FUZZ_SECONDS
#                          (default 20) from a fixed seed (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
werror="${GONGKAI_WERROR:-OFF}"
tools/setup.sh -DGONGKAI_WERROR="$werror"
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${GONGKAI_SANITIZERS:-OFF}" = ON ]; then
  if ! command -v clang++ >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang
  fi
  CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGONGKAI_SANITIZE=ON -DGONGKAI_FUZZ=ON -DGONGKAI_WERROR="$werror" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
  tools/fuzz.sh "${GONGKAI_FUZZ_SECONDS:-20}" build-asan
fi
