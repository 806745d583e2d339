#ifndef CCCD_CTURBOJPEG_SHIM_H
#define CCCD_CTURBOJPEG_SHIM_H
// libjpeg-turbo's TurboJPEG API (JPEG decoding for chip and camera photos).
#include <turbojpeg.h>
#endif
