#!/usr/bin/env bash
# Tests the Debian package (docs/packaging.md): builds it from an existing build folder (default: the
# debug build, so CI needs no second full build), checks its file list (owners, modes, paths),
# installs it with `dpkg --root` into a scratch tree running the maintainer scripts chrootless
# (DPKG_ROOT), checks users, groups, folders and links there, starts the installed cccdd from that
# tree (Swift runtime and resource bundles found), runs `systemd-analyze verify` and `security` on the
# installed units, then removes and purges the package again.
#   scripts/test-deb.sh [BIN_DIR]
# Not root: the install runs under fakeroot. CCCD_DEB=0 in scripts/test.sh skips this phase.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*" >&2; }

# The install and the checks of the installed tree: one process, so that under fakeroot the owners
# it reports are those dpkg and the maintainer scripts set.
install_and_check() {
    local deb=$1 root=$2
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
    touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
    # --force-depends: the scratch tree holds none of the Debian libraries the package depends on.
    dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root -i "$deb" >"$root.log" 2>&1 ||
        { cat "$root.log" >&2; fail "dpkg --root -i"; }
    grep -q "cccdd is installed but not enabled" "$root.log" || fail "postinst did not run to its end"

    # Users and groups (systemd-sysusers in the postinst).
    local gid readers uid
    gid=$(awk -F: '$1 == "cccdkit" { print $3 }' "$root/etc/group")
    readers=$(awk -F: '$1 == "cccd-readers" { print $3 }' "$root/etc/group")
    uid=$(awk -F: -v g="$gid" '$1 == "cccdd" && $4 == g && $7 == "/usr/sbin/nologin" { print $3 }' "$root/etc/passwd")
    [[ -n $gid && -n $readers && -n $uid && $gid != "$readers" ]] || fail "users/groups: $(cat "$root/etc/group" "$root/etc/passwd")"
    awk -F: '$1 == "cccd-readers" { exit ($4 ~ /(^|,)cccdd(,|$)/) }' "$root/etc/group" || fail "cccdd is in cccd-readers"
    ok "sysusers: user cccdd ($uid) in cccdkit ($gid), cccd-readers ($readers) separate"

    # Folders (systemd-tmpfiles in the postinst): mode owner group.
    local expect path
    for expect in "var/lib/cccdkit 750 $uid $gid" "var/lib/cccdkit/trust 750 $uid $gid" \
        "var/lib/cccdkit/models 750 0 $gid" "usr/lib/cccdkit/bin/cccdd 755 0 0" \
        "etc/cccdkit/cccdd.json 644 0 0" "lib/systemd/system/cccdd.service 644 0 0"; do
        path=${expect%% *}
        [[ "$path $(stat -c '%a %u %g' "$root/$path")" == "$expect" ]] ||
            fail "$path is $(stat -c '%a %u %g' "$root/$path"), expected $expect"
    done
    [[ -z $(find "$root/var/lib/cccdkit" -mindepth 2) ]] || fail "models/trust are not empty"
    ok "tmpfiles: /var/lib/cccdkit{,/trust,/models} with their modes and owners, empty"
    [[ $(readlink -f "$root/usr/sbin/cccdd") == "$root/usr/lib/cccdkit/bin/cccdd" ]] || fail "/usr/sbin/cccdd link"
    [[ $(readlink -f "$root/usr/bin/cccd") == "$root/usr/lib/cccdkit/bin/cccd" ]] || fail "/usr/bin/cccd link"
    grep -qx /etc/cccdkit/cccdd.json "$root/var/lib/dpkg/info/cccdkit.conffiles" || fail "conffile not registered"
}

remove_and_check() {
    local root=$1
    dpkg --root="$root" --force-script-chrootless --force-not-root -r cccdkit >"$root.log" 2>&1 || { cat "$root.log" >&2; fail "dpkg -r"; }
    [[ ! -e $root/usr/lib/cccdkit/bin/cccdd && -e $root/etc/cccdkit/cccdd.json ]] || fail "remove: files left or conffile gone"
    dpkg --root="$root" --force-script-chrootless --force-not-root -P cccdkit >"$root.log" 2>&1 || { cat "$root.log" >&2; fail "dpkg -P"; }
    [[ ! -e $root/etc/cccdkit/cccdd.json && -d $root/var/lib/cccdkit ]] || fail "purge: conffile left or state removed"
    ok "remove and purge: files and conffile gone, /var/lib/cccdkit kept"
}

case ${1:-} in
    --install-check) install_and_check "$2" "$3"; exit 0 ;;
    --remove-check) remove_and_check "$2"; exit 0 ;;
esac

BIN_DIR=${1:-$(swift build --show-bin-path)}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/cccd-deb.XXXXXX")
DAEMON_PID=
cleanup() {
    [[ -n $DAEMON_PID ]] && kill "$DAEMON_PID" 2>/dev/null
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
SECONDS=0

DEB=$(scripts/package-deb.sh --bin-dir "$BIN_DIR" --out "$SCRATCH/out" --compress none 2>"$SCRATCH/package.log") ||
    { cat "$SCRATCH/package.log" >&2; fail "scripts/package-deb.sh"; }
ok "built $(basename "$DEB") ($(du -m "$DEB" | cut -f1) MB uncompressed) in ${SECONDS}s"

# 1. The file list: everything root-owned, nothing setuid or writable by group/others, no /usr/local,
#    nothing shipped in /var (the postinst makes the state folders), the expected paths and modes.
dpkg-deb -c "$DEB" >"$SCRATCH/list"
awk '$2 != "root/root" { print; bad = 1 } END { exit bad }' "$SCRATCH/list" || fail "files not owned by root"
awk 'substr($1, 5, 1) == "s" || substr($1, 7, 1) == "s" || (substr($1, 1, 1) != "l" && (substr($1, 6, 1) == "w" || substr($1, 9, 1) == "w")) { print; bad = 1 } END { exit bad }' \
    "$SCRATCH/list" || fail "setuid or group/world-writable files"
! grep -E ' \./(usr/local|var)/' "$SCRATCH/list" || fail "files in /usr/local or /var"
for entry in "-rwxr-xr-x ./usr/lib/cccdkit/bin/cccd" "-rwxr-xr-x ./usr/lib/cccdkit/bin/cccdd" \
    "-rw-r--r-- ./usr/lib/cccdkit/lib/libswiftCore.so" "-rw-r--r-- ./usr/lib/cccdkit/lib/libFoundation.so" \
    "-rw-r--r-- ./usr/lib/cccdkit/lib/libCCCDFaceNative.so" \
    "-rw-r--r-- ./usr/lib/cccdkit/bin/CCCDKit_CCCDDaemon.resources/openapi.json" \
    "-rw-r--r-- ./lib/systemd/system/cccdd.service" "-rw-r--r-- ./lib/systemd/system/cccdd.socket" \
    "-rw-r--r-- ./lib/udev/rules.d/60-cccdkit-readers.rules" "-rw-r--r-- ./usr/lib/sysusers.d/cccdkit.conf" \
    "-rw-r--r-- ./usr/lib/tmpfiles.d/cccdkit.conf" "-rw-r--r-- ./etc/cccdkit/cccdd.json" \
    "-rw-r--r-- ./usr/share/doc/cccdkit/copyright" "-rw-r--r-- ./usr/share/doc/cccdkit/README.provisioning" \
    "lrwxrwxrwx ./usr/bin/cccd -> ../lib/cccdkit/bin/cccd" "lrwxrwxrwx ./usr/sbin/cccdd -> ../lib/cccdkit/bin/cccdd"; do
    awk -v mode="${entry%% *}" -v rest="${entry#* }" '$1 == mode && index($0, " " rest) && (index(rest, " -> ") || $NF == rest) { found = 1 } END { exit !found }' \
        "$SCRATCH/list" || fail "missing or wrong mode: $entry"
done
dpkg-deb -f "$DEB" Depends | grep -q 'libpcsclite1.*pcscd' || fail "Depends: $(dpkg-deb -f "$DEB" Depends)"
ok "file list: owners, modes, paths; Depends: $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | wc -l) entries"

# 2. Install into a scratch root (maintainer scripts chrootless, DPKG_ROOT) and check it.
ROOT=$SCRATCH/root
if [[ $(id -u) -eq 0 ]]; then
    "$0" --install-check "$DEB" "$ROOT"
else
    command -v fakeroot >/dev/null || fail "not root and no fakeroot"
    fakeroot -s "$SCRATCH/fakeroot.state" "$0" --install-check "$DEB" "$ROOT"
fi

# 3. The installed binaries run from the tree: every Swift library from usr/lib/cccdkit/lib, the
#    daemon started through the /usr/sbin link serves its bundled OpenAPI document.
# (ldd on the real file: ld.so run by ldd takes $ORIGIN from the path it is given, the kernel's exec from
# the resolved one.)
ldd "$ROOT/usr/lib/cccdkit/bin/cccdd" >"$SCRATCH/ldd"
! grep -E 'not found|/opt/swift|\.build' "$SCRATCH/ldd" || fail "cccdd resolves libraries outside the package"
grep -qF "libswiftCore.so => $ROOT/usr/lib/cccdkit/bin/../lib/libswiftCore.so" "$SCRATCH/ldd" || fail "libswiftCore not from the package"
# The face stack is opened on first use, not at start: cccdd does not link dlib, OpenCV or BLAS; the
# library that does resolves its own dependencies, and cccd finds it in the package (the doctor opens it).
! grep -E 'libdlib|libopencv|blas' "$SCRATCH/ldd" || fail "cccdd links the face native libraries at start"
ldd "$ROOT/usr/lib/cccdkit/lib/libCCCDFaceNative.so" >"$SCRATCH/ldd-face"
! grep -E 'not found|/opt/swift|\.build' "$SCRATCH/ldd-face" || fail "libCCCDFaceNative.so resolves libraries outside the package"
mkdir "$SCRATCH/no-models"
timeout 120 "$ROOT/usr/bin/cccd" doctor --json --models "$SCRATCH/no-models" --trust-dir "$SCRATCH/no-models" \
    --config "$SCRATCH/no-models/cccdd.json" >"$SCRATCH/doctor.json" 2>/dev/null || true
grep -qF "native library $ROOT/usr/lib/cccdkit/lib/libCCCDFaceNative.so" "$SCRATCH/doctor.json" ||
    fail "cccd does not open the packaged face native library: $(grep -o '"[^"]*native library[^"]*"' "$SCRATCH/doctor.json")"
"$ROOT/usr/bin/cccd" --help >/dev/null || fail "cccd --help from the package"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -m 0700 "$SCRATCH/state"
printf '{"listen": "127.0.0.1:%s", "tokenFile": "%s/cccdd.token", "trustDir": "%s/trust", "audit": {"path": null}}\n' \
    "$PORT" "$SCRATCH/state" "$SCRATCH/state" >"$SCRATCH/state/cccdd.json"
"$ROOT/usr/sbin/cccdd" --config "$SCRATCH/state/cccdd.json" >"$SCRATCH/daemon.log" 2>&1 &
DAEMON_PID=$!
python3 - "$PORT" "$SCRATCH/state/cccdd.token" <<'PY' || { cat "$SCRATCH/daemon.log" >&2; fail "installed cccdd"; }
import json, sys, time, urllib.request
port, token_file = sys.argv[1], sys.argv[2]
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
        break
    except OSError:
        time.sleep(0.1)
token = open(token_file).read().strip()
request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/openapi.json", headers={"Authorization": "Bearer " + token})
document = json.load(urllib.request.urlopen(request, timeout=5))
assert document["openapi"].startswith("3."), document.get("openapi")
PY
kill "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null || true; DAEMON_PID=
ok "installed cccd and cccdd run from the tree (Swift runtime, resource bundles and face native library of the package)"

# 4. systemd's verifier and exposure rating on the installed units. The tree lacks the systemd package,
#    so the standard targets the units order against (sysinit.target, …) are copied in from this host.
cp -n /lib/systemd/system/*.target "$ROOT/lib/systemd/system/" 2>/dev/null || true
if systemd-analyze verify --root="$ROOT" --man=no cccdd.service cccdd.socket >"$SCRATCH/verify" 2>&1; then
    ok "systemd-analyze verify --root: cccdd.service, cccdd.socket"
elif grep -qiE 'unrecognized option|bus|Failed to (connect|initialize)' "$SCRATCH/verify"; then
    echo "test-deb: skip: systemd-analyze verify cannot run here ($(head -1 "$SCRATCH/verify"))" >&2
else
    cat "$SCRATCH/verify" >&2; fail "systemd-analyze verify"
fi
LEVEL=$(systemd-analyze security --offline=yes --root="$ROOT" --no-pager cccdd.service 2>&1 |
    sed -n 's/.*Overall exposure level for cccdd.service: \([0-9.]*\).*/\1/p')
[[ -n $LEVEL ]] && awk -v l="$LEVEL" 'BEGIN { exit !(l <= 1.5) }' || fail "systemd-analyze security: '${LEVEL}' (must be ≤ 1.5)"
ok "systemd-analyze security: exposure $LEVEL"

# 5. Remove and purge.
if [[ $(id -u) -eq 0 ]]; then
    "$0" --remove-check "$ROOT"
else
    fakeroot -i "$SCRATCH/fakeroot.state" "$0" --remove-check "$ROOT"
fi
echo "test-deb: passed in ${SECONDS}s" >&2
