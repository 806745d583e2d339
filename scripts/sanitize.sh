#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer:
#
#   scripts/sanitize.sh address     # AddressSanitizer (+ LeakSanitizer), scratch path .build-asan
#   scripts/sanitize.sh thread      # ThreadSanitizer, scratch path .build-tsan
#   scripts/sanitize.sh address --filter CCCDLDSTests     # extra arguments go to both phases
#
# Phase 1 runs the unit tests, phase 2 the card tests inside scripts/with-private-pcscd.sh, as
# scripts/test.sh does. The separate scratch path keeps the instrumented build apart from the
# normal one (a first run is a full second build: long on two cores). Suppressions for reports
# that lie entirely inside system libraries are in scripts/sanitizers/ (each with its reason);
# reports in our code are bugs to fix, never to suppress. Logs: .build-asan/sanitize-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

kind="${1:-}"; shift || true
case "$kind" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: scripts/sanitize.sh address|thread [swift test arguments]" >&2; exit 2 ;;
esac
SUPPRESSIONS="$PWD/scripts/sanitizers"
# halt_on_error: the first report fails the run. LeakSanitizer runs with ASan; Swift's runtime
# metadata caches are allocated once per process and are not leaks (lsan.supp).
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$SUPPRESSIONS/lsan.supp:print_suppressions=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:suppressions=$SUPPRESSIONS/tsan.supp:second_deadlock_stack=1}"
JOBS="${SANITIZE_JOBS:-2}"

swift build -j "$JOBS" --build-tests --sanitize="$kind" --scratch-path "$scratch" -Xcxx -O2
# Phase 1: unit tests (not --parallel: sanitizers multiply memory and time per process).
set +e
swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" --skip CCCDIntegrationTests "$@" \
    2>&1 | tee "$scratch/sanitize-unit.log"
status=${PIPESTATUS[0]}
# Phase 2: the card tests with their own pcscd + vpcd.
scripts/with-private-pcscd.sh swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" \
    --filter CCCDIntegrationTests "$@" 2>&1 | tee "$scratch/sanitize-integration.log"
status2=${PIPESTATUS[0]}
set -e
echo "sanitize.sh $kind: unit exit $status, integration exit $status2"
exit $(( status != 0 || status2 != 0 ))
