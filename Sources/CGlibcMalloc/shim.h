// glibc's allocator tuning (mallopt, M_ARENA_MAX), which the Swift Glibc module does not export.
#include <malloc.h>
