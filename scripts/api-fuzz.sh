#!/usr/bin/env bash
# Property-based API test of cccdd: schemathesis (pinned, installed by scripts/setup.sh) generates
# requests from docs/openapi.json (the document cccdd serves at /v1/openapi.json) and runs every
# check (`--checks all`: server errors, status codes, content types, response schemas, that invalid
# requests are rejected and valid ones accepted, 405 for undeclared methods, the read → reads/{readId}
# links…) against a running cccdd with the virtual card in a private pcscd. A fixed seed and a bounded
# example count keep CI's run the same and within a few minutes. Exit status: schemathesis's.
#
#   scripts/api-fuzz.sh [--seed N] [--max-examples N] [EXTRA SCHEMATHESIS ARGS...]
#
# Needs the debug build (`swift build`); runs itself inside scripts/with-private-pcscd.sh.
# Env: CCCD_API_FUZZ_SEED (default 1), CCCD_API_FUZZ_EXAMPLES (default 10 per operation: ~2 min),
# CCCD_API_FUZZ_REPORT (a folder for the JUnit/NDJSON reports; default: none kept).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${CCCD_PRIVATE_PCSCD:-}" != 1 ]]; then exec scripts/with-private-pcscd.sh "$0" "$@"; fi

SEED=${CCCD_API_FUZZ_SEED:-1}
EXAMPLES=${CCCD_API_FUZZ_EXAMPLES:-10}
while (($#)); do
    case $1 in
        --seed) SEED=$2; shift 2 ;;
        --max-examples) EXAMPLES=$2; shift 2 ;;
        *) break ;;
    esac
done

source scripts/schemathesis-env.sh
export PATH="/opt/swift/usr/bin:$PATH"
BIN=${CCCD_BIN:-$(swift build --show-bin-path)}
for tool in cccd cccdd; do
    [[ -x $BIN/$tool ]] || { echo "api-fuzz: $BIN/$tool missing; run swift build first" >&2; exit 1; }
done

DIR=$(mktemp -d -t cccd-api-fuzz.XXXXXX)
PIDS=()
cleanup() {
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[i]}" 2>/dev/null && wait "${PIDS[i]}" 2>/dev/null || true
    done
    rm -rf "$DIR"
}
trap cleanup EXIT

# pcscd with a private reader configuration that loads only vpcd, and the virtual card (default
# data set: CAN 012345), as in scripts/run-with-virtual-card.sh.
VPCD_PORT=${CCCD_VPCD_PORT:-35963}
LIBPATH=$(awk '/^LIBPATH/ {print $2}' /etc/reader.conf.d/vpcd 2>/dev/null || true)
mkdir -p "$DIR/reader.conf.d"
printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:%s\nLIBPATH %s\nCHANNELID %s\n' \
    "$VPCD_PORT" "${LIBPATH:-/usr/lib/pcsc/drivers/serial/libifdvpcd.so}" "$VPCD_PORT" >"$DIR/reader.conf.d/vpcd"
"$(command -v pcscd || echo /usr/sbin/pcscd)" --foreground --config "$DIR/reader.conf.d" >"$DIR/pcscd.log" 2>&1 &
PIDS+=($!)
"$BIN/cccd" sim --port "$VPCD_PORT" --dataset "$PWD/TestVectors/datasets/default" 2>"$DIR/sim.log" &
PIDS+=($!)
for _ in $(seq 1 100); do
    "$BIN/cccd" readers --json 2>/dev/null | grep -q '"cardPresent" : true' && break
    sleep 0.1
done

# cccdd on a free loopback port (the private network namespace has only lo), the test PKI, its own
# token, device key and audit journal; the journald copy of the audit events is off.
PORT=${CCCD_API_FUZZ_PORT:-18700}
cat >"$DIR/cccdd.json" <<JSON
{"listen": "127.0.0.1:$PORT", "tokenFile": "$DIR/cccdd.token", "trust": ["$PWD/TestVectors/datasets/pki"],
 "readTTLSeconds": 120, "audit": {"path": "$DIR/audit.sqlite", "retentionDays": 1}}
JSON
"$BIN/cccdd" --config "$DIR/cccdd.json" >"$DIR/cccdd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do
    [[ -s $DIR/cccdd.token ]] && curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    sleep 0.1
done
[[ -s $DIR/cccdd.token ]] || { echo "api-fuzz: cccdd did not start" >&2; cat "$DIR/cccdd.log" >&2; exit 1; }

# The token reaches schemathesis through its configuration file and the environment, never the
# command line (other local users can read /proc/*/cmdline).
CCCD_API_FUZZ_TOKEN=$(<"$DIR/cccdd.token")
export CCCD_API_FUZZ_TOKEN
cat >"$DIR/schemathesis.toml" <<'TOML'
[auth.openapi.bearer]
bearer = "${CCCD_API_FUZZ_TOKEN}"

# GET /v1/events never ends: schemathesis reads the stream until the request timeout and checks what
# arrived (the opening comment; no reads run meanwhile).
[[operations]]
include-operation-id = "events"
request-timeout = 2

# A schema-valid request can still be refused by the card or the images, not by the API: 422
# wrong_access_key / no_card / unreadable_card for a read (any digits are a well-formed CAN), 422
# face_error for bytes that are no image; 503 face models not installed. Every other 4xx of these
# operations is a failure as usual.
[[operations]]
include-operation-id = "readCard"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422", "503"]

[[operations]]
include-operation-id = "compareFaces"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422", "503"]
TOML

REPORT_ARGS=()
if [[ -n ${CCCD_API_FUZZ_REPORT:-} ]]; then
    mkdir -p "$CCCD_API_FUZZ_REPORT"
    REPORT_ARGS=(--report junit,ndjson --report-dir "$CCCD_API_FUZZ_REPORT")
fi
started=$(date +%s)
status=0
# One worker: reads take the one virtual reader (parallel reads only meet 409 reader_busy).
# --generation-database none: the same seed gives the same run (no examples carried over).
(cd "$DIR" && schemathesis --config-file "$DIR/schemathesis.toml" run "$OLDPWD/docs/openapi.json" \
    --url "http://127.0.0.1:$PORT" --checks all --seed "$SEED" --max-examples "$EXAMPLES" \
    --workers 1 --generation-database none --request-timeout 60 --no-color \
    "${REPORT_ARGS[@]}" "$@") || status=$?
echo "api-fuzz: schemathesis finished in $(($(date +%s) - started)) s (seed $SEED, ≤ $EXAMPLES examples per operation), exit $status" >&2
if [[ -n ${CCCD_API_FUZZ_REPORT:-} ]]; then cp "$DIR/cccdd.log" "$DIR/sim.log" "$CCCD_API_FUZZ_REPORT/"; fi
if ((status)); then
    echo "api-fuzz: cccdd log (tail):" >&2
    tail -n 30 "$DIR/cccdd.log" >&2
fi
exit $status
