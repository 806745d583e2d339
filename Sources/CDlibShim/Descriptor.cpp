#include "Shim.hpp"
#include "Networks.hpp"

namespace cdlib {

struct resnet {
    networks::descriptor_net net;
};

void resnet_deleter::operator()(resnet *value) const { delete value; }

resnet_ptr load_resnet(const std::string &path) {
    resnet_ptr value(new resnet);
    dlib::deserialize(path) >> value->net;
    return value;
}

resnet_ptr copy_resnet(const resnet &prototype) { return resnet_ptr(new resnet(prototype)); }

}  // namespace cdlib

using namespace cdlib;

extern "C" cdlib_status cdlib_descriptor(cdlib_worker *worker, const uint8_t *chip, float *descriptor,
                                         char *message, size_t capacity) {
    if (worker == nullptr || chip == nullptr || descriptor == nullptr) {
        report(message, capacity, "missing argument");
        return CDLIB_ERROR_ARGUMENT;
    }
    return cdlib_guard(message, capacity, [&]() -> cdlib_status {
        dlib::matrix<dlib::rgb_pixel> image(CDLIB_CHIP_SIZE, CDLIB_CHIP_SIZE);
        std::memcpy(&image(0, 0), chip, CDLIB_CHIP_SIZE * CDLIB_CHIP_SIZE * 3);
        dlib::matrix<float, 0, 1> result = worker->resnet->net(image);
        if (result.size() != CDLIB_DESCRIPTOR_LENGTH) {
            report(message, capacity, "unexpected descriptor length");
            return CDLIB_ERROR_MODEL_FILE;
        }
        for (long i = 0; i < CDLIB_DESCRIPTOR_LENGTH; ++i) descriptor[i] = result(i);
        return CDLIB_OK;
    });
}
