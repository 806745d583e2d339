#!/usr/bin/env bash
# Runs a benchmark in release mode: scripts/bench.sh apdu | protocols | … (see cccd-bench --help).
# Benchmarks that need pcscd get a private one, as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product cccd-bench >&2
# The face benchmark's Python reference is installed from PyPI here, before the network-less namespace.
if [[ ${1:-} == face ]]; then scripts/face-reference.sh --prepare; fi
exec scripts/with-private-pcscd.sh "$(swift build -c release --show-bin-path)/cccd-bench" "$@"
