#include "Shim.hpp"
#include "Networks.hpp"

#include <dlib/image_transforms/interpolation.h>

namespace cdlib {

struct cnn {
    networks::detector_net net;
};

void cnn_deleter::operator()(cnn *value) const { delete value; }

cnn_ptr load_cnn(const std::string &path) {
    cnn_ptr value(new cnn);
    dlib::deserialize(path) >> value->net;
    return value;
}

cnn_ptr copy_cnn(const cnn &prototype) { return cnn_ptr(new cnn(prototype)); }

/// Runs the MMOD detector on `view` resampled by `scale`; rectangles in the view's coordinates.
std::vector<cdlib_face> detect_cnn(cdlib_worker &worker, const rgb_view &view, double scale) {
    if (!worker.cnn) worker.cnn = copy_cnn(*worker.models->cnn);
    // The network takes a dlib matrix, so the image is copied (and resampled) anyway.
    long rows = std::max(1L, std::lround(view.rows * scale));
    long columns = std::max(1L, std::lround(view.columns * scale));
    dlib::matrix<dlib::rgb_pixel> image(rows, columns);
    dlib::resize_image(view, image);
    std::vector<cdlib_face> faces;
    for (const auto &detection : worker.cnn->net(image)) {
        const auto &box = detection.rect;
        faces.push_back({box.left() / scale, box.top() / scale, (box.right() + 1) / scale,
                         (box.bottom() + 1) / scale, detection.detection_confidence});
    }
    return faces;
}

}  // namespace cdlib
