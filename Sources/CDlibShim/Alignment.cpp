#include "Shim.hpp"

#include <dlib/image_transforms/interpolation.h>
#include <dlib/matrix.h>

#include <cmath>

using namespace cdlib;

extern "C" cdlib_status cdlib_align(const cdlib_models *models,
                                    const uint8_t *rgb, long width, long height, long stride,
                                    cdlib_face face, uint8_t *chip, double *landmarks,
                                    char *message, size_t capacity) {
    if (models == nullptr || rgb == nullptr || chip == nullptr || width <= 0 || height <= 0
        || stride < width * 3) {
        report(message, capacity, "invalid argument");
        return CDLIB_ERROR_ARGUMENT;
    }
    return cdlib_guard(message, capacity, [&]() -> cdlib_status {
        rgb_view view{reinterpret_cast<const dlib::rgb_pixel *>(rgb), height, width, stride};
        dlib::rectangle box(std::lround(face.left), std::lround(face.top),
                            std::lround(face.right) - 1, std::lround(face.bottom) - 1);
        dlib::full_object_detection shape = models->landmarks(view, box);
        if (landmarks != nullptr) {
            for (unsigned long i = 0; i < shape.num_parts(); ++i) {
                landmarks[2 * i] = shape.part(i).x();
                landmarks[2 * i + 1] = shape.part(i).y();
            }
        }
        // 0.25 padding: the framing the descriptor model was trained with.
        dlib::matrix<dlib::rgb_pixel> aligned;
        dlib::extract_image_chip(view, dlib::get_face_chip_details(shape, CDLIB_CHIP_SIZE, 0.25), aligned);
        std::memcpy(chip, &aligned(0, 0), CDLIB_CHIP_SIZE * CDLIB_CHIP_SIZE * 3);
        return CDLIB_OK;
    });
}
