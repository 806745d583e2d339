// Plain C interface to the presentation-attack detection (PAD) models used by CCCDFace: MiniFASNet
// ONNX networks run with OpenCV's DNN module. Swift imports this header without C++ interoperability;
// everything OpenCV-specific stays behind it.
#ifndef CPADSHIM_H
#define CPADSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/// Loads an ONNX classifier whose input is 1×3×`input_size`×`input_size` (BGR, raw 0–255) and whose
/// output is 3 logits (index 1 = live). `path` is a UTF-8 file name.
cpad_status cpad_model_load(const char *path, int input_size, cpad_model **out,
                            char *message, size_t message_capacity);
void cpad_model_free(cpad_model *model);

/// The live probability (softmax of the logits, index 1) of the face `box` in an interleaved 8-bit RGB
/// image (`stride` bytes per row). The crop is the models' origin's: the box scaled by `scale` about
/// its centre (less when the frame is too small), shifted, not cut, to stay inside the frame, then
/// resized to the model's input. Also writes the crop actually used to `crop` (may be null).
cpad_status cpad_live_probability(cpad_model *model, const uint8_t *rgb, long width, long height,
                                  long stride, cpad_box box, double scale, double *live, cpad_box *crop,
                                  char *message, size_t message_capacity);

/// Sharpness of the face `box`: the variance of the Laplacian of its grey levels after resizing the
/// box to `side`×`side` pixels (so that it does not depend on the photo's resolution).
cpad_status cpad_sharpness(const uint8_t *rgb, long width, long height, long stride, cpad_box box,
                           int side, double *variance, char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif

#endif
