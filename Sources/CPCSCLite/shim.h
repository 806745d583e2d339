#ifndef CCCD_CPCSCLITE_SHIM_H
#define CCCD_CPCSCLITE_SHIM_H
// pcsc-lite's public API (pkg-config "libpcsclite" puts /usr/include/PCSC on the include path).
#include <winscard.h>
#include <reader.h>
#endif
