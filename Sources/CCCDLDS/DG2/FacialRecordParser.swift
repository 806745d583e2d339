/// Parses an ISO/IEC 19794-5:2005 facial record data block (version `010`, as ICAO 9303 requires).
public enum FacialRecordParser {
    static let facialHeaderLength = 20
    static let featurePointLength = 8
    static let imageInfoLength = 12

    /// Parses the bytes of a `5F2E` data block.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> FacialRecord {
        let context = "ISO/IEC 19794-5 record"
        var reader = ByteReader(bytes[...], context: context)
        guard try reader.bytes(4, "format identifier").elementsEqual([0x46, 0x41, 0x43, 0x00]) else {
            throw .invalidValue(context: "\(context): format identifier is not 'FAC'")
        }
        let versionBytes = try reader.bytes(4, "version")
        guard versionBytes.elementsEqual([0x30, 0x31, 0x30, 0x00]) else {
            throw .invalidValue(context: "\(context): version other than 010")
        }
        // The record length is kept but not enforced: faces are delimited by their own block lengths,
        // which are checked against the bytes actually present.
        let recordLength = Int(try reader.uint32("record length"))
        let faceCount = Int(try reader.uint16("number of faces"))
        guard faceCount >= 1 else { throw .invalidValue(context: "\(context): no face") }
        guard faceCount <= LDSLimits.maximumBiometricCount else {
            throw .tooLarge(context: "\(context): \(faceCount) faces")
        }
        var faces: [FaceImage] = []
        for _ in 0..<faceCount {
            faces.append(try face(&reader, context: context))
        }
        return FacialRecord(version: "010", recordLength: recordLength, faces: faces)
    }

    static func face(_ reader: inout ByteReader, context: String) throws(LDSError) -> FaceImage {
        let blockLength = Int(try reader.uint32("facial record length"))
        let pointCount = Int(try reader.uint16("number of feature points"))
        let fixed = facialHeaderLength + imageInfoLength + pointCount * featurePointLength
        guard blockLength >= fixed else { throw .invalidValue(context: "\(context): facial record length") }
        guard blockLength - 6 <= reader.count else {
            throw .truncated(context: "\(context): facial record of \(blockLength) bytes")
        }
        let gender = try reader.uint8("gender")
        let eyeColour = try reader.uint8("eye colour")
        let hairColour = try reader.uint8("hair colour")
        let featureMask = try reader.uint24("feature mask")
        let expression = try reader.uint16("expression")
        let pose = Array(try reader.bytes(3, "pose angle"))
        let poseUncertainty = Array(try reader.bytes(3, "pose angle uncertainty"))
        var points: [FeaturePoint] = []
        for _ in 0..<pointCount {
            let type = try reader.uint8("feature point type")
            let code = try reader.uint8("feature point code")
            let x = try reader.uint16("feature point x")
            let y = try reader.uint16("feature point y")
            _ = try reader.uint16("feature point reserved")
            points.append(FeaturePoint(type: type, majorCode: code >> 4, minorCode: code & 0x0F, x: x, y: y))
        }
        let faceImageType = try reader.uint8("face image type")
        let imageDataType = try reader.uint8("image data type")
        let width = Int(try reader.uint16("width"))
        let height = Int(try reader.uint16("height"))
        let colourSpace = try reader.uint8("colour space")
        let sourceType = try reader.uint8("source type")
        let deviceType = try reader.uint16("device type")
        let quality = try reader.uint16("quality")
        let image = Array(try reader.bytes(blockLength - fixed, "image data"))
        return FaceImage(
            gender: gender, eyeColour: eyeColour, hairColour: hairColour, featureMask: featureMask,
            expression: expression, poseAngle: pose, poseAngleUncertainty: poseUncertainty, featurePoints: points,
            faceImageType: faceImageType, imageDataType: imageDataType, width: width, height: height,
            colourSpace: colourSpace, sourceType: sourceType, deviceType: deviceType, quality: quality,
            imageData: image)
    }
}
