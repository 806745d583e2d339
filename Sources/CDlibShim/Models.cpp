#include "Shim.hpp"

#include <dlib/serialize.h>

#include <fstream>
#include <sstream>

using namespace cdlib;

static bool readable(const char *path) {
    std::ifstream file(path, std::ios::binary);
    return file.good();
}

extern "C" cdlib_status cdlib_models_load(const char *recognition_path, const char *landmarks_path,
                                          const char *cnn_path, cdlib_models **out,
                                          char *message, size_t capacity) {
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
        dlib::deserialize(landmarks_path) >> models->landmarks;
        if (models->landmarks.num_parts() != CDLIB_LANDMARK_COUNT) {
            report(message, capacity, "the landmark model is not the 5-point model");
            return CDLIB_ERROR_MODEL_FILE;
        }
        models->resnet = load_resnet(recognition_path);
        if (cnn_path != nullptr) models->cnn = load_cnn(cnn_path);
        std::ostringstream hog;
        dlib::serialize(dlib::get_frontal_face_detector(), hog);
        models->hog_detector = hog.str();
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
