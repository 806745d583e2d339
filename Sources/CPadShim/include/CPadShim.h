// Plain C interface to the presentation-attack detection (PAD) models used by CCCDFace: MiniFASNet
// ONNX networks run with OpenCV's DNN module. Swift imports this header without C++ interoperability;
// everything OpenCV-specific stays behind it. The types are in CFaceNativeAPI.h: CCCDFace calls these
// functions through the table `cpad_api_v1` returns, in the dynamic library libCCCDFaceNative that it
// opens on first use.
#ifndef CPADSHIM_H
#define CPADSHIM_H

#include <CFaceNativeAPI.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/// The table of the functions above (CPAD_API_SYMBOL), the library's one entry point for CCCDFace.
const cpad_api *cpad_api_v1(void);

#ifdef __cplusplus
}
#endif

#endif
