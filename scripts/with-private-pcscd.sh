#!/usr/bin/env bash
# Runs a command where it gets its own pcscd: a private mount namespace (pcscd always serves
# /run/pcscd/pcscd.comm, so a tmpfs there keeps it apart from the machine's pcscd) and a private
# network namespace (vpcd's TCP listener is then reachable only from inside). Needs root; without
# root the command runs as is and the test bed uses the machine's /run/pcscd (no pcscd may run).
#
#   scripts/with-private-pcscd.sh COMMAND [ARGS...]
#
# The command itself starts pcscd (the test bed and scripts/demo.sh do) and must stop it.
set -euo pipefail

if [[ "${CCCD_PRIVATE_PCSCD:-}" == "1" ]]; then
    exec "$@"
fi

if [[ $(id -u) -eq 0 ]] && unshare --mount --net --propagation private true 2>/dev/null; then
    export CCCD_PRIVATE_PCSCD=1
    exec unshare --mount --net --propagation private -- bash -c '
        set -e
        mkdir -p /run/pcscd
        mount -t tmpfs -o mode=0755 tmpfs /run/pcscd
        ip link set lo up
        exec "$@"' bash "$@"
fi

echo "with-private-pcscd: no root or no namespaces; using the machine's /run/pcscd on loopback" >&2
exec "$@"
