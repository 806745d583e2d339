#!/usr/bin/env python3
"""Times the chip-vs-live comparison with face_recognition 1.3.0 (the reference for cccd-bench face)."""
import resource
import sys
import time

import dlib
import face_recognition


def main(chip, live, runs):
    def compare():
        a = face_recognition.face_encodings(face_recognition.load_image_file(chip))
        b = face_recognition.face_encodings(face_recognition.load_image_file(live))
        return face_recognition.face_distance([a[0]], b[0])[0]

    start = time.perf_counter()
    compare()  # loads nothing lazily (models load at import), but warms caches
    compare()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        distance = compare()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    pick = lambda p: samples[round(p * (len(samples) - 1))]
    print("  dlib %s, distance %.4f" % (dlib.__version__, distance))
    print("  full comparison (load→distance)    median %.2f ms   p95 %.2f ms" % (pick(0.5), pick(0.95)))
    print("  peak RSS: %.0f MB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10)
