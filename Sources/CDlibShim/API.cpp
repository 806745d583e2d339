// The table CCCDFace finds with dlsym (CFaceNativeAPI.h). Filled field by field from the functions, so
// that the compiler checks each signature against the table's.
#include "CDlibShim.h"

static cdlib_api make_table() {
    cdlib_api table;
    table.abi_version = CFACE_NATIVE_ABI_VERSION;
    table.size = sizeof(cdlib_api);
    table.models_load = cdlib_models_load;
    table.models_free = cdlib_models_free;
    table.models_has_cnn = cdlib_models_has_cnn;
    table.worker_create = cdlib_worker_create;
    table.worker_free = cdlib_worker_free;
    table.detect = cdlib_detect;
    table.align = cdlib_align;
    table.descriptor = cdlib_descriptor;
    return table;
}

extern "C" const cdlib_api *cdlib_api_v1(void) {
    static const cdlib_api table = make_table();
    return &table;
}
