/// One face of a facial record: facial header, feature points, image information and image.
public struct FaceImage: Sendable, Hashable, Codable {
    /// Gender code (0 unspecified, 1 male, 2 female, 0xFF unknown).
    public var gender: UInt8
    /// Eye colour code.
    public var eyeColour: UInt8
    /// Hair colour code.
    public var hairColour: UInt8
    /// Feature mask (24 bits).
    public var featureMask: UInt32
    /// Expression code.
    public var expression: UInt16
    /// Pose angle: yaw, pitch, roll (encoded as in the standard).
    public var poseAngle: [UInt8]
    /// Pose angle uncertainty: yaw, pitch, roll.
    public var poseAngleUncertainty: [UInt8]
    /// Feature points.
    public var featurePoints: [FeaturePoint]
    /// Face image type (0 basic, 1 full frontal, 2 token frontal).
    public var faceImageType: UInt8
    /// Image data type as declared (0 JPEG, 1 JPEG 2000).
    public var imageDataType: UInt8
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Image colour space code.
    public var colourSpace: UInt8
    /// Source type code.
    public var sourceType: UInt8
    /// Device type.
    public var deviceType: UInt16
    /// Quality.
    public var quality: UInt16
    /// The encoded image.
    public var imageData: [UInt8]
    /// The ISO/IEC 39794-5 values in that standard's own codes; `nil` for a 19794-5 record.
    public var iso39794: ISO39794FaceInformation?

    /// The image format, from the image's magic bytes; when those are not recognised, from the
    /// declared image data type.
    public var imageFormat: ImageFormat {
        let detected = ImageFormat.detect(imageData)
        if detected != .unknown { return detected }
        switch imageDataType {
        case 0: return .jpeg
        case 1: return .jp2
        default: return .unknown
        }
    }

    public init(
        gender: UInt8, eyeColour: UInt8, hairColour: UInt8, featureMask: UInt32, expression: UInt16,
        poseAngle: [UInt8], poseAngleUncertainty: [UInt8], featurePoints: [FeaturePoint], faceImageType: UInt8,
        imageDataType: UInt8, width: Int, height: Int, colourSpace: UInt8, sourceType: UInt8,
        deviceType: UInt16, quality: UInt16, imageData: [UInt8], iso39794: ISO39794FaceInformation? = nil
    ) {
        self.gender = gender
        self.eyeColour = eyeColour
        self.hairColour = hairColour
        self.featureMask = featureMask
        self.expression = expression
        self.poseAngle = poseAngle
        self.poseAngleUncertainty = poseAngleUncertainty
        self.featurePoints = featurePoints
        self.faceImageType = faceImageType
        self.imageDataType = imageDataType
        self.width = width
        self.height = height
        self.colourSpace = colourSpace
        self.sourceType = sourceType
        self.deviceType = deviceType
        self.quality = quality
        self.imageData = imageData
        self.iso39794 = iso39794
    }
}

extension FaceImage: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: sizes and counts only, never personal data.
    public var description: String {
        "FaceImage(\(imageFormat.rawValue), \(width)×\(height), \(imageData.count) bytes)"
    }
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
