#!/usr/bin/env bash
# Provisions the default trust store (/var/lib/cccdkit/trust, or $CCCD_TRUST_DIR) with the official
# Vietnamese CSCAs from ../shared/pki, through `cccd trust add`, after checking their SHA-256
# against the pinned fingerprints. Idempotent (`cccd trust add` leaves installed items unchanged).
# Without ../shared it prints how an operator provisions the store (docs/trust-store.md).
# Usage: scripts/setup-trust.sh PATH/TO/cccd
set -euo pipefail
cd "$(dirname "$0")/.."
CCCD=${1:?usage: scripts/setup-trust.sh PATH/TO/cccd}
PKI=${CCCD_SHARED_DIR:-../shared}/pki

# file : SHA-256 of the DER (facts; the certificates themselves are never committed)
ANCHORS=(
    "vn-csca-eid-2021.der:6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9"
    "vn-csca-epassport.der:6b5fa6fe45cc4e855a73760413e08b7a9ac50a27722c702f3909a90facc991bd"
)

if [[ ! -d $PKI ]]; then
    cat >&2 <<TEXT
setup-trust: $PKI not found; the trust store is not provisioned. An operator installs the CCCD eID
CSCA (SHA-256 6f0a20d6…22b1a9, from http://npkd.gov.vn/crt/eid-csca-vietnam.crt) with
  sudo cccd trust add eid-csca-vietnam.crt && sudo cccd trust update
after checking its fingerprint (docs/trust-store.md).
TEXT
    exit 0
fi
files=()
for entry in "${ANCHORS[@]}"; do
    file=$PKI/${entry%%:*}
    expected=${entry##*:}
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [[ $actual != "$expected" ]]; then
        echo "setup-trust: $file has SHA-256 $actual, not the pinned $expected; not installed" >&2
        exit 1
    fi
    files+=("$file")
done
"$CCCD" trust add "${files[@]}" | sed 's/^/setup-trust: /' >&2
