#!/usr/bin/env bash
# The main job: builds CCCDKit, starts a private pcscd with the vpcd virtual reader and the virtual
# card serving the default data set (`cccd sim --dataset …`: a synthetic CCCD with PACE, secure
# messaging and a test PKI), reads it with PACE-CAN, verifies it against the data set's test CSCA and
# CRL, and compares the chip photo with a live photo:
#   1. `cccd read --can 012345 --trust … --live SAME_PERSON` → the verified read and "Face: MATCH";
#   2. `cccd match CHIP_PHOTO OTHER_PERSON` → "NO MATCH".
# The face photos are public test photos fetched by the set-up into the cache (never committed): the
# card's DG2 gets a chip-like 480×640 JPEG of one person (face_recognition's obama.jpg), the live photo
# is a different photo of the same person (obama3.jpg), the other person is biden.jpg. The committed
# data set is not changed: a copy is regenerated and re-signed (`cccd-datasets --photo`) in a temporary
# folder at every run. Without the face photos or models the demo reads the committed data set only.
# Extra arguments replace the default `read …` (e.g. `scripts/demo.sh read --can 012345 --json`,
# `scripts/demo.sh readers`); they run against the committed default data set.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

swift build -c release --product cccd >&2
swift build -c release --product CCCDFaceNative >&2   # the face comparison's library, opened from cccd's folder
BIN="$(swift build -c release --show-bin-path)"
# The default trust store gets the official Vietnamese CSCAs (docs/trust-store.md). The virtual
# card below is synthetic and signed by the data set's test CSCA, which the demo names with --trust.
scripts/setup-trust.sh "$BIN/cccd"
DATASET=TestVectors/datasets/default
if (($#)); then
    export CCCD_SIM_ARGS="--dataset $DATASET"
    exec scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" "$@"
fi

FACES=${CCCD_FACE_TESTDATA:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit/face-testdata}
CHIP=$FACES/chip/obama-jpeg-15k.jpg
SAME=$FACES/live/obama3-1280x720.jpg
OTHER=$FACES/originals/biden.jpg
if [[ ! -f $CHIP || ! -f $SAME || ! -f $OTHER ]]; then
    echo "demo: face test photos not found in $FACES (scripts/setup-face-testdata.sh); reading without face comparison" >&2
    export CCCD_SIM_ARGS="--dataset $DATASET"
    exec scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" \
        read --can 012345 --trust "$DATASET/pki"
fi

swift build -c release --product cccd-datasets >&2
WORK=$(mktemp -d -t cccd-demo-face.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# A copy of the data sets (keys, PKI) whose default card gets the chip photo, re-signed.
cp -r TestVectors/datasets/pki TestVectors/datasets/assets TestVectors/datasets/default "$WORK/"
"$BIN/cccd-datasets" --root "$WORK" --only default --photo "$CHIP" >/dev/null
export CCCD_SIM_ARGS="--dataset $WORK/default"

echo "== cccd read --can 012345 --trust …/pki --live $(basename "$SAME")   (same person as the chip photo)"
status=0
scripts/with-private-pcscd.sh scripts/run-with-virtual-card.sh "$BIN/cccd" \
    read --can 012345 --trust "$WORK/default/pki" --live "$SAME" --photo "$WORK/chip-photo.jpg" || status=$?
echo
echo "== cccd match CHIP_PHOTO $(basename "$OTHER")   (the chip photo against another person)"
"$BIN/cccd" match "$WORK/chip-photo.jpg" "$OTHER" || true
exit "$status"
