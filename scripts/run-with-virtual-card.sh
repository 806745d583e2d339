#!/usr/bin/env bash
# Starts pcscd (foreground, a private reader config that loads only vpcd) and the virtual card,
# runs "CCCD_BINARY ARGS...", then stops exactly the two processes it started.
# Run it inside scripts/with-private-pcscd.sh unless no other pcscd is running.
set -euo pipefail
CCCD="$1"; shift
PORT="${CCCD_VPCD_PORT:-35963}"
DIR="$(mktemp -d -t cccd-demo.XXXXXX)"
PCSCD_PID=""; SIM_PID=""
cleanup() {
    [[ -n "$SIM_PID" ]] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
    [[ -n "$PCSCD_PID" ]] && kill "$PCSCD_PID" 2>/dev/null && wait "$PCSCD_PID" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT

LIBPATH=$(awk '/^LIBPATH/ {print $2}' /etc/reader.conf.d/vpcd 2>/dev/null || true)
mkdir -p "$DIR/reader.conf.d"
cat > "$DIR/reader.conf.d/vpcd" <<CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$PORT
LIBPATH      ${LIBPATH:-/usr/lib/pcsc/drivers/serial/libifdvpcd.so}
CHANNELID    $PORT
CONF

PCSCD=$(command -v pcscd || echo /usr/sbin/pcscd)
"$PCSCD" --foreground --config "$DIR/reader.conf.d" >"$DIR/pcscd.log" 2>&1 &
PCSCD_PID=$!
"$CCCD" sim --port "$PORT" ${CCCD_SIM_ARGS:-} 2>"$DIR/sim.log" &
SIM_PID=$!

# Wait until pcscd reports the card in the first virtual reader.
for _ in $(seq 1 100); do
    if "$CCCD" readers --json 2>/dev/null | grep -q '"cardPresent" : true'; then break; fi
    sleep 0.1
done
"$CCCD" "$@"
