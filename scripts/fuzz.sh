#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer + AddressSanitizer (Swift's -sanitize=fuzzer,address).
#
#   scripts/fuzz.sh TARGET [--time SECONDS | --runs N] [-- LIBFUZZER_FLAGS…]
#   scripts/fuzz.sh all --runs N        every target in turn
#   scripts/fuzz.sh list                the target names
#
# Builds `cccd-fuzz` into .build-fuzz (a separate scratch path: the sanitizer build never mixes
# with the normal one), seeds fuzz/corpus/TARGET from the committed corpus and the test data
# (scripts/fuzz-seeds.py), and runs libFuzzer on it. Crash, timeout and leak reproducers land in
# fuzz/crashes/TARGET; turn each into a regression test (Tests/CCCDFuzzingTests/Regressions/TARGET)
# once fixed. A summary line per target (executions, exec/s, cov, ft, crashes) is appended to
# fuzz/results.txt. fuzz/ is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

TARGETS=(tlv lds-file ef-com dg1 dg2 dg13 security-infos dg15 sod response-apdu secure-messaging master-list daemon-request)

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
(($#)) || usage
target="$1"; shift
limit=(-max_total_time=60)
extra=()
while (($#)); do
    case "$1" in
        --time) limit=(-max_total_time="$2"); shift 2 ;;
        --runs) limit=(-runs="$2"); shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) usage ;;
    esac
done

if [[ "$target" == list ]]; then printf '%s\n' "${TARGETS[@]}"; exit 0; fi

SCRATCH=.build-fuzz
JOBS="${FUZZ_BUILD_JOBS:-2}"
# Release (-O) by default: debug Swift runs the parsers an order of magnitude slower.
CONFIG="${FUZZ_CONFIGURATION:-release}"
build() { # product
    [[ -n "${FUZZ_NO_BUILD:-}" ]] && return 0  # FUZZ_NO_BUILD=1: use the binary already built
    # --sanitize=fuzzer makes SwiftPM link libFuzzer's main (and not rename the executable's
    # entry point); -Xswiftc -sanitize=fuzzer,address instruments every module for coverage and
    # ASan. CCCD_FUZZ selects the libFuzzer entry point in Sources/cccd-fuzz.
    swift build -c "$CONFIG" -j "$JOBS" --scratch-path "$SCRATCH" --product "$1" \
        --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCCCD_FUZZ \
        2>&1 | grep -v "Cannot export local symbol" >&2
    [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz.sh: build of $1 failed" >&2; exit 1; }
}

run_one() { # target
    local name="$1" product=cccd-fuzz
    local bin="$SCRATCH/$CONFIG/$product"
    mkdir -p "fuzz/corpus/$name" "fuzz/crashes/$name" "fuzz/logs"
    python3 scripts/fuzz-seeds.py "$name" "fuzz/corpus/$name"
    local log="fuzz/logs/$name.log" status=0
    # Small inputs first: the parsers' interesting structure is in headers and lengths; 64 KiB
    # still fits a whole DG2 photo. rss_limit catches runaway allocations.
    # SWIFT_BACKTRACE=enable=no: libFuzzer and ASan report crashes; Swift's backtracer would
    # attach to the dying process on top of them and linger.
    CCCD_FUZZ_TARGET="$name" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
        "$bin" "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz/crashes/$name/" "${extra[@]}" "fuzz/corpus/$name" >"$log" 2>&1 || status=$?
    local runs execs cov ft crashes
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    execs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -oE '(DONE|pulse|NEW|REDUCE|INITED).* cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
    ft=$(grep -oE ' ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
    crashes=$(find "fuzz/crashes/$name" -type f | wc -l)
    local line
    line="$(date -u +%FT%TZ) $name runs=${runs:-?} exec/s=${execs:-?} cov=${cov:-?} ft=${ft:-?} crashes=$crashes exit=$status"
    echo "$line" | tee -a fuzz/results.txt
    if ((status != 0)); then
        echo "fuzz.sh: $name failed; see $log and fuzz/crashes/$name" >&2
        tail -30 "$log" >&2
        return 1
    fi
}

if [[ "$target" == all ]]; then
    build cccd-fuzz
    failed=0
    for t in "${TARGETS[@]}"; do run_one "$t" || failed=1; done
    exit $failed
fi
if [[ " ${TARGETS[*]} " == *" $target "* ]]; then
    build cccd-fuzz
else
    echo "fuzz.sh: unknown target $target (scripts/fuzz.sh list)" >&2; exit 2
fi
run_one "$target"
