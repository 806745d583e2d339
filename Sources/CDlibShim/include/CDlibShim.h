// Plain C interface to the dlib face pipeline used by CCCDFace. Swift imports this header without
// C++ interoperability; everything dlib-specific stays behind it.
#ifndef CDLIBSHIM_H
#define CDLIBSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result of every call. On failure the `message` buffer (if given) holds a short English reason.
typedef enum cdlib_status {
    CDLIB_OK = 0,
    CDLIB_ERROR_MODEL_FILE = 1,   ///< a model file is missing, unreadable or not the expected model
    CDLIB_ERROR_ARGUMENT = 2,     ///< a null pointer, an empty image or an out-of-range value
    CDLIB_ERROR_OUT_OF_MEMORY = 3,
    CDLIB_ERROR_INTERNAL = 4,     ///< any other exception thrown inside dlib
} cdlib_status;

/// Immutable models shared by all workers: landmark predictor, serialized detectors and networks.
/// Safe to use from several threads at once.
typedef struct cdlib_models cdlib_models;

/// Mutable per-thread state: a HOG detector, the ResNet and (if loaded) the CNN detector.
/// A worker must be used by one thread at a time.
typedef struct cdlib_worker cdlib_worker;

/// A face rectangle in the pixel coordinates of the image passed in.
typedef struct cdlib_face {
    double left, top, right, bottom;
    double confidence;
} cdlib_face;

/// Which detector `cdlib_detect` runs.
typedef enum cdlib_detector {
    CDLIB_DETECTOR_HOG = 0,  ///< dlib's frontal HOG + linear SVM detector
    CDLIB_DETECTOR_CNN = 1,  ///< the MMOD CNN detector (needs the CNN model to be loaded)
} cdlib_detector;

enum {
    CDLIB_CHIP_SIZE = 150,        ///< side of the aligned face chip, in pixels
    CDLIB_DESCRIPTOR_LENGTH = 128,
    CDLIB_LANDMARK_COUNT = 5,
};

/// Loads the ResNet descriptor model, the 5-point landmark model and, when `cnn_path` is not null,
/// the MMOD CNN detector. The HOG detector is read from `hog_cache_path` when a saved copy is there
/// (a few ms) and otherwise built (~0.3 s) and saved there; null means build it every time.
/// Paths are UTF-8 file names.
cdlib_status cdlib_models_load(const char *recognition_path, const char *landmarks_path,
                               const char *cnn_path, const char *hog_cache_path, cdlib_models **out,
                               char *message, size_t message_capacity);
void cdlib_models_free(cdlib_models *models);
int cdlib_models_has_cnn(const cdlib_models *models);

/// Creates a worker from shared models (deserializes copies of the networks and detector).
cdlib_status cdlib_worker_create(const cdlib_models *models, cdlib_worker **out,
                                 char *message, size_t message_capacity);
void cdlib_worker_free(cdlib_worker *worker);

/// Detects faces in an interleaved 8-bit RGB image (`stride` bytes per row). The image is resampled
/// by `scale` (e.g. 0.5 to halve it, 2 to double it) before detection; rectangles come back in the
/// coordinates of the image passed in. Writes up to `capacity` faces, sets `*count` to the number found
/// (which may exceed `capacity`).
cdlib_status cdlib_detect(cdlib_worker *worker, cdlib_detector detector,
                          const uint8_t *rgb, long width, long height, long stride, double scale,
                          cdlib_face *faces, size_t capacity, size_t *count,
                          char *message, size_t message_capacity);

/// Finds the 5 landmarks of `face` and writes the aligned CDLIB_CHIP_SIZE² RGB chip (interleaved,
/// 3 bytes per pixel) to `chip` and the landmarks as x, y pairs to `landmarks` (may be null).
/// Uses only the shared models, so it may run on any thread.
cdlib_status cdlib_align(const cdlib_models *models,
                         const uint8_t *rgb, long width, long height, long stride,
                         cdlib_face face, uint8_t *chip, double *landmarks,
                         char *message, size_t message_capacity);

/// Computes the 128-d descriptor of an aligned chip (as written by `cdlib_align`).
cdlib_status cdlib_descriptor(cdlib_worker *worker, const uint8_t *chip, float *descriptor,
                              char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
