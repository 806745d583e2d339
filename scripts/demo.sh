#!/usr/bin/env bash
# The main job: builds CCCDKit, starts a private pcscd with the vpcd virtual reader and the built-in
# virtual card (`cccd sim`), and lists the readers with the card's ATR.
# Extra arguments go to `cccd` instead of the default `readers` (e.g. `scripts/demo.sh readers --json`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

swift build -c release --product cccd >&2
BIN="$(swift build -c release --show-bin-path)"
exec scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" "${@:-readers}"
