/// What an ISO/IEC 39794-5 face record says beyond the fields ``FaceImage`` shares with
/// ISO/IEC 19794-5, in 39794-5's own codes (its code lists differ from 19794-5's; the mapped values
/// are in the ``FaceImage`` fields).
public struct ISO39794FaceInformation: Sendable, Hashable, Codable {
    /// One pose angle in degrees (−180…180) and its uncertainty (0…180), when given.
    public struct Angle: Sendable, Hashable, Codable {
        public var degrees: Int
        public var uncertainty: Int?

        public init(degrees: Int, uncertainty: Int?) {
            self.degrees = degrees
            self.uncertainty = uncertainty
        }
    }

    /// `representationId`.
    public var representationId: Int
    /// `imageDataFormat` code: 2 JPEG, 3 JPEG 2000 lossy, 4 JPEG 2000 lossless (nil: an extension).
    public var imageDataFormatCode: Int?
    /// `faceImageKind2D` code (0 = MRTD).
    public var faceImageKindCode: Int?
    /// `gender` code: 1 other, 2 male, 3 female.
    public var genderCode: Int?
    /// `eyeColour` code: 0 unknown, 1 other, 2 black, 3 blue, 4 brown, 5 grey, 6 green, 7 hazel,
    /// 8 multi-coloured, 9 pink.
    public var eyeColourCode: Int?
    /// `hairColour` code: 0 unknown, 1 other, 2 bald, 3 black, 4 blonde, 5 brown, 6 grey, 7 white,
    /// 8 red, 9 known coloured.
    public var hairColourCode: Int?
    /// `subjectHeight` in millimetres.
    public var subjectHeight: Int?
    /// `poseAngleBlock`.
    public var yaw: Angle?
    public var pitch: Angle?
    public var roll: Angle?
    /// `imageColourSpace` code: 0 unknown, 1 other, 2 RGB 24 bit, 3 RGB 48 bit, 4 YUV 4:2:2,
    /// 5 greyscale 8 bit, 6 greyscale 16 bit.
    public var colourSpaceCode: Int?
    /// `captureDeviceTechnologyId2D` code (1–6 as 19794-5's source type, 0 unknown).
    public var captureDeviceTechnologyCode: Int?
    /// Number of `landmarkBlocks` entries (not interpreted).
    public var landmarkCount: Int

    public init(
        representationId: Int, imageDataFormatCode: Int? = nil, faceImageKindCode: Int? = nil,
        genderCode: Int? = nil, eyeColourCode: Int? = nil, hairColourCode: Int? = nil, subjectHeight: Int? = nil,
        yaw: Angle? = nil, pitch: Angle? = nil, roll: Angle? = nil, colourSpaceCode: Int? = nil,
        captureDeviceTechnologyCode: Int? = nil, landmarkCount: Int = 0
    ) {
        self.representationId = representationId
        self.imageDataFormatCode = imageDataFormatCode
        self.faceImageKindCode = faceImageKindCode
        self.genderCode = genderCode
        self.eyeColourCode = eyeColourCode
        self.hairColourCode = hairColourCode
        self.subjectHeight = subjectHeight
        self.yaw = yaw
        self.pitch = pitch
        self.roll = roll
        self.colourSpaceCode = colourSpaceCode
        self.captureDeviceTechnologyCode = captureDeviceTechnologyCode
        self.landmarkCount = landmarkCount
    }
}
