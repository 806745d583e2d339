// glibc's allocator tuning (mallopt, M_ARENA_MAX), which the Swift Glibc module does not export,
// and prctl (variadic in C, so not callable from Swift) for the daemon's process hardening.
#include <malloc.h>
#include <sys/prctl.h>

static inline int cccd_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
static inline int cccd_is_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
