#!/usr/bin/env bash
# Format check (swift format lint with the committed .swift-format), as a ratchet: the code base
# predates the configuration and is not mass-reformatted, so each file may have at most as many
# findings as scripts/format-baseline.txt records for it (new files: none). Fix findings in the
# lines you touch; after fixing, `scripts/format-lint.sh --update` lowers the baseline.
#
#   scripts/format-lint.sh [--update]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
baseline=scripts/format-baseline.txt
current=$(mktemp)
trap 'rm -f "$current"' EXIT
# One line per file: "<findings> <path>" (files without findings are absent).
swift format lint --recursive --parallel Sources Tests 2>&1 >/dev/null |
    sed -nE 's#^([^:]+\.swift):[0-9]+:[0-9]+: (warning|error):.*#\1#p' |
    sort | uniq -c | awk '{print $1, $2}' >"$current"
if [[ "${1:-}" == "--update" ]]; then
    cp "$current" "$baseline"
    echo "format-lint: baseline updated ($(awk '{s+=$1} END {print s+0}' "$baseline") findings in $(wc -l <"$baseline") files)"
    exit 0
fi
python3 - "$baseline" "$current" <<'PY'
import sys
def load(path):
    counts = {}
    for line in open(path, encoding="utf-8"):
        n, name = line.split(maxsplit=1)
        counts[name.strip()] = int(n)
    return counts
base, now = load(sys.argv[1]), load(sys.argv[2])
worse = [(f, base.get(f, 0), n) for f, n in sorted(now.items()) if n > base.get(f, 0)]
total_base, total_now = sum(base.values()), sum(now.values())
for f, b, n in worse:
    print(f"format-lint: {f}: {n} findings (baseline {b}) - run: swift format lint {f}")
print(f"format-lint: {total_now} findings in {len(now)} files (baseline {total_base}); {len(worse)} files got worse")
sys.exit(1 if worse else 0)
PY
