#!/usr/bin/env python3
"""Checks that every Swift target's declared dependencies in Package.swift equal what its sources import.

Two kinds of finding, both fatal:
  used-undeclared   a source file imports a module of this package (or of a package dependency) that the
                    target does not list, so it only builds because something else pulls it in;
  declared-unused   the target lists a dependency that none of its sources import.
Modules of the toolchain and the OS (Foundation, Glibc, Testing, ...) are not package modules and are ignored.

Usage: scripts/check-imports.py [--package-json FILE]   (default: runs `swift package dump-package`)
"""

import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A product whose module name differs from the product name (none today; kept explicit for the next one).
PRODUCT_MODULES: dict[str, list[str]] = {}

# Dependencies declared only to link a library, never imported; each needs its reason.
LINK_ONLY: dict[tuple[str, str], str] = {}

IMPORT = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?"
    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)"
)


def load_package(path: str | None) -> dict:
    if path:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    out = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def target_path(target: dict) -> str:
    if target.get("path"):
        return os.path.join(ROOT, target["path"])
    folder = "Tests" if target["type"] == "test" else "Sources"
    return os.path.join(ROOT, folder, target["name"])


def imports_of(folder: str, excluded: list[str]) -> set[str]:
    found: set[str] = set()
    skip = {os.path.normpath(os.path.join(folder, e)) for e in excluded}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if os.path.normpath(os.path.join(dirpath, d)) not in skip]
        for name in filenames:
            if not name.endswith(".swift"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                for line in f:
                    m = IMPORT.match(line)
                    if m:
                        found.add(m.group(1))
    return found


def declared_modules(target: dict) -> set[str]:
    mods: set[str] = set()
    for dep in target["dependencies"]:
        kind, value = next(iter(dep.items()))
        if kind in ("byName", "target"):
            mods.add(value[0])
        elif kind == "product":
            mods.update(PRODUCT_MODULES.get(value[0], [value[0]]))
    return mods


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-json")
    args = parser.parse_args()
    package = load_package(args.package_json)

    own_modules = {t["name"].replace("-", "_") for t in package["targets"] if t["type"] != "test"}
    external_modules: set[str] = set()
    for target in package["targets"]:
        for dep in target["dependencies"]:
            kind, value = next(iter(dep.items()))
            if kind == "product":
                external_modules.update(PRODUCT_MODULES.get(value[0], [value[0]]))
    package_modules = own_modules | external_modules

    findings = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin"):
            continue
        folder = target_path(target)
        if not os.path.isdir(folder):
            continue
        imported = imports_of(folder, target.get("exclude", [])) & package_modules
        imported.discard(target["name"].replace("-", "_"))
        declared = {m.replace("-", "_") for m in declared_modules(target)}
        has_swift = any(f.endswith(".swift") for _, _, fs in os.walk(folder) for f in fs)
        if not has_swift:
            continue
        for m in sorted(imported - declared):
            findings.append(f"{target['name']}: used-undeclared {m}")
        for m in sorted(declared - imported):
            if (target["name"], m) in LINK_ONLY:
                continue
            findings.append(f"{target['name']}: declared-unused {m}")

    for f in findings:
        print(f)
    if findings:
        print(f"check-imports: {len(findings)} finding(s); Package.swift must list exactly what each target imports")
        return 1
    count = sum(1 for t in package["targets"] if t["type"] not in ("system", "binary", "plugin"))
    print(f"check-imports: {count} targets, declared dependencies equal imports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
