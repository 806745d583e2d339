// Internal declarations shared by the shim's translation units. Only the files that need the DNN
// templates include dlib/dnn.h, which keeps compile times down.
#pragma once

#include "CDlibShim.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/pixel.h>

#include <cstring>
#include <memory>
#include <string>

namespace cdlib {

/// A read-only view of caller-owned interleaved RGB bytes that dlib's generic image functions accept
/// without copying (dlib::rgb_pixel is three packed bytes).
struct rgb_view {
    const dlib::rgb_pixel *pixels;
    long rows;
    long columns;
    long stride;  // bytes per row
};

struct resnet;
struct cnn;
struct resnet_deleter { void operator()(resnet *) const; };
struct cnn_deleter { void operator()(cnn *) const; };
using resnet_ptr = std::unique_ptr<resnet, resnet_deleter>;
using cnn_ptr = std::unique_ptr<cnn, cnn_deleter>;

// Descriptor.cpp
resnet_ptr load_resnet(const std::string &path);
resnet_ptr copy_resnet(const resnet &prototype);
// CNNDetection.cpp
cnn_ptr load_cnn(const std::string &path);
cnn_ptr copy_cnn(const cnn &prototype);

/// Copies `what` into the caller's message buffer (always NUL-terminated, truncated if needed).
inline void report(char *message, size_t capacity, const char *what) {
    if (message == nullptr || capacity == 0) return;
    std::strncpy(message, what, capacity - 1);
    message[capacity - 1] = '\0';
}

}  // namespace cdlib

// dlib's generic image interface, found by argument-dependent lookup.
namespace dlib {
template <> struct image_traits<cdlib::rgb_view> { typedef rgb_pixel pixel_type; };
}  // namespace dlib
namespace cdlib {
inline long num_rows(const rgb_view &view) { return view.rows; }
inline long num_columns(const rgb_view &view) { return view.columns; }
inline long width_step(const rgb_view &view) { return view.stride; }
inline const void *image_data(const rgb_view &view) { return view.pixels; }
}  // namespace cdlib

struct cdlib_models {
    dlib::shape_predictor landmarks;
    /// The HOG detector serialized once: deserializing a copy per worker takes a few ms, while
    /// dlib::get_frontal_face_detector() decodes its embedded model every time (~0.25 s).
    std::string hog_detector;
    cdlib::resnet_ptr resnet;  // prototype, copied per worker
    cdlib::cnn_ptr cnn;        // prototype or null
};

struct cdlib_worker {
    const cdlib_models *models;
    dlib::frontal_face_detector hog;
    cdlib::resnet_ptr resnet;
    cdlib::cnn_ptr cnn;  // copied from the prototype on first use
};

/// Runs `body`, turning C++ exceptions into a status and message for the C caller.
template <typename Body>
cdlib_status cdlib_guard(char *message, size_t capacity, Body &&body) {
    try {
        return body();
    } catch (const dlib::serialization_error &error) {
        cdlib::report(message, capacity, error.what());
        return CDLIB_ERROR_MODEL_FILE;
    } catch (const std::bad_alloc &) {
        cdlib::report(message, capacity, "out of memory");
        return CDLIB_ERROR_OUT_OF_MEMORY;
    } catch (const std::exception &error) {
        cdlib::report(message, capacity, error.what());
        return CDLIB_ERROR_INTERNAL;
    } catch (...) {
        cdlib::report(message, capacity, "unknown error");
        return CDLIB_ERROR_INTERNAL;
    }
}
