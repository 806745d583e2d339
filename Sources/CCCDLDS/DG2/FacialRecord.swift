/// An ISO/IEC 19794-5:2005 facial record data block (the content of DG2's `5F2E`).
public struct FacialRecord: Sendable, Hashable, Codable {
    /// Format version as stored, e.g. `"010"`.
    public var version: String
    /// Length of the whole record as declared in its header.
    public var recordLength: Int
    /// The faces, in order.
    public var faces: [FaceImage]

    public init(version: String, recordLength: Int, faces: [FaceImage]) {
        self.version = version
        self.recordLength = recordLength
        self.faces = faces
    }
}
