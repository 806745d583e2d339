#!/usr/bin/env python3
"""Derives the face test images from the originals fetched by scripts/setup-face-testdata.sh.

DATA_DIR/originals/*  →  DATA_DIR/chip/NAME-{jpeg,jp2}-{4,8,15}k.{jpg,jp2}   480×640 portraits, re-encoded
                                                                          to at most 4, 8 and 15 KB like DG2
                         DATA_DIR/live/obama3-1280x720.jpg                 a counter-camera-like frame
                         DATA_DIR/live/two-faces.jpg                       obama + biden side by side
                         DATA_DIR/live/tiny-face.jpg                       a ~40-pixel face on 640×480
Face boxes (left, top, right, bottom) were found once with dlib's HOG detector on the pinned originals.
"""
import io
import os
import sys

from PIL import Image

FACES = {
    "obama.jpg": (349, 142, 617, 409),
    "obama2.jpg": (171, 290, 438, 558),
    "obama3.jpg": (633, 277, 954, 598),
    "biden.jpg": (419, 241, 740, 562),
    "astronaut.png": (175, 76, 265, 166),
    "face_swapped.jpg": (103, 92, 211, 199),
}
CHIP_SIZE = (480, 640)
TARGETS_KB = (4, 8, 15)


def portrait(image, box):
    """ICAO-like framing: face about 45 % of the width, eyes a little above the middle."""
    left, top, right, bottom = box
    width = (right - left) * 2.2
    height = width * 4 / 3
    cx, cy = (left + right) / 2, (top + bottom) / 2
    x0, y0 = cx - width / 2, cy - height * 0.55
    canvas = Image.new("RGB", (round(width), round(height)), (200, 200, 200))
    x0, y0 = round(x0), round(y0)
    region = (max(0, x0), max(0, y0), min(image.width, x0 + round(width)), min(image.height, y0 + round(height)))
    canvas.paste(image.crop(region), (region[0] - x0, region[1] - y0))
    return canvas.resize(CHIP_SIZE, Image.LANCZOS)


def jpeg_at_most(image, limit):
    """Highest JPEG quality whose file fits in `limit` bytes."""
    best = None
    low, high = 1, 95
    while low <= high:
        quality = (low + high) // 2
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= limit:
            best, low = out.getvalue(), quality + 1
        else:
            high = quality - 1
    return best


def jp2_at_most(image, limit):
    """Lossy JP2 (irreversible 9/7 wavelet) with the compression ratio tuned to fit in `limit` bytes."""
    raw = image.width * image.height * 3
    ratio = raw / limit
    for _ in range(12):
        out = io.BytesIO()
        image.save(out, "JPEG2000", irreversible=True, quality_mode="rates", quality_layers=[ratio])
        if out.tell() <= limit:
            return out.getvalue()
        ratio *= out.tell() / limit * 1.02
    raise SystemExit("cannot fit JP2 in %d bytes" % limit)


def main(data_dir):
    originals = os.path.join(data_dir, "originals")
    chip_dir = os.path.join(data_dir, "chip")
    live_dir = os.path.join(data_dir, "live")
    os.makedirs(chip_dir, exist_ok=True)
    os.makedirs(live_dir, exist_ok=True)
    load = lambda name: Image.open(os.path.join(originals, name)).convert("RGB")

    for name, box in FACES.items():
        chip = portrait(load(name), box)
        stem = os.path.splitext(name)[0]
        for kb in TARGETS_KB:
            with open(os.path.join(chip_dir, "%s-jpeg-%dk.jpg" % (stem, kb)), "wb") as f:
                f.write(jpeg_at_most(chip, kb * 1024))
            with open(os.path.join(chip_dir, "%s-jp2-%dk.jp2" % (stem, kb)), "wb") as f:
                f.write(jp2_at_most(chip, kb * 1024))

    # 16:9 frame around the standing figure, scaled to 1280×720 (face about 290 pixels wide).
    obama3 = load("obama3.jpg")
    frame = obama3.crop((0, 0, obama3.width, round(obama3.width * 9 / 16))).resize((1280, 720), Image.LANCZOS)
    frame.save(os.path.join(live_dir, "obama3-1280x720.jpg"), quality=90)

    # Two people in one photo.
    left = load("obama.jpg").crop((250, 40, 720, 560))
    right = load("biden.jpg").crop((330, 140, 830, 660)).resize(left.size)
    pair = Image.new("RGB", (left.width * 2, left.height), (255, 255, 255))
    pair.paste(left, (0, 0))
    pair.paste(right, (left.width, 0))
    pair.save(os.path.join(live_dir, "two-faces.jpg"), quality=90)

    # A face about 40 pixels wide: findable, too small to use.
    face = load("obama.jpg").crop((250, 40, 720, 560))
    face = face.resize((round(face.width * 0.15), round(face.height * 0.15)), Image.LANCZOS)
    tiny = Image.new("RGB", (640, 480), (180, 180, 180))
    tiny.paste(face, (300, 200))
    tiny.save(os.path.join(live_dir, "tiny-face.jpg"), quality=92)


if __name__ == "__main__":
    main(sys.argv[1])
