#!/usr/bin/env bash
# The reference for `cccd-bench face`: the same comparison done by the Python face_recognition package
# (1.3.0 with dlib-bin 20.0.1.post1 and face_recognition_models 0.3.0 from PyPI), installed into a
# virtual environment in the cache (nothing installed system-wide). Benchmark only; the tests never use it.
#   usage: face-reference.sh CHIP LIVE [RUNS]  |  face-reference.sh --prepare (only install it)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${CCCD_FACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit}/face-reference-venv
if ! "$VENV/bin/python" -c 'import face_recognition' 2>/dev/null; then
    echo "face-reference: installing face_recognition 1.3.0 + dlib-bin into $VENV" >&2
    python3 -m venv "$VENV"
    pip() { "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@" >&2; }
    pip dlib-bin==20.0.1.post1 face_recognition_models==0.3.0 numpy Pillow Click
    # face_recognition declares a dependency on the source "dlib" package; dlib-bin provides the module.
    pip --no-deps face_recognition==1.3.0
fi
[[ ${1:-} == --prepare ]] && exit 0
exec "$VENV/bin/python" scripts/face-reference.py "$@"
