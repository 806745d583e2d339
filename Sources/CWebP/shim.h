#ifndef CCCD_CWEBP_SHIM_H
#define CCCD_CWEBP_SHIM_H
// libwebp's decoder (WebP live photos: browsers' canvas.toBlob and phones produce them); the encoder
// is used by the tests to make WebP fixtures from the face-test photos.
#include <webp/decode.h>
#include <webp/encode.h>
#endif
