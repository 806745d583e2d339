/// A facial record data block (the content of DG2's `5F2E`, or `7F2E` for ISO/IEC 39794-5).
public struct FacialRecord: Sendable, Hashable, Codable {
    /// The standard the record is encoded in.
    public var encoding: FacialRecordEncoding
    /// Format version: as stored for 19794-5 (e.g. `"010"`); `generation.year` for 39794-5 (e.g. `"3.2019"`).
    public var version: String
    /// Length of the whole record: as declared in its header (19794-5), the data block's size (39794-5).
    public var recordLength: Int
    /// The faces, in order.
    public var faces: [FaceImage]

    public init(version: String, recordLength: Int, faces: [FaceImage], encoding: FacialRecordEncoding = .iso19794_5) {
        self.encoding = encoding
        self.version = version
        self.recordLength = recordLength
        self.faces = faces
    }
}
