import SwiftASN1

/// Parses an ISO/IEC 39794-5 face record (LDS 2, ICAO 9303 8th edition): the DER
/// `FaceImageDataBlock ::= [APPLICATION 5] SEQUENCE { versionBlock [0], representationBlocks [1], … }`
/// that DG2 carries in its `7F2E` data block, wrapped in an explicit `[1]` (`A1`).
///
/// Only the 2D image representation exists in 39794-5 edition 1; an extension representation is
/// rejected. Fields this product has no use for (quality, PAD, capture date, landmarks) are skipped.
public enum ISO39794FaceRecordParser {
    static let context = "ISO/IEC 39794-5 record"

    /// Whether a biometric data block starts like a 39794-5 record (`A1` wrapper or `[APPLICATION 5]`);
    /// a 19794-5 record starts with `FAC\0`.
    public static func recognises(_ dataBlock: [UInt8]) -> Bool {
        dataBlock.first == 0xA1 || dataBlock.first == 0x65
    }

    /// Parses the bytes of a `7F2E` (or `5F2E`) data block.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> FacialRecord {
        var node = try ASN1Parsing.parse(bytes[...], rules: .ber, context: context)
        if node.hasTag(.contextSpecific, 1) {
            let wrapped = try node.children(context)
            guard wrapped.count == 1 else {
                throw .unexpectedStructure(context: "\(context): [1] wrapper with \(wrapped.count) elements")
            }
            node = wrapped[0]
        }
        guard node.hasTag(.application, 5) else {
            throw .wrongTag(expected: [0x65], found: node.tagValue, context: "\(context) FaceImageDataBlock")
        }
        let block = try ContextFields(node, "\(context) FaceImageDataBlock")
        let version = try ContextFields(try block.required(0, "versionBlock"), "\(context) versionBlock")
        let generation = try version.requiredInt(0, "generation", in: 0...Int(UInt16.max))
        let year = try version.requiredInt(1, "year", in: 0...9999)
        let representations = try block.required(1, "representationBlocks").children("\(context) representationBlocks")
        guard !representations.isEmpty else {
            throw .unexpectedStructure(context: "\(context): no representation block")
        }
        guard representations.count <= LDSLimits.maximumBiometricCount else {
            throw .tooLarge(context: "\(context): \(representations.count) representation blocks")
        }
        var faces: [FaceImage] = []
        for representation in representations {
            try representation.require(.sequence, "\(context) representationBlock")
            faces.append(try face(ContextFields(representation, "\(context) representationBlock")))
        }
        return FacialRecord(
            version: "\(generation).\(year)", recordLength: bytes.count, faces: faces, encoding: .iso39794_5)
    }

    /// One `RepresentationBlock`: the 2D image, its information block and the identity metadata.
    static func face(_ representation: ContextFields) throws(LDSError) -> FaceImage {
        let id = try representation.requiredInt(0, "representationId", in: 0...Int(Int32.max))
        // imageRepresentation [1] CHOICE { base [0] CHOICE { imageRepresentation2DBlock [0] }, extensionBlock [1] }
        let choice = try ContextFields(try representation.required(1, "imageRepresentation"), "\(context) imageRepresentation")
        guard let base = try choice.block(0, "base"), let image2D = try base.block(0, "imageRepresentation2DBlock") else {
            throw .unexpectedStructure(context: "\(context): image representation other than 2D")
        }
        let imageData = try image2D.required(0, "representationData2D").segmentBytes("\(context) representationData2D", depth: 0)
        guard !imageData.isEmpty else { throw .invalidValue(context: "\(context): empty image") }
        guard let information = try image2D.block(1, "imageInformation2DBlock") else {
            throw .unexpectedStructure(context: "\(context): imageInformation2DBlock [1] missing")
        }
        // imageDataFormat [0] CHOICE { code [0] ENUMERATED, extensionBlock [1] }: nil for an extension.
        let format = try ContextFields(try information.required(0, "imageDataFormat"), "\(context) imageDataFormat")
        let formatCode = try format.int(0, "code")
        let size = try information.block(7, "imageSizeBlock")
        let width = try size?.requiredInt(0, "width", in: 0...Int(UInt16.max)) ?? 0
        let height = try size?.requiredInt(1, "height", in: 0...Int(UInt16.max)) ?? 0
        let technology = try image2D.block(2, "captureDevice2DBlock")?.extensibleCode(1, "captureDeviceTechnologyId2D")

        var details = ISO39794FaceInformation(
            representationId: id, imageDataFormatCode: formatCode,
            faceImageKindCode: try information.extensibleCode(1, "faceImageKind2D"),
            colourSpaceCode: try information.extensibleCode(9, "imageColourSpace"),
            captureDeviceTechnologyCode: technology,
            landmarkCount: try representation.optional(9)?.children("\(context) landmarkBlocks").count ?? 0)
        if let identity = try representation.block(8, "identityMetadataBlock") {
            details.genderCode = try identity.extensibleCode(0, "gender")
            details.eyeColourCode = try identity.extensibleCode(1, "eyeColour")
            details.hairColourCode = try identity.extensibleCode(2, "hairColour")
            details.subjectHeight = try identity.int(3, "subjectHeight")
            if let pose = try identity.block(6, "poseAngleBlock") {
                details.yaw = try angle(pose.block(0, "yawAngleBlock"))
                details.pitch = try angle(pose.block(1, "pitchAngleBlock"))
                details.roll = try angle(pose.block(2, "rollAngleBlock"))
            }
        }
        // Pose, expression, feature mask and points keep 19794-5's "unspecified": 39794-5 expresses
        // them differently (degrees, flags, landmark blocks), see `iso39794`.
        return FaceImage(
            gender: ISO39794CodeMapping.gender(details.genderCode),
            eyeColour: ISO39794CodeMapping.eyeColour(details.eyeColourCode),
            hairColour: ISO39794CodeMapping.hairColour(details.hairColourCode), featureMask: 0, expression: 0,
            poseAngle: [0, 0, 0], poseAngleUncertainty: [0, 0, 0], featurePoints: [],
            faceImageType: ISO39794CodeMapping.faceImageType(details.faceImageKindCode),
            imageDataType: ISO39794CodeMapping.imageDataType(formatCode), width: width, height: height,
            colourSpace: ISO39794CodeMapping.colourSpace(details.colourSpaceCode),
            sourceType: ISO39794CodeMapping.sourceType(technology), deviceType: 0, quality: 0,
            imageData: imageData, iso39794: details)
    }

    /// `AngleDataBlock ::= SEQUENCE { angleValue [0] INTEGER (-180..180), angleUncertainty [1] INTEGER (0..180) OPTIONAL }`.
    static func angle(_ block: ContextFields?) throws(LDSError) -> ISO39794FaceInformation.Angle? {
        guard let block else { return nil }
        let degrees = try block.requiredInt(0, "angleValue", in: -180...180)
        let uncertainty = try block.int(1, "angleUncertainty")
        if let uncertainty, !(0...180).contains(uncertainty) {
            throw .invalidValue(context: "\(block.context): angleUncertainty \(uncertainty)")
        }
        return .init(degrees: degrees, uncertainty: uncertainty)
    }
}
