#!/usr/bin/env python3
"""Times the chip-vs-live comparison with face_recognition 1.3.0 (the reference for cccd-bench face).

Three configurations on the same two images, each load→distance, 5-point landmarks, 1 jitter:
  default      face_recognition's defaults (HOG, number_of_times_to_upsample=1);
  upsample=0   no up-sampling (detection at the image's own size);
  matched      configured like CCCDFace: HOG with number_of_times_to_upsample=0 on the image scaled down
               to at most MAX_SIDE pixels (CCCDFace's detectionMaxSide, 480), the box scaled back, then
               landmarks and descriptor on the full-size image, as CCCDFace does.
Prints one "full comparison [NAME]" line per configuration (parsed by cccd-bench face).
"""
import resource
import sys
import time

import dlib
import face_recognition
import numpy
from PIL import Image

MAX_SIDE = 480


def detect_like_cccdface(image):
    height, width = image.shape[:2]
    scale = min(1.0, MAX_SIDE / max(height, width))
    small = image
    if scale < 1:
        size = (round(width * scale), round(height * scale))
        small = numpy.asarray(Image.fromarray(image).resize(size, Image.BILINEAR))
    boxes = face_recognition.face_locations(small, number_of_times_to_upsample=0)
    return [tuple(round(v / scale) for v in box) for box in boxes]


def encode(path, config):
    image = face_recognition.load_image_file(path)
    if config == "default":
        return face_recognition.face_encodings(image, model="small")
    if config == "upsample=0":
        boxes = face_recognition.face_locations(image, number_of_times_to_upsample=0)
    else:
        boxes = detect_like_cccdface(image)
    return face_recognition.face_encodings(image, known_face_locations=boxes[:1], model="small")


def main(chip, live, runs):
    for config in ("default", "upsample=0", "matched"):
        def compare():
            a = encode(chip, config)
            b = encode(live, config)
            if not a or not b:
                return None
            return face_recognition.face_distance([a[0]], b[0])[0]

        compare()  # models load at import; this warms caches
        distance = compare()
        if distance is None:
            print("  full comparison [%s]: no face found" % config)
            continue
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            compare()
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        pick = lambda p: samples[round(p * (len(samples) - 1))]
        print("  full comparison [%s] (load→distance)  median %.2f ms   p95 %.2f ms   distance %.4f"
              % (config, pick(0.5), pick(0.95), distance))
    print("  dlib %s; peak RSS: %.0f MB" % (dlib.__version__, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10)
