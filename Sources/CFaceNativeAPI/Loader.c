// dlopen/dlsym for CCCDFace (the Swift side chooses which paths to try, in FaceNativeLibrary).
#include "CFaceNativeAPI.h"

#include <dlfcn.h>
#include <stdio.h>

typedef const cdlib_api *(*cdlib_api_getter)(void);
typedef const cpad_api *(*cpad_api_getter)(void);

int cface_native_open(const char *path, const cdlib_api **dlib, const cpad_api **pad, char *message,
                      size_t message_capacity) {
    *dlib = NULL;
    *pad = NULL;
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        snprintf(message, message_capacity, "%s", reason != NULL ? reason : "dlopen failed");
        return 1;
    }
    cdlib_api_getter dlib_getter = (cdlib_api_getter)dlsym(handle, CDLIB_API_SYMBOL);
    cpad_api_getter pad_getter = (cpad_api_getter)dlsym(handle, CPAD_API_SYMBOL);
    if (dlib_getter == NULL || pad_getter == NULL) {
        snprintf(message, message_capacity, "%s has no %s", path, dlib_getter == NULL ? CDLIB_API_SYMBOL : CPAD_API_SYMBOL);
        dlclose(handle);
        return 1;
    }
    const cdlib_api *dlib_table = dlib_getter();
    const cpad_api *pad_table = pad_getter();
    if (dlib_table == NULL || pad_table == NULL || dlib_table->abi_version != CFACE_NATIVE_ABI_VERSION ||
        pad_table->abi_version != CFACE_NATIVE_ABI_VERSION || dlib_table->size != sizeof(cdlib_api) ||
        pad_table->size != sizeof(cpad_api)) {
        snprintf(message, message_capacity, "%s is built for another interface version (ABI %u, expected %d)", path,
                 dlib_table != NULL ? dlib_table->abi_version : 0, CFACE_NATIVE_ABI_VERSION);
        // Not closed: its code has run (static constructors) and C++ libraries do not always unload cleanly.
        return 1;
    }
    *dlib = dlib_table;
    *pad = pad_table;
    return 0;
}
