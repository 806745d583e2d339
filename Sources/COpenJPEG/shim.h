#ifndef CCCD_COPENJPEG_SHIM_H
#define CCCD_COPENJPEG_SHIM_H
// OpenJPEG 2.x (JPEG 2000 chip photos: JP2 files and raw J2K codestreams). pkg-config "libopenjp2"
// puts the versioned include folder on the path.
#include <openjpeg.h>
#endif
