#!/usr/bin/env bash
# The main job: builds CCCDKit, starts a private pcscd with the vpcd virtual reader and the virtual
# card serving the default data set (`cccd sim --dataset TestVectors/datasets/default`: a synthetic
# CCCD with PACE, secure messaging and a test PKI), then reads it with PACE-CAN and verifies it
# against the data set's test CSCA and CRL, printing the verified result.
# Extra arguments replace the default `read …` (e.g. `scripts/demo.sh read --can 012345 --json`,
# `scripts/demo.sh readers`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

swift build -c release --product cccd >&2
BIN="$(swift build -c release --show-bin-path)"
DATASET=TestVectors/datasets/default
export CCCD_SIM_ARGS="--dataset $DATASET"
if (($#)); then
    exec scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" "$@"
fi
exec scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" \
    read --can 012345 --trust "$DATASET/pki"
