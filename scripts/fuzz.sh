#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS]          # default 60 s per target
#
# Environment: SILLOK_FUZZ_SEED (libFuzzer -seed; default 0 = a new random seed per run, CI
# passes a fixed one so that a run is reproducible), SILLOK_FUZZ_BUILD (build folder, default build-fuzz), SILLOK_FUZZ_TARGETS
# (default "fuzz_reader fuzz_timex fuzz_extract"), JOBS (build parallelism, default 1).
# Each target starts from its seed corpus (fuzz/corpus/<target>/) and the regression inputs
# (tests/fixtures/fuzz/<target>/); new inputs go to <build>/fuzz-corpus/<target>/ so the
# repository is not touched, and a crasher is saved as <build>/fuzz-artifacts/<target>-crash-*.
# Exit status: 0 when no target crashed, 1 when one did (the crasher's path is printed),
# 2 for bad usage or a failed build. Needs clang++ and libclang-rt-<version>-dev.
set -euo pipefail

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds == 0)); then
  echo "usage: scripts/fuzz.sh [SECONDS]   (a positive number of seconds per target)" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SILLOK_FUZZ_BUILD:-$root/build-fuzz}
targets=${SILLOK_FUZZ_TARGETS:-"fuzz_reader fuzz_timex fuzz_extract"}
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi
# shellcheck disable=SC2086
if ! cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DSILLOK_FUZZ=ON \
       -DSILLOK_BUILD_TESTS=OFF -DSILLOK_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null ||
   ! cmake --build "$build" --target $targets -j"${JOBS:-1}"; then
  echo "fuzz.sh: build failed" >&2
  exit 2
fi

export SILLOK_DATA_DIR="$root/data"
# Inputs that only differ in their leak report are not bugs in the code under test.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in $targets; do
  work="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts"
  mkdir -p "$work" "$artifacts"
  dirs=("$work" "$root/fuzz/corpus/$t")
  if [[ -d $root/tests/fixtures/fuzz/$t ]]; then dirs+=("$root/tests/fixtures/fuzz/$t"); fi
  echo "fuzz.sh: $t for ${seconds}s" >&2
  # -max_len keeps single inputs small so that every second explores many of them;
  # -timeout flags an input that takes longer than 20 s as a hang.
  if ! "$build/fuzz/$t" -seed="${SILLOK_FUZZ_SEED:-0}" -max_total_time="$seconds" -max_len=4096 -timeout=20 \
         -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" \
         "${dirs[@]}" >"$build/fuzz-$t.log" 2>&1; then
    status=1
    echo "fuzz.sh: $t FAILED; see $build/fuzz-$t.log" >&2
    grep -E "^(==[0-9]+==ERROR|invariant violated|SUMMARY|artifact_prefix|Test unit written)" \
      "$build/fuzz-$t.log" >&2 || tail -20 "$build/fuzz-$t.log" >&2
  else
    grep -E "^stat::number_of_executed_units|^Done" "$build/fuzz-$t.log" >&2 || true
  fi
done
exit $status
