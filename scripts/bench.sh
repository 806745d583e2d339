#!/usr/bin/env bash
# Runs a benchmark in release mode: scripts/bench.sh apdu | protocols | … (see cccd-bench --help).
# Benchmarks that need pcscd get a private one, as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product cccd-bench >&2
# The face native library (dlib, OpenCV) that cccd-bench and cccdd open on first use, from their folder.
swift build -c release --product CCCDFaceNative >&2
# The face benchmark's Python reference is installed from PyPI here, before the network-less namespace.
if [[ ${1:-} == face ]]; then scripts/face-reference.sh --prepare; fi
# The daemon benchmark starts the release cccdd (found next to cccd-bench) and loads it with wrk,
# installed on demand (the test suite does not need it).
if [[ ${1:-} == daemon ]]; then
    swift build -c release --product cccdd >&2
    if ! command -v wrk >/dev/null 2>&1; then
        if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
    fi
fi
exec scripts/with-private-pcscd.sh "$(swift build -c release --show-bin-path)/cccd-bench" "$@"
