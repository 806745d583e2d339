#!/usr/bin/env bash
# Fetches the public face photos the face tests, calibration and benchmark use, idempotently, into
# $CCCD_FACE_TESTDATA (default ${XDG_CACHE_HOME:-~/.cache}/cccdkit/face-testdata). Nothing is committed.
#   - face_recognition 1.3.0 sdist (PyPI): obama.jpg, obama2.jpg, obama3.jpg, biden.jpg
#   - python3-skimage (Debian): astronaut.png (public domain, NASA)
#   - opencv-doc (Debian): face_swapped.jpg, facereg.jpg (four faces), messi5.jpg (small face),
#     fruits.jpg (no face)
# Each photo is checked against a pinned SHA-256. Then scripts/face-testdata.py (with Pillow from PyPI,
# installed into the cache) derives chip-like 480×640 JPEG and JPEG 2000 files at 4, 8 and 15 KB, a
# 1280×720 live photo, a two-face and a tiny-face photo. Run by scripts/setup-face-models.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR=${CCCD_FACE_TESTDATA:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit/face-testdata}
CACHE_DIR=${CCCD_FACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit}
PILLOW=pillow==11.0.0
STAMP=$DATA_DIR/.complete-v1

[[ -f $STAMP ]] && exit 0

declare -A SHA256=(
    [obama.jpg]=0930e3aa8cae5920329c0c8cbc6a2ab70f47b0e67b432875beaa95cbf7e741f6
    [obama2.jpg]=a7efcc907375274796f39646510704aa86672d59f6d5469d69af3c85590976a6
    [obama3.jpg]=76ac6bf97c36dc2da0ad16a537d6a5ac1b10f48d49aac29a0cca9a17cdbc3ca3
    [biden.jpg]=3c17508bb91554c637a2eabddfae790e5bb1caba93130814fc2ac50be9760c4c
    [astronaut.png]=88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5
    [face_swapped.jpg]=302634120bc53f9327cb06c7cb265fc4741fef281514d8f3bd214749e53ce6cc
    [facereg.jpg]=4e09180bb023bb709aba4d2515813d326696236914f10bfdf23bb32f95c9c600
    [messi5.jpg]=1d570e49654e84c7a943918537bd9e5e1ef82920152e147c834006e235be97c9
    [fruits.jpg]=9c031d80a1c52da5eca790db896baffec6a7e52bf786cdb7bbfca5c7f880e6a1
)

echo "setup-face-testdata: fetching test photos into $DATA_DIR" >&2
mkdir -p "$DATA_DIR/originals" "$CACHE_DIR/pip" "$CACHE_DIR/deb"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# face_recognition's sdist (its test images); downloading an sdist builds only its metadata.
if [[ ! -f $CACHE_DIR/pip/face_recognition-1.3.0.tar.gz ]]; then
    python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$CACHE_DIR/pip" face_recognition==1.3.0 >&2
fi
tar -xzf "$CACHE_DIR/pip/face_recognition-1.3.0.tar.gz" -C "$work"
for name in obama.jpg obama2.jpg obama3.jpg biden.jpg; do
    cp "$work/face_recognition-1.3.0/tests/test_images/$name" "$DATA_DIR/originals/"
done

# Debian packages, downloaded (not installed) and unpacked.
deb() {  # deb PACKAGE → path of the downloaded .deb
    local found
    found=$(ls "$CACHE_DIR/deb/$1"_*.deb 2>/dev/null | head -1 || true)
    if [[ -z $found ]]; then
        if ! (cd "$CACHE_DIR/deb" && apt-get download "$1" >/dev/null 2>&1); then
            if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
            $SUDO apt-get update -qq
            (cd "$CACHE_DIR/deb" && apt-get download "$1" >/dev/null)
        fi
        found=$(ls "$CACHE_DIR/deb/$1"_*.deb | head -1)
    fi
    echo "$found"
}
dpkg-deb --fsys-tarfile "$(deb python3-skimage)" \
    | tar -x -C "$work" ./usr/lib/python3/dist-packages/skimage/data/astronaut.png
cp "$work/usr/lib/python3/dist-packages/skimage/data/astronaut.png" "$DATA_DIR/originals/"
dpkg-deb --fsys-tarfile "$(deb opencv-doc)" | tar -x -C "$work" \
    ./usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg \
    ./usr/share/doc/opencv-doc/opencv4/html/facereg.jpg \
    ./usr/share/doc/opencv-doc/examples/data/messi5.jpg \
    ./usr/share/doc/opencv-doc/examples/data/fruits.jpg
cp "$work"/usr/share/doc/opencv-doc/opencv4/html/{face_swapped,facereg}.jpg \
   "$work"/usr/share/doc/opencv-doc/examples/data/{messi5,fruits}.jpg "$DATA_DIR/originals/"

for name in "${!SHA256[@]}"; do
    if ! echo "${SHA256[$name]}  $DATA_DIR/originals/$name" | sha256sum --check --status; then
        echo "setup-face-testdata: $name does not match its pinned SHA-256" >&2
        exit 1
    fi
done

# Pillow (with its bundled OpenJPEG) for the derived images, kept in the cache, not installed.
PYLIB=$CACHE_DIR/pylib
if ! PYTHONPATH=$PYLIB python3 -c 'import PIL.features as f; assert f.check("jpg_2000")' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --only-binary :all: \
        --target "$PYLIB" --upgrade "$PILLOW" >&2
fi
PYTHONPATH=$PYLIB python3 scripts/face-testdata.py "$DATA_DIR"
touch "$STAMP"
