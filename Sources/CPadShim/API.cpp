// The table CCCDFace finds with dlsym (CFaceNativeAPI.h). Filled field by field from the functions, so
// that the compiler checks each signature against the table's.
#include "CPadShim.h"

static cpad_api make_table() {
    cpad_api table;
    table.abi_version = CFACE_NATIVE_ABI_VERSION;
    table.size = sizeof(cpad_api);
    table.model_load = cpad_model_load;
    table.model_free = cpad_model_free;
    table.live_probability = cpad_live_probability;
    table.sharpness = cpad_sharpness;
    return table;
}

extern "C" const cpad_api *cpad_api_v1(void) {
    static const cpad_api table = make_table();
    return &table;
}
