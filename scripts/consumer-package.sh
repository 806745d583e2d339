#!/usr/bin/env bash
# Builds a small separate package that depends on a tagged copy of this repository by URL (a local
# file:// git URL, tag 1.0.0 on the committed HEAD) and uses the library products CCCDKit and CCCDFace,
# with CCCDFaceNative (the dlib/OpenCV library CCCDFace opens on first use, built next to the executable):
# proves that SwiftPM accepts the manifest in a versioned dependency (no unsafe flags), that the
# products link and that CCCDFace finds its native library. Uncommitted changes are not part of the copy. Needs the network or SwiftPM's cache for
# the dependencies. Usage: scripts/consumer-package.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
repo=$(pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/CCCDKit.git" "$work/Consumer"
git clone --quiet --bare --no-local "$repo" "$work/CCCDKit.git"
git -C "$work/CCCDKit.git" tag 1.0.0 HEAD
mkdir -p "$work/Consumer/Sources/Consumer"
cat > "$work/Consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [.package(url: "file://$work/CCCDKit.git", exact: "1.0.0")],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [
                .product(name: "CCCDKit", package: "CCCDKit"),
                .product(name: "CCCDFace", package: "CCCDKit"),
                .product(name: "CCCDFaceNative", package: "CCCDKit"),
            ]),
    ]
)
SWIFT
cat > "$work/Consumer/Sources/Consumer/main.swift" <<'SWIFT'
import CCCDFace
import CCCDKit
import Foundation

// One symbol of each product, the native library (dlib, OpenCV) and the PAD runtime: missing models
// must give not-available.
let summary = FaceMatchSummary(match: true, similarity: 0.9, threshold: FaceDecisionLevel.strict.threshold)
let native = try FaceNativeLibrary.load()
let pad = PresentationAttackDetector(configuration: .init(modelsDirectory: URL(fileURLWithPath: "/nonexistent")))
print("consumer: CCCDKit \(summary.match), CCCDFace \(FaceTemplate.currentModelId), native \(native), PAD \(pad.loadModels() != nil ? "not-available" : "loaded")")
SWIFT
cd "$work/Consumer"
swift build -Xcxx -O2 >&2
"$(swift build --show-bin-path)/Consumer"
