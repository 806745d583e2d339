#!/usr/bin/env bash
# The reference for `cccd-bench face`: the same comparison done by the Python face_recognition package
# (1.3.0, with dlib-bin and face_recognition_models from PyPI) in a virtual environment kept in the
# cache. Benchmark only; the tests never install it.
#   usage: face-reference.sh CHIP LIVE [RUNS]  |  face-reference.sh --prepare (only create the venv)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${CCCD_FACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit}/face-reference-venv
if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c 'import face_recognition' 2>/dev/null; then
    echo "face-reference: creating $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check dlib-bin face_recognition_models==0.3.0 \
        numpy pillow Click >&2
    # face_recognition declares a dependency on the source "dlib" package; dlib-bin provides the module.
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps face_recognition==1.3.0 >&2
fi
[[ ${1:-} == --prepare ]] && exit 0
exec "$VENV/bin/python" scripts/face-reference.py "$@"
