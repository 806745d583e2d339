#!/usr/bin/env bash
# Builds the Debian 12 package cccdkit_<version>_<arch>.deb with dpkg-deb (layout, choices and
# lintian findings: docs/packaging.md).
#   scripts/package-deb.sh [--bin-dir DIR] [--out DIR] [--compress xz|gzip|none] [--lintian]
#   --bin-dir DIR  take cccd, cccdd, their resource bundles and libCCCDFaceNative.so (the face native
#                  library, opened on first use) from DIR (e.g. the debug build,
#                  `swift build --show-bin-path`); default: build the release products and use those
#   --out DIR      where the .deb goes (default .build/deb); prints its path on stdout
#   --compress     dpkg-deb's compressor (default xz; the test uses none: its .deb is thrown away)
#   --lintian      run lintian on the result (apt package lintian) and print its findings
# Needs dpkg-dev (dpkg-shlibdeps) and patchelf (scripts/setup.sh installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

BIN_DIR= OUT_DIR=.build/deb COMPRESS=xz LINTIAN=0
while (($#)); do
    case $1 in
        --bin-dir) BIN_DIR=$2; shift 2 ;;
        --out) OUT_DIR=$2; shift 2 ;;
        --compress) COMPRESS=$2; shift 2 ;;
        --lintian) LINTIAN=1; shift ;;
        -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package-deb: unknown option $1 (--help)" >&2; exit 64 ;;
    esac
done
for tool in dpkg-deb dpkg-shlibdeps patchelf strip; do
    command -v "$tool" >/dev/null || { echo "package-deb: $tool is missing (scripts/setup.sh installs it)" >&2; exit 69; }
done

if [[ -z $BIN_DIR ]]; then
    swift build -c release --product cccdd >&2
    swift build -c release --product cccd >&2
    swift build -c release --product CCCDFaceNative >&2
    BIN_DIR=$(swift build -c release --show-bin-path)
fi
for binary in cccd cccdd; do
    [[ -x $BIN_DIR/$binary ]] || { echo "package-deb: $BIN_DIR/$binary not found (build it first)" >&2; exit 66; }
done
FACE_NATIVE=libCCCDFaceNative.so
[[ -f $BIN_DIR/$FACE_NATIVE ]] ||
    { echo "package-deb: $BIN_DIR/$FACE_NATIVE not found (swift build --product CCCDFaceNative)" >&2; exit 66; }

PACKAGE=cccdkit
UPSTREAM=$(sed -n 's/.*static let version = "\([^"]*\)".*/\1/p' Sources/CCCDDaemon/Module.swift)
VERSION=${UPSTREAM:?no version in Sources/CCCDDaemon/Module.swift}-1
ARCH=$(dpkg --print-architecture)
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
# dpkg-shlibdeps treats libraries under debian/<package>/ as part of the package being built (the
# private Swift runtime then needs no shlibs entry), so the staging tree has that shape.
WORK=$OUT_DIR/work
STAGE=$WORK/debian/$PACKAGE
rm -rf "$WORK"
mkdir -p "$STAGE/DEBIAN"
umask 022

# 1. Binaries and their resource bundles in /usr/lib/cccdkit/bin (SwiftPM's Bundle.module looks next to
#    the real executable), the Swift runtime they link in /usr/lib/cccdkit/lib (not in Debian), found
#    through RUNPATH $ORIGIN/../lib; commands in /usr/bin and /usr/sbin as relative links.
LIBEXEC=$STAGE/usr/lib/$PACKAGE
install -d -m 0755 "$LIBEXEC/bin" "$LIBEXEC/lib" "$STAGE/usr/bin" "$STAGE/usr/sbin"
for binary in cccd cccdd; do
    install -m 0755 "$BIN_DIR/$binary" "$LIBEXEC/bin/$binary"
    strip --strip-unneeded --remove-section=.comment --remove-section=.note "$LIBEXEC/bin/$binary"
    patchelf --set-rpath '$ORIGIN/../lib' "$LIBEXEC/bin/$binary"
done
ln -s ../lib/$PACKAGE/bin/cccd "$STAGE/usr/bin/cccd"
ln -s ../lib/$PACKAGE/bin/cccdd "$STAGE/usr/sbin/cccdd"
# Only the bundles the two binaries name (the build folder also holds the tests' bundles).
for bundle in "$BIN_DIR"/*.resources; do
    name=$(basename "$bundle")
    if grep -qaF "$name" "$LIBEXEC/bin/cccd" "$LIBEXEC/bin/cccdd"; then
        cp -R --no-preserve=mode,ownership "$bundle" "$LIBEXEC/bin/$name"
    fi
done
# The Swift runtime: every library ldd resolves into the toolchain's folder (that of libswiftCore.so).
SWIFT_LIBS=$(ldd "$BIN_DIR/cccdd" | sed -n 's/.*libswiftCore\.so => \(.*\)\/libswiftCore\.so.*/\1/p')
[[ -n $SWIFT_LIBS ]] || { echo "package-deb: cccdd does not link libswiftCore.so dynamically" >&2; exit 70; }
ldd "$BIN_DIR/cccd" "$BIN_DIR/cccdd" | awk -v dir="$SWIFT_LIBS/" 'index($3, dir) == 1 { print $3 }' | sort -u |
    while read -r lib; do
        install -m 0644 "$lib" "$LIBEXEC/lib/"
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$LIBEXEC/lib/$(basename "$lib")"
        patchelf --set-rpath '$ORIGIN' "$LIBEXEC/lib/$(basename "$lib")"
    done

# The face native library (dlib, OpenCV DNN), which cccd and cccdd open with dlopen on their first face
# comparison (not linked: the idle daemon does not map it), in the same folder, where they look
# (FaceNativeLibrary: ../lib beside the executable's folder, and /usr/lib/cccdkit/lib).
install -m 0644 "$BIN_DIR/$FACE_NATIVE" "$LIBEXEC/lib/$FACE_NATIVE"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$LIBEXEC/lib/$FACE_NATIVE"
patchelf --set-rpath '$ORIGIN' "$LIBEXEC/lib/$FACE_NATIVE"

# 2. systemd units (ExecStart at the package's path), sysusers, tmpfiles, udev, configuration.
install -d -m 0755 "$STAGE/lib/systemd/system" "$STAGE/lib/udev/rules.d" "$STAGE/usr/lib/sysusers.d" \
    "$STAGE/usr/lib/tmpfiles.d" "$STAGE/etc/cccdkit"
sed -e 's|^ExecStart=/usr/local/bin/cccdd |ExecStart=/usr/sbin/cccdd |' systemd/cccdd.service \
    >"$STAGE/lib/systemd/system/cccdd.service"
grep -q '^ExecStart=/usr/sbin/cccdd ' "$STAGE/lib/systemd/system/cccdd.service" ||
    { echo "package-deb: systemd/cccdd.service has an unexpected ExecStart" >&2; exit 70; }
install -m 0644 systemd/cccdd.socket "$STAGE/lib/systemd/system/cccdd.socket"
install -m 0644 systemd/cccdkit.sysusers.conf "$STAGE/usr/lib/sysusers.d/$PACKAGE.conf"
install -m 0644 systemd/cccdkit.tmpfiles.conf "$STAGE/usr/lib/tmpfiles.d/$PACKAGE.conf"
install -m 0644 udev/60-cccdkit-readers.rules "$STAGE/lib/udev/rules.d/60-cccdkit-readers.rules"
install -m 0644 systemd/cccdd.json "$STAGE/etc/cccdkit/cccdd.json"
echo /etc/cccdkit/cccdd.json >"$STAGE/DEBIAN/conffiles"

# 3. Documentation: the operator's pages, provisioning of the empty models/trust folders, copyright.
DOC=$STAGE/usr/share/doc/$PACKAGE
install -d -m 0755 "$DOC"
for page in daemon-operations daemon packaging trust-store face api-examples interfaces; do
    gzip -9n <"docs/$page.md" >"$DOC/$page.md.gz"
done
install -m 0644 packaging/deb/README.provisioning "$DOC/README.provisioning"
install -m 0644 packaging/deb/copyright "$DOC/copyright"
install -d -m 0755 "$STAGE/usr/share/lintian/overrides"
install -m 0644 packaging/deb/lintian-overrides "$STAGE/usr/share/lintian/overrides/$PACKAGE"
DATE=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")
printf '%s (%s) unstable; urgency=medium\n\n  * Package built by scripts/package-deb.sh from the CCCDKit repository.\n\n -- CCCDKit maintainers <cccdkit@users.noreply.github.com>  %s\n' \
    "$PACKAGE" "$VERSION" "$DATE" | gzip -9n >"$DOC/changelog.Debian.gz"

# 4. Control file: Depends from dpkg-shlibdeps (the Debian libraries the binaries and the shipped
#    runtime link), plus pcscd (the readers) and systemd's sysusers/tmpfiles for the postinst.
for script in postinst prerm postrm; do
    install -m 0755 "packaging/deb/$script" "$STAGE/DEBIAN/$script"
done
(
    cd "$WORK"
    printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PACKAGE" "$PACKAGE" >debian/control
    dpkg-shlibdeps -O -Tdebian/substvars "debian/$PACKAGE/usr/lib/$PACKAGE/bin/cccd" \
        "debian/$PACKAGE/usr/lib/$PACKAGE/bin/cccdd" "debian/$PACKAGE"/usr/lib/$PACKAGE/lib/*.so*
) >"$WORK/shlibs" 2>"$WORK/shlibs.err" || { cat "$WORK/shlibs.err" >&2; exit 70; }
SHLIBS=$(sed -n 's/^shlibs:Depends=//p' "$WORK/shlibs")
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: $PACKAGE
Version: $VERSION
Architecture: $ARCH
Maintainer: CCCDKit maintainers <cccdkit@users.noreply.github.com>
Installed-Size: $INSTALLED_SIZE
Depends: $SHLIBS, pcscd, systemd | systemd-standalone-sysusers, systemd | systemd-standalone-tmpfiles
Recommends: udev
Section: utils
Priority: optional
Homepage: https://github.com/cccdkit/cccdkit
Description: Vietnamese chip ID card (CCCD) reader: command line and counter daemon
 Reads Vietnamese chip ID cards (ICAO 9303 eMRTD) through PC/SC readers,
 verifies them (passive, active and chip authentication) against a trust
 store of CSCA certificates and compares the holder's face with a photo.
 .
 cccd is the command-line tool; cccdd is a daemon for bank and hospital
 counters that offers the same as a local HTTP API on loopback with a bearer
 token, journals every operation without personal data and runs as a
 hardened systemd service (socket-activated, not started on installation).
CONTROL

DEB=$OUT_DIR/${PACKAGE}_${VERSION}_${ARCH}.deb
case $COMPRESS in xz) level=(-z6) ;; gzip) level=(-z6) ;; none) level=() ;; *) echo "package-deb: --compress xz|gzip|none" >&2; exit 64 ;; esac
dpkg-deb --root-owner-group -Z"$COMPRESS" "${level[@]}" --build "$STAGE" "$DEB" >&2
if ((LINTIAN)); then
    lintian --info --display-info --show-overrides "$DEB" >&2 || true
fi
echo "$DEB"
