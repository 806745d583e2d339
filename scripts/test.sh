#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test. Tests that talk to
# a card go through a real pcscd + vpcd + the virtual card, in a private namespace
# (scripts/with-private-pcscd.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

# -Xcxx -O2: the C++ shims (dlib, OpenCV) optimised in this debug build; dlib's header templates run ~95×
# slower at -O0. The manifest has no unsafe flags (SwiftPM refuses them in versioned dependencies).
swift build --build-tests -Xcxx -O2
# The default trust store gets the official Vietnamese CSCAs from ../shared/pki (docs/trust-store.md);
# the tests themselves never depend on what it holds (they point CCCD_TRUST_DIR at their own folders).
scripts/setup-trust.sh "$(swift build --show-bin-path)/cccd"
if (($#)); then
    exec scripts/with-private-pcscd.sh swift test --skip-build "$@"
fi
# The Debian package (scripts/package-deb.sh) from this debug build, installed into a scratch root with
# dpkg --root and checked (scripts/test-deb.sh, ~1 min); CCCD_DEB=0 skips it.
if [[ "${CCCD_DEB:-1}" != 0 ]]; then
    scripts/test-deb.sh "$(swift build --show-bin-path)"
fi
# Format (a ratchet: no file gets more findings than scripts/format-baseline.txt), declared dependencies
# equal to imports, and the DocC build.
scripts/format-lint.sh
scripts/check-imports.py
scripts/docs.sh
# Two phases: the unit tests in parallel, then the tests that drive pcscd + vpcd on their own, so
# CPU-heavy unit tests cannot starve the card sessions' timeouts.
swift test --skip-build --parallel --skip CCCDIntegrationTests
# The teller page's ES modules (event-stream parser, texts, fragment) with Node's test runner.
if command -v node >/dev/null 2>&1; then
    node --test Tests/TellerPageJS/*.test.mjs
else
    echo "teller page module tests skipped: node not found (scripts/setup.sh installs nodejs)"
fi
scripts/with-private-pcscd.sh swift test --skip-build --filter CCCDIntegrationTests
# A separate package that depends on a tagged copy of this repository by URL and uses CCCDKit and
# CCCDFace (SwiftPM refuses unsafe flags there); CCCD_CONSUMER_PACKAGE=0 skips it.
if [[ "${CCCD_CONSUMER_PACKAGE:-1}" != 0 ]]; then
    scripts/consumer-package.sh
fi
# The API fuzz phase: schemathesis (pinned; scripts/setup.sh) against the running cccdd with the
# virtual card, every check, a fixed seed (CCCD_API_FUZZ_SEED) and a bounded example count
# (CCCD_API_FUZZ_EXAMPLES): 0 failures, or the suite fails. CCCD_API_FUZZ=0 skips it.
if [[ "${CCCD_API_FUZZ:-1}" != 0 ]]; then
    scripts/api-fuzz.sh
fi
# Phase 3: a short libFuzzer run of every parser entry point (libFuzzer + AddressSanitizer, its
# own build in .build-fuzz; scripts/fuzz.sh). Longer campaigns: docs/robustness.md.
# CCCD_FUZZ_SECONDS sets the time per target (0 skips the phase). A fixed seed (CCCD_FUZZ_SEED) makes
# CI's short run explore the same mutations each time; long campaigns use random seeds.
if [[ "${CCCD_FUZZ_SECONDS:-20}" != 0 ]]; then
    scripts/fuzz.sh all --time "${CCCD_FUZZ_SECONDS:-20}" -- -seed="${CCCD_FUZZ_SEED:-1}"
fi
