#!/usr/bin/env bash
# The second README command: install dependencies, build, and run every test (ctest) —
# once in a normal build and once under AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/test.sh            # both
#   SILLOK_SKIP_SANITIZERS=1 scripts/test.sh   # the normal build only
#   SILLOK_FUZZ_SECONDS=N (default 20): each libFuzzer target runs N seconds at the end;
#   SILLOK_FUZZ_SECONDS=0 skips fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh

echo "== build and test (RelWithDebInfo, warnings as errors)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSILLOK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [[ -z "${SILLOK_SKIP_SANITIZERS:-}" ]]; then
  echo "== build and test under AddressSanitizer + UndefinedBehaviorSanitizer"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSILLOK_SANITIZE=ON -DSILLOK_WERROR=ON \
    -DSILLOK_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi
fuzz_seconds=${SILLOK_FUZZ_SECONDS:-20}
if ((fuzz_seconds > 0)); then
  echo "== libFuzzer targets, ${fuzz_seconds}s each (scripts/fuzz.sh)"
  # A fixed seed: every run tries the same inputs, so a CI failure can be reproduced.
  SILLOK_FUZZ_SEED=${SILLOK_FUZZ_SEED:-1} JOBS=$jobs scripts/fuzz.sh "$fuzz_seconds"
fi
echo "== all tests passed"
