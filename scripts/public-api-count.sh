#!/usr/bin/env bash
# Counts the public (and open) declarations of each library module, from the compiler's symbol
# graphs (`swift package dump-symbol-graph`), and the total a user of the CCCDKit product sees:
# CCCDKit plus the modules it re-exports (`@_exported import` in Sources/CCCDKit).
# Synthesized members (protocol default implementations) are not counted; extensions a module
# makes to another module's types are counted with the module that writes them.
#
#   scripts/public-api-count.sh [--json]
#
# Builds first (debug, with the flags in SWIFT_BUILD_FLAGS, default "-Xcxx -O2" as scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
read -r -a flags <<<"${SWIFT_BUILD_FLAGS:--Xcxx -O2}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package "${flags[@]}" dump-symbol-graph --minimum-access-level public --skip-synthesized-members >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
# SwiftPM prints "Files written to <folder>" at the end.
graphs=$(sed -n 's/^Files written to //p' "$log" | tail -1)
[ -d "$graphs" ] || { echo "public-api-count: no symbol graph folder in the output of dump-symbol-graph" >&2; cat "$log" >&2; exit 1; }
swift package describe --type json 2>/dev/null >"$log"
reexports=$(grep -h '^@_exported import ' Sources/CCCDKit/*.swift | awk '{print $3}' | sort -u | tr '\n' ' ')
python3 - "$graphs" "$log" "$reexports" "${1:-}" <<'PY'
import glob, json, os, sys

graphs, describe, reexports, mode = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
with open(describe) as f:
    package = json.load(f)
libraries = sorted(t["name"] for t in package["targets"]
                   if t["type"] == "library" and t.get("module_type") == "SwiftTarget")

def symbols(module):
    """Precise identifiers of the public/open symbols `module` declares (its own graph and the
    graphs of its extensions to other modules' types, `module@Other.symbols.json`)."""
    found = set()
    paths = [os.path.join(graphs, module + ".symbols.json")] + glob.glob(os.path.join(graphs, module + "@*.symbols.json"))
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path) as f:
            graph = json.load(f)
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") in ("public", "open") and "::SYNTHESIZED::" not in symbol["identifier"]["precise"]:
                found.add(symbol["identifier"]["precise"])
    return found

per_module = {m: symbols(m) for m in libraries}
kit = ["CCCDKit"] + [m for m in reexports if m in per_module]
total = set().union(*(per_module[m] for m in kit))
if mode == "--json":
    print(json.dumps({"modules": {m: len(s) for m, s in per_module.items()},
                      "CCCDKitProduct": {"modules": kit, "total": len(total)}}, indent=2))
else:
    for m in libraries:
        print(f"{len(per_module[m]):6d}  {m}")
    print(f"{len(total):6d}  CCCDKit product total ({' + '.join(kit)})")
PY
