// Plain C interface to the dlib face pipeline used by CCCDFace. Swift imports this header without
// C++ interoperability; everything dlib-specific stays behind it. The types are in CFaceNativeAPI.h:
// CCCDFace calls these functions through the table `cdlib_api_v1` returns, in the dynamic library
// libCCCDFaceNative that it opens on first use.
#ifndef CDLIBSHIM_H
#define CDLIBSHIM_H

#include <CFaceNativeAPI.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/// The table of the functions above (CDLIB_API_SYMBOL), the library's one entry point for CCCDFace.
const cdlib_api *cdlib_api_v1(void);

#ifdef __cplusplus
}
#endif

#endif
