#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test. Tests that talk to
# a card go through a real pcscd + vpcd + the virtual card, in a private namespace
# (scripts/with-private-pcscd.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

swift build --build-tests
scripts/with-private-pcscd.sh swift test --skip-build --parallel --num-workers 2 "$@"
