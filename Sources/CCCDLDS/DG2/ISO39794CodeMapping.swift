/// ISO/IEC 39794-5 codes translated to the ISO/IEC 19794-5:2005 codes of the ``FaceImage`` fields
/// both standards share, so that consumers of those fields need not know the encoding. A value
/// 19794-5 cannot express becomes its "other/unknown" code (`0xFF`, colour space 4); an absent
/// value its "unspecified" code (0). The 39794-5 codes themselves stay in ``ISO39794FaceInformation``.
enum ISO39794CodeMapping {
    /// 39794: 1 other, 2 male, 3 female → 19794: 1 male, 2 female, 0xFF unknown.
    static func gender(_ code: Int?) -> UInt8 {
        switch code {
        case nil: 0
        case 2: 1
        case 3: 2
        default: 0xFF
        }
    }

    /// 39794: 2 black … 6 green, 8 multi-coloured, 9 pink → 19794: 1 black … 5 green, 6 multi-coloured,
    /// 7 pink; unknown, other and hazel (no 19794 code) → 0xFF.
    static func eyeColour(_ code: Int?) -> UInt8 {
        switch code {
        case nil: 0
        case .some(let value) where (2...6).contains(value): UInt8(value - 1)
        case 8: 6
        case 9: 7
        default: 0xFF
        }
    }

    /// 39794: 2 bald … 8 red → 19794: 1 bald … 7 red; unknown, other, known coloured → 0xFF.
    static func hairColour(_ code: Int?) -> UInt8 {
        switch code {
        case nil: 0
        case .some(let value) where (2...8).contains(value): UInt8(value - 1)
        default: 0xFF
        }
    }

    /// 39794: 2 JPEG, 3/4 JPEG 2000 lossy/lossless → 19794 image data type 0 JPEG, 1 JPEG 2000.
    static func imageDataType(_ code: Int?) -> UInt8 {
        switch code {
        case 2: 0
        case 3, 4: 1
        default: 0xFF
        }
    }

    /// 39794 face image kind `mrtd` (0), a portrait to the ICAO rules → 19794 full frontal (1).
    static func faceImageType(_ kind: Int?) -> UInt8 { kind == 0 ? 1 : 0 }

    /// 39794: 2 RGB24, 4 YUV422, 5 grey 8 bit → 19794: 1, 2, 3; other values → 4 (other).
    static func colourSpace(_ code: Int?) -> UInt8 {
        switch code {
        case nil, 0: 0
        case 2: 1
        case 4: 2
        case 5: 3
        default: 4
        }
    }

    /// 39794 capture device technology 1–6 are 19794's source types 1–6; 0 (unknown) → 7.
    static func sourceType(_ code: Int?) -> UInt8 {
        switch code {
        case nil: 0
        case .some(let value) where (1...6).contains(value): UInt8(value)
        default: 7
        }
    }
}
