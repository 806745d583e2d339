#include "Shim.hpp"

#include <dlib/array2d.h>
#include <dlib/image_transforms/interpolation.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cdlib {
std::vector<cdlib_face> detect_cnn(cdlib_worker &worker, const rgb_view &view, double scale);

/// Runs the HOG detector on `view` resampled by `scale`; rectangles in the view's coordinates.
static std::vector<cdlib_face> detect_hog(cdlib_worker &worker, const rgb_view &view, double scale) {
    std::vector<dlib::rect_detection> detections;
    if (scale == 1.0) {
        worker.hog(view, detections);
    } else {
        dlib::array2d<dlib::rgb_pixel> image(std::max(1L, std::lround(view.rows * scale)),
                                             std::max(1L, std::lround(view.columns * scale)));
        dlib::resize_image(view, image);
        worker.hog(image, detections);
    }
    std::vector<cdlib_face> faces;
    for (const auto &detection : detections) {
        const auto &box = detection.rect;
        faces.push_back({box.left() / scale, box.top() / scale, (box.right() + 1) / scale,
                         (box.bottom() + 1) / scale, detection.detection_confidence});
    }
    return faces;
}
}  // namespace cdlib

using namespace cdlib;

extern "C" cdlib_status cdlib_detect(cdlib_worker *worker, cdlib_detector detector,
                                     const uint8_t *rgb, long width, long height, long stride,
                                     double scale, cdlib_face *faces, size_t capacity, size_t *count,
                                     char *message, size_t message_capacity) {
    if (worker == nullptr || rgb == nullptr || count == nullptr || (faces == nullptr && capacity > 0)
        || width <= 0 || height <= 0 || stride < width * 3 || !(scale > 0 && scale <= 8)) {
        report(message, message_capacity, "invalid argument");
        return CDLIB_ERROR_ARGUMENT;
    }
    if (detector == CDLIB_DETECTOR_CNN && worker->models->cnn == nullptr) {
        report(message, message_capacity, "the CNN detector model is not loaded");
        return CDLIB_ERROR_ARGUMENT;
    }
    return cdlib_guard(message, message_capacity, [&]() -> cdlib_status {
        rgb_view view{reinterpret_cast<const dlib::rgb_pixel *>(rgb), height, width, stride};
        auto found = detector == CDLIB_DETECTOR_CNN ? detect_cnn(*worker, view, scale)
                                                    : detect_hog(*worker, view, scale);
        *count = found.size();
        std::copy_n(found.begin(), std::min(found.size(), capacity), faces);
        return CDLIB_OK;
    });
}
