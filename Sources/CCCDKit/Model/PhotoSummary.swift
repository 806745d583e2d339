import CCCDCrypto
import CCCDLDS
import CCCDPrimitives

/// The `photo` block: the chip's facial image (DG2, first face). The image bytes are kept in
/// ``imageData`` but never written to JSON.
public struct PhotoSummary: Sendable, Hashable, Codable {
    /// `jpeg` or `jp2` (a bare JPEG 2000 codestream is reported as `jp2` too), `unknown` otherwise.
    public var format: String
    /// SHA-256 of the image bytes, lower-case hex.
    public var sha256: String
    public var width: Int
    public var height: Int
    /// Size of the image in bytes.
    public var bytes: Int
    /// The image itself (JPEG / JPEG 2000), for `--photo`, face matching or display. Not encoded.
    public var imageData: [UInt8]

    public init(format: String, sha256: String, width: Int, height: Int, imageData: [UInt8]) {
        self.format = format
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.bytes = imageData.count
        self.imageData = imageData
    }

    /// From the first face of DG2. Returns nil when DG2 holds no face.
    public init?(faces: FaceBiometrics) {
        guard let face = faces.primaryFace else { return nil }
        let format: String
        switch face.imageFormat {
        case .jpeg: format = "jpeg"
        case .jp2, .j2k: format = "jp2"
        case .unknown: format = "unknown"
        }
        let digest = (try? HashAlgorithm.sha256.hash(face.imageData)) ?? []
        self.init(format: format, sha256: Hex.lowercase(digest), width: face.width, height: face.height,
                  imageData: face.imageData)
    }

    /// The file extension for saving the image.
    public var fileExtension: String { format == "jp2" ? "jp2" : format == "jpeg" ? "jpg" : "bin" }

    private enum CodingKeys: String, CodingKey { case format, sha256, width, height, bytes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        sha256 = try c.decode(String.self, forKey: .sha256)
        width = try c.decode(Int.self, forKey: .width)
        height = try c.decode(Int.self, forKey: .height)
        bytes = try c.decodeIfPresent(Int.self, forKey: .bytes) ?? 0
        imageData = []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(bytes, forKey: .bytes)
    }
}

extension PhotoSummary: CustomStringConvertible {
    /// Sizes only.
    public var description: String { "PhotoSummary(\(format), \(width)×\(height), \(bytes) bytes)" }
}
