// MiniFASNet inference with OpenCV DNN (Debian's libopencv-dnn: reads ONNX, no extra runtime).
// Headers come through system/opencv2, a link to /usr/include/opencv4/opencv2, so that the manifest
// needs no unsafe include flag.
#include "CPadShim.h"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <new>

struct cpad_model {
    cv::dnn::Net net;
    int input_size;
    std::mutex lock;  // a cv::dnn::Net must not run two forward passes at once
};

namespace {

void report(char *message, size_t capacity, const char *what) {
    if (message == nullptr || capacity == 0) return;
    std::strncpy(message, what, capacity - 1);
    message[capacity - 1] = '\0';
}

bool valid_image(const uint8_t *rgb, long width, long height, long stride) {
    return rgb != nullptr && width > 0 && height > 0 && stride >= width * 3;
}

bool valid_box(const cpad_box &box, long width, long height) {
    return std::isfinite(box.left) && std::isfinite(box.top) && std::isfinite(box.right) &&
           std::isfinite(box.bottom) && box.right > box.left && box.bottom > box.top &&
           box.right > 0 && box.bottom > 0 && box.left < width && box.top < height;
}

/// The crop of Silent-Face-Anti-Spoofing's CropImage._get_new_box (inclusive pixel corners).
cv::Rect scaled_box(const cpad_box &box, long width, long height, double scale) {
    double box_w = box.right - box.left, box_h = box.bottom - box.top;
    scale = std::min({(height - 1) / box_h, (width - 1) / box_w, scale});
    double new_w = box_w * scale, new_h = box_h * scale;
    double cx = box.left + box_w / 2, cy = box.top + box_h / 2;
    double left = cx - new_w / 2, top = cy - new_h / 2, right = cx + new_w / 2, bottom = cy + new_h / 2;
    if (left < 0) { right -= left; left = 0; }
    if (top < 0) { bottom -= top; top = 0; }
    if (right > width - 1) { left -= right - width + 1; right = width - 1; }
    if (bottom > height - 1) { top -= bottom - height + 1; bottom = height - 1; }
    int l = std::max(0, int(left)), t = std::max(0, int(top));
    int r = std::min(int(width) - 1, int(right)), b = std::min(int(height) - 1, int(bottom));
    return cv::Rect(l, t, std::max(1, r - l + 1), std::max(1, b - t + 1));
}

}  // namespace

extern "C" {

cpad_status cpad_model_load(const char *path, int input_size, cpad_model **out, char *message,
                            size_t capacity) {
    if (path == nullptr || out == nullptr || input_size <= 0) {
        report(message, capacity, "invalid argument");
        return CPAD_ERROR_ARGUMENT;
    }
    try {
        auto *model = new cpad_model();
        model->net = cv::dnn::readNetFromONNX(path);
        if (model->net.empty()) {
            delete model;
            report(message, capacity, "not a usable ONNX network");
            return CPAD_ERROR_MODEL_FILE;
        }
        model->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        model->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        model->input_size = input_size;
        *out = model;
        return CPAD_OK;
    } catch (const cv::Exception &e) {
        report(message, capacity, e.what());
        return CPAD_ERROR_MODEL_FILE;
    } catch (const std::bad_alloc &) {
        report(message, capacity, "out of memory");
        return CPAD_ERROR_INTERNAL;
    } catch (...) {
        report(message, capacity, "unknown error");
        return CPAD_ERROR_INTERNAL;
    }
}

void cpad_model_free(cpad_model *model) { delete model; }

cpad_status cpad_live_probability(cpad_model *model, const uint8_t *rgb, long width, long height,
                                  long stride, cpad_box box, double scale, double *live, cpad_box *crop,
                                  char *message, size_t capacity) {
    if (model == nullptr || live == nullptr || !valid_image(rgb, width, height, stride) ||
        !valid_box(box, width, height) || !(scale > 0)) {
        report(message, capacity, "invalid argument");
        return CPAD_ERROR_ARGUMENT;
    }
    try {
        const cv::Mat image(int(height), int(width), CV_8UC3, const_cast<uint8_t *>(rgb), size_t(stride));
        const cv::Rect region = scaled_box(box, width, height, scale);
        cv::Mat resized, bgr, input;
        cv::resize(image(region), resized, cv::Size(model->input_size, model->input_size), 0, 0,
                   cv::INTER_LINEAR);
        cv::cvtColor(resized, bgr, cv::COLOR_RGB2BGR);
        bgr.convertTo(input, CV_32FC3);  // raw 0–255: the models were trained without scaling
        const cv::Mat blob = cv::dnn::blobFromImage(input, 1.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
        cv::Mat logits;
        {
            std::lock_guard<std::mutex> guard(model->lock);
            model->net.setInput(blob);
            logits = model->net.forward().clone();
        }
        if (logits.total() != 3) {
            report(message, capacity, "unexpected model output size");
            return CPAD_ERROR_MODEL_FILE;
        }
        const float *z = logits.ptr<float>();
        const double top = std::max({double(z[0]), double(z[1]), double(z[2])});
        double sum = 0, e[3];
        for (int i = 0; i < 3; ++i) sum += (e[i] = std::exp(double(z[i]) - top));
        *live = e[1] / sum;
        if (crop != nullptr) {
            *crop = cpad_box{double(region.x), double(region.y), double(region.x + region.width),
                             double(region.y + region.height)};
        }
        return CPAD_OK;
    } catch (const cv::Exception &e) {
        report(message, capacity, e.what());
        return CPAD_ERROR_INTERNAL;
    } catch (...) {
        report(message, capacity, "unknown error");
        return CPAD_ERROR_INTERNAL;
    }
}

cpad_status cpad_sharpness(const uint8_t *rgb, long width, long height, long stride, cpad_box box, int side,
                           double *variance, char *message, size_t capacity) {
    if (variance == nullptr || side <= 0 || !valid_image(rgb, width, height, stride) ||
        !valid_box(box, width, height)) {
        report(message, capacity, "invalid argument");
        return CPAD_ERROR_ARGUMENT;
    }
    try {
        const cv::Mat image(int(height), int(width), CV_8UC3, const_cast<uint8_t *>(rgb), size_t(stride));
        const int l = std::max(0, int(box.left)), t = std::max(0, int(box.top));
        const int r = std::min(int(width), int(std::ceil(box.right))), b = std::min(int(height), int(std::ceil(box.bottom)));
        if (r <= l || b <= t) {
            report(message, capacity, "box outside the image");
            return CPAD_ERROR_ARGUMENT;
        }
        cv::Mat grey, resized, laplacian;
        cv::cvtColor(image(cv::Rect(l, t, r - l, b - t)), grey, cv::COLOR_RGB2GRAY);
        cv::resize(grey, resized, cv::Size(side, side), 0, 0, cv::INTER_AREA);
        cv::Laplacian(resized, laplacian, CV_64F);
        cv::Scalar mean, deviation;
        cv::meanStdDev(laplacian, mean, deviation);
        *variance = deviation[0] * deviation[0];
        return CPAD_OK;
    } catch (const cv::Exception &e) {
        report(message, capacity, e.what());
        return CPAD_ERROR_INTERNAL;
    } catch (...) {
        report(message, capacity, "unknown error");
        return CPAD_ERROR_INTERNAL;
    }
}

}  // extern "C"
