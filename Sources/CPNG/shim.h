#ifndef CCCD_CPNG_SHIM_H
#define CCCD_CPNG_SHIM_H
// libpng's simplified read API (PNG live photos).
#include <png.h>
#endif
