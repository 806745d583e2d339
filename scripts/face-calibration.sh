#!/usr/bin/env bash
# Regenerates docs/face-calibration.md: fetches the public test photos (setup), builds cccd-bench in
# release mode and runs its face-calibration subcommand.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product cccd-bench >&2
swift build -c release --product CCCDFaceNative >&2   # opened by cccd-bench on first use, from its folder
mkdir -p docs
"$(swift build -c release --show-bin-path)/cccd-bench" face-calibration --out docs/face-calibration.md
echo "wrote docs/face-calibration.md" >&2
# The decision levels (FMR/FNMR on every pair of ../shared/faces) and the PAD score of every live photo
# and attack sample available; extra folders: CCCD_PAD_LIVE_DIR / CCCD_PAD_ATTACK_DIR (a deployment's
# own camera captures and attacks, for recalibrating the PAD threshold).
extra=()
[[ -n "${CCCD_PAD_LIVE_DIR:-}" ]] && extra+=(--live "$CCCD_PAD_LIVE_DIR")
[[ -n "${CCCD_PAD_ATTACK_DIR:-}" ]] && extra+=(--attack "$CCCD_PAD_ATTACK_DIR")
"$(swift build -c release --show-bin-path)/cccd-bench" face-levels --shared "${CCCD_SHARED_DIR:-../shared}" "${extra[@]}" \
    > docs/face-levels.md
echo "wrote docs/face-levels.md" >&2
