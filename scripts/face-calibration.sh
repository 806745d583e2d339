#!/usr/bin/env bash
# Regenerates docs/face-calibration.md: fetches the public test photos (setup), builds cccd-bench in
# release mode and runs its face-calibration subcommand.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product cccd-bench >&2
mkdir -p docs
"$(swift build -c release --show-bin-path)/cccd-bench" face-calibration --out docs/face-calibration.md
echo "wrote docs/face-calibration.md" >&2
