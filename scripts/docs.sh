#!/usr/bin/env bash
# Builds the DocC documentation of CCCDKit (Sources/CCCDKit/CCCDKit.docc: overview and the
# getting-started article) with swift-docc-plugin; broken symbol links fail the build.
#
#   scripts/docs.sh [OUTPUT_DIR]      (default .build/docs; open OUTPUT_DIR/index.html via a web server)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
out=${1:-.build/docs}
swift package --disable-sandbox generate-documentation --target CCCDKit --warnings-as-errors \
    --output-path "$out" >/dev/null
echo "docs: CCCDKit documentation in $out"
