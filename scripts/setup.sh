#!/usr/bin/env bash
# Installs what CCCDKit needs on Debian 12, idempotently: apt packages (only the missing ones) and,
# when the face module is present, the dlib face models (scripts/setup-face-models.sh).
# Swift itself (6.0 or newer) must be on PATH or in /opt/swift.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
    pkg-config iproute2 util-linux
    pcscd libpcsclite-dev vsmartcard-vpcd     # PC/SC and the virtual reader
    libssl-dev                                # OpenSSL 3: all cryptography
    libsqlite3-dev                            # SQLite for the audit journal (GRDB)
    systemd                                   # systemd-analyze and systemd-sysusers lint systemd/ in the tests
    python3-jsonschema                        # tests validate outputs against docs/schema/read-result.schema.json
    openssl python3                           # scripts/verify-evidence.py (docs/evidence.md) re-verifies bundles
    dpkg-dev patchelf                         # scripts/package-deb.sh (dpkg-shlibdeps; RUNPATH of the packaged binaries)
)
# Face comparison (dlib + BLAS/LAPACK + image codecs) and its presentation-attack models (OpenCV DNN),
# once the face module is in the tree.
if [[ -d Sources/CDlibShim ]]; then
    PACKAGES+=(libdlib-dev libopencv-dnn-dev libopencv-imgproc-dev libopenblas0-pthread liblapack-dev libblas-dev libturbojpeg0-dev libopenjp2-7-dev libpng-dev libwebp-dev webp python3-pip python3-venv)
fi
# Headless browser test of cccdd's teller page (scripts/teller-page-browser.py): Debian's Chromium,
# its WebDriver and Selenium for the system Python, a font with Vietnamese glyphs; curl for the
# daemon test helper (Tests/CCCDIntegrationTests/Daemon/DaemonProcess.swift); Node for the page's
# module tests with its built-in test runner (Tests/TellerPageJS, `node --test`).
if [[ -d Sources/CCCDTellerPage ]]; then
    PACKAGES+=(chromium chromium-driver python3-selenium fonts-dejavu-core curl nodejs)
fi

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian starts pcscd through systemd socket activation; the scripts here run their own private
# pcscd, so the system one is left alone.

if ! command -v swift >/dev/null 2>&1; then
    if [[ -x /opt/swift/usr/bin/swift ]]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    else
        echo "setup: Swift 6 is required (https://www.swift.org/install/linux/); not found on PATH or in /opt/swift" >&2
        exit 1
    fi
fi

if [[ -x scripts/setup-face-models.sh ]]; then
    scripts/setup-face-models.sh
fi

# openapi-spec-validator 0.9.0 (PyPI) for the test that validates docs/openapi.json; installed with
# `pip --target` into the cache (no venv, nothing system-wide), only when missing.
OPENAPI_VALIDATOR_LIB=${CCCD_OPENAPI_VALIDATOR_LIB:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit/openapi-validator-0.9.0}
if ! PYTHONPATH=$OPENAPI_VALIDATOR_LIB python3 -c 'import openapi_spec_validator' 2>/dev/null; then
    echo "setup: installing openapi-spec-validator 0.9.0 into $OPENAPI_VALIDATOR_LIB" >&2
    if ! python3 -m pip --version >/dev/null 2>&1; then
        if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
        $SUDO apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
    fi
    python3 -m pip install --quiet --disable-pip-version-check --target "$OPENAPI_VALIDATOR_LIB" \
        openapi-spec-validator==0.9.0 >&2
fi

# schemathesis (PyPI, pinned with hashes in scripts/schemathesis-requirements.txt) for the API fuzz
# phase (scripts/api-fuzz.sh); `pip --target` into the cache, only when missing or another version.
source scripts/schemathesis-env.sh
if [[ "$(schemathesis --version 2>/dev/null)" != *"version $SCHEMATHESIS_VERSION" ]]; then
    echo "setup: installing schemathesis $SCHEMATHESIS_VERSION into $SCHEMATHESIS_LIB" >&2
    rm -rf "$SCHEMATHESIS_LIB"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --require-hashes --only-binary :all: \
        --target "$SCHEMATHESIS_LIB" -r scripts/schemathesis-requirements.txt >&2
fi
