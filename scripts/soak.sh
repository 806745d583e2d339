#!/usr/bin/env bash
# Soak test of the daemon (issue #8): N reads through cccdd's HTTP API by K parallel clients against
# virtual cards (default data set) behind a private pcscd + vpcd, with periodic card removals and
# reader detach/attach (pcscd restarts), sampling cccdd's RSS and open fds to a CSV.
#
#   scripts/soak.sh [--reads N] [--clients K] [--readers 1|2] [--csv FILE] [soak.py options]
#
# Prints reads ok/failed by code, RSS after warm-up vs end (growth %), fd min/max.
# Long runs: nice -n 10 scripts/soak.sh --reads 5000 > soak.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

# CCCD_SOAK_BIN=DIR uses already built binaries (e.g. a debug build: .build/debug) as they are.
if [[ -n "${CCCD_SOAK_BIN:-}" ]]; then
    BIN="$CCCD_SOAK_BIN"
else
    swift build -c release -j 2 --scratch-path .build-release --product cccd >&2
    swift build -c release -j 2 --scratch-path .build-release --product cccdd >&2
    swift build -c release -j 2 --scratch-path .build-release --product CCCDFaceNative >&2
    BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)"
fi
exec scripts/with-private-pcscd.sh python3 scripts/soak.py --bin "$BIN" "$@"
