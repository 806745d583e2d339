// The C types shared by the face native library (libCCCDFaceNative: the dlib shim CDlibShim and the
// OpenCV DNN shim CPadShim) and CCCDFace, which does not link that library: it loads it with dlopen on
// first use (cface_native_open) and calls it through the two function tables below, so that a process
// that never compares a face never maps dlib, OpenCV, BLAS and their dependencies.
#ifndef CFACENATIVEAPI_H
#define CFACENATIVEAPI_H

#include <stddef.h>
#include <stdint.h>

#ifndef __clang__
#define _Nonnull
#define _Nullable
#endif

#ifdef __cplusplus
extern "C" {
#endif

// MARK: dlib face pipeline (CDlibShim)

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

/// Which detector `detect` runs.
typedef enum cdlib_detector {
    CDLIB_DETECTOR_HOG = 0,  ///< dlib's frontal HOG + linear SVM detector
    CDLIB_DETECTOR_CNN = 1,  ///< the MMOD CNN detector (needs the CNN model to be loaded)
} cdlib_detector;

enum {
    CDLIB_CHIP_SIZE = 150,        ///< side of the aligned face chip, in pixels
    CDLIB_DESCRIPTOR_LENGTH = 128,
    CDLIB_LANDMARK_COUNT = 5,
};

// MARK: presentation-attack detection (CPadShim)

/// Result of every call. On failure the `message` buffer (if given) holds a short English reason.
typedef enum cpad_status {
    CPAD_OK = 0,
    CPAD_ERROR_MODEL_FILE = 1,  ///< the model file is missing, unreadable or not a usable ONNX network
    CPAD_ERROR_ARGUMENT = 2,    ///< a null pointer, an empty image or a box outside the image
    CPAD_ERROR_INTERNAL = 4,    ///< any other exception thrown inside OpenCV
} cpad_status;

/// One loaded network. Calls on the same model are serialized by an internal lock.
typedef struct cpad_model cpad_model;

/// A rectangle in the pixel coordinates of the image passed in.
typedef struct cpad_box {
    double left, top, right, bottom;
} cpad_box;

// MARK: the library's function tables

/// Version of the tables below; raise it whenever a table's layout or a function's signature changes,
/// so that a stale library is refused instead of called with the wrong arguments.
enum { CFACE_NATIVE_ABI_VERSION = 1 };

/// The functions of CDlibShim.h (documented there), by name without the `cdlib_` prefix.
typedef struct cdlib_api {
    uint32_t abi_version;  ///< CFACE_NATIVE_ABI_VERSION of the library
    uint32_t size;         ///< sizeof(cdlib_api) in the library
    cdlib_status (*_Nonnull models_load)(const char *_Nullable recognition_path,
                                         const char *_Nullable landmarks_path, const char *_Nullable cnn_path,
                                         const char *_Nullable hog_cache_path, cdlib_models *_Nullable *_Nullable out,
                                         char *_Nullable message, size_t message_capacity);
    void (*_Nonnull models_free)(cdlib_models *_Nullable models);
    int (*_Nonnull models_has_cnn)(const cdlib_models *_Nullable models);
    cdlib_status (*_Nonnull worker_create)(const cdlib_models *_Nullable models, cdlib_worker *_Nullable *_Nullable out,
                                           char *_Nullable message, size_t message_capacity);
    void (*_Nonnull worker_free)(cdlib_worker *_Nullable worker);
    cdlib_status (*_Nonnull detect)(cdlib_worker *_Nullable worker, cdlib_detector detector,
                                    const uint8_t *_Nullable rgb, long width, long height, long stride, double scale,
                                    cdlib_face *_Nullable faces, size_t capacity, size_t *_Nullable count,
                                    char *_Nullable message, size_t message_capacity);
    cdlib_status (*_Nonnull align)(const cdlib_models *_Nullable models, const uint8_t *_Nullable rgb, long width,
                                   long height, long stride, cdlib_face face, uint8_t *_Nullable chip,
                                   double *_Nullable landmarks, char *_Nullable message, size_t message_capacity);
    cdlib_status (*_Nonnull descriptor)(cdlib_worker *_Nullable worker, const uint8_t *_Nullable chip,
                                        float *_Nullable descriptor, char *_Nullable message, size_t message_capacity);
} cdlib_api;

/// The functions of CPadShim.h (documented there), by name without the `cpad_` prefix.
typedef struct cpad_api {
    uint32_t abi_version;  ///< CFACE_NATIVE_ABI_VERSION of the library
    uint32_t size;         ///< sizeof(cpad_api) in the library
    cpad_status (*_Nonnull model_load)(const char *_Nullable path, int input_size, cpad_model *_Nullable *_Nullable out,
                                       char *_Nullable message, size_t message_capacity);
    void (*_Nonnull model_free)(cpad_model *_Nullable model);
    cpad_status (*_Nonnull live_probability)(cpad_model *_Nullable model, const uint8_t *_Nullable rgb, long width,
                                             long height, long stride, cpad_box box, double scale,
                                             double *_Nullable live, cpad_box *_Nullable crop,
                                             char *_Nullable message, size_t message_capacity);
    cpad_status (*_Nonnull sharpness)(const uint8_t *_Nullable rgb, long width, long height, long stride, cpad_box box,
                                      int side, double *_Nullable variance, char *_Nullable message,
                                      size_t message_capacity);
} cpad_api;

/// The symbols that return the tables (`const cdlib_api *cdlib_api_v1(void)`, `const cpad_api
/// *cpad_api_v1(void)`), exported by the library.
#define CDLIB_API_SYMBOL "cdlib_api_v1"
#define CPAD_API_SYMBOL "cpad_api_v1"

/// Opens the library at `path` (a file name with a slash, or a bare name that the dynamic linker looks
/// up) with RTLD_NOW | RTLD_LOCAL and returns its two tables. Returns 0 on success; otherwise nothing
/// stays open and `message` holds the reason (dlerror's, or a missing symbol, or an ABI mismatch).
int cface_native_open(const char *_Nonnull path, const cdlib_api *_Nullable *_Nonnull dlib,
                      const cpad_api *_Nullable *_Nonnull pad, char *_Nonnull message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
