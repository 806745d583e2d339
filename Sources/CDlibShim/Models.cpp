#include "Shim.hpp"

#include <dlib/serialize.h>

#include <cstdio>
#include <fstream>
#include <future>
#include <iterator>
#include <sstream>

#include <unistd.h>

using namespace cdlib;

static bool readable(const char *path) {
    std::ifstream file(path, std::ios::binary);
    return file.good();
}

/// The HOG detector, read from `cache_path` when a saved copy is there, otherwise built (slow) and
/// saved there for the next process (best effort: written to a temporary file and renamed).
static std::string hog_detector(const char *cache_path) {
    if (cache_path != nullptr) {
        std::ifstream file(cache_path, std::ios::binary);
        if (file) {
            std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
            try {
                std::istringstream check(bytes);
                dlib::frontal_face_detector detector;
                dlib::deserialize(detector, check);
                if (detector.num_detectors() > 0) return bytes;
            } catch (const dlib::serialization_error &) {
                // Unreadable copy: rebuild and overwrite it below.
            }
        }
    }
    std::ostringstream hog;
    dlib::serialize(dlib::get_frontal_face_detector(), hog);
    std::string bytes = hog.str();
    if (cache_path != nullptr) {
        std::string temporary = std::string(cache_path) + ".tmp" + std::to_string(::getpid());
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) && out.flush()) {
            out.close();
            std::rename(temporary.c_str(), cache_path);
        } else {
            std::remove(temporary.c_str());
        }
    }
    return bytes;
}

extern "C" cdlib_status cdlib_models_load(const char *recognition_path, const char *landmarks_path,
                                          const char *cnn_path, const char *hog_cache_path,
                                          cdlib_models **out, char *message, size_t capacity) {
    if (recognition_path == nullptr || landmarks_path == nullptr || out == nullptr) {
        report(message, capacity, "missing argument");
        return CDLIB_ERROR_ARGUMENT;
    }
    *out = nullptr;
    for (const char *path : {recognition_path, landmarks_path, cnn_path}) {
        if (path != nullptr && !readable(path)) {
            report(message, capacity, (std::string("cannot read model file ") + path).c_str());
            return CDLIB_ERROR_MODEL_FILE;
        }
    }
    return cdlib_guard(message, capacity, [&]() -> cdlib_status {
        auto models = std::make_unique<cdlib_models>();
        // The files are independent: read them at the same time (exceptions surface through get()).
        auto resnet = std::async(std::launch::async, [&] { return load_resnet(recognition_path); });
        auto hog = std::async(std::launch::async, [&] { return hog_detector(hog_cache_path); });
        dlib::deserialize(landmarks_path) >> models->landmarks;
        if (cnn_path != nullptr) models->cnn = load_cnn(cnn_path);
        models->resnet = resnet.get();
        models->hog_detector = hog.get();
        if (models->landmarks.num_parts() != CDLIB_LANDMARK_COUNT) {
            report(message, capacity, "the landmark model is not the 5-point model");
            return CDLIB_ERROR_MODEL_FILE;
        }
        *out = models.release();
        return CDLIB_OK;
    });
}

extern "C" void cdlib_models_free(cdlib_models *models) { delete models; }

extern "C" int cdlib_models_has_cnn(const cdlib_models *models) {
    return models != nullptr && models->cnn != nullptr;
}

extern "C" cdlib_status cdlib_worker_create(const cdlib_models *models, cdlib_worker **out,
                                            char *message, size_t capacity) {
    if (models == nullptr || out == nullptr) {
        report(message, capacity, "missing argument");
        return CDLIB_ERROR_ARGUMENT;
    }
    *out = nullptr;
    return cdlib_guard(message, capacity, [&]() -> cdlib_status {
        auto worker = std::make_unique<cdlib_worker>();
        worker->models = models;
        std::istringstream hog(models->hog_detector);
        dlib::deserialize(worker->hog, hog);
        worker->resnet = copy_resnet(*models->resnet);
        *out = worker.release();
        return CDLIB_OK;
    });
}

extern "C" void cdlib_worker_free(cdlib_worker *worker) { delete worker; }
