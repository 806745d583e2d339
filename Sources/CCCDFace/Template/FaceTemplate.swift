import Foundation

/// A face's 128-number descriptor with the version and model that produced it: what integrators store
/// and compare instead of photos.
///
/// Raw layout (version 1), all integers big-endian:
/// `"CCFT"` · version (1 byte) · model id length (1 byte) · model id (UTF-8) · count (2 bytes) ·
/// `count` IEEE-754 single-precision values, little-endian.
/// A template is biometric data: store and transmit it like the photo it came from.
public struct FaceTemplate: Sendable, Hashable, Codable {
    /// The version written by this library.
    public static let currentVersion: UInt8 = 1
    /// Id of the model pipeline this library uses (descriptor network + 5-point alignment).
    public static let currentModelId = "dlib-resnet-v1/sp5"
    static let magic = Array("CCFT".utf8)

    public let version: UInt8
    public let modelId: String
    public let descriptor: [Float]

    /// A template from a descriptor (for tests and imports).
    public init(descriptor: [Float], modelId: String = FaceTemplate.currentModelId,
                version: UInt8 = FaceTemplate.currentVersion) {
        self.version = version
        self.modelId = modelId
        self.descriptor = descriptor
    }

    /// The raw serialization described above.
    public var rawRepresentation: Data {
        var bytes = Self.magic
        bytes.append(version)
        let id = Array(modelId.utf8.prefix(255))
        bytes.append(UInt8(id.count))
        bytes += id
        bytes.append(UInt8(descriptor.count >> 8))
        bytes.append(UInt8(descriptor.count & 0xFF))
        for value in descriptor {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        }
        return Data(bytes)
    }

    /// Parses the raw serialization.
    public init(rawRepresentation data: some DataProtocol) throws(FaceError) {
        let bytes = Array(data)
        guard bytes.count >= 8, Array(bytes[0..<4]) == Self.magic else {
            throw .invalidTemplate(reason: "not a face template")
        }
        guard bytes[4] == Self.currentVersion else {
            throw .invalidTemplate(reason: "unsupported version \(bytes[4])")
        }
        let idLength = Int(bytes[5])
        guard bytes.count >= 6 + idLength + 2 else { throw .invalidTemplate(reason: "truncated") }
        let id = String(decoding: bytes[6..<(6 + idLength)], as: UTF8.self)
        let countAt = 6 + idLength
        let count = Int(bytes[countAt]) << 8 | Int(bytes[countAt + 1])
        let valuesAt = countAt + 2
        guard count > 0, bytes.count == valuesAt + count * 4 else {
            throw .invalidTemplate(reason: "length does not match \(count) values")
        }
        var values = [Float]()
        values.reserveCapacity(count)
        for i in 0..<count {
            let at = valuesAt + i * 4
            let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
                | UInt32(bytes[at + 3]) << 24
            let value = Float(bitPattern: bits)
            guard value.isFinite else { throw .invalidTemplate(reason: "non-finite value") }
            values.append(value)
        }
        self.init(descriptor: values, modelId: id, version: bytes[4])
    }

    /// The raw serialization in base64.
    public func base64EncodedString() -> String { rawRepresentation.base64EncodedString() }

    /// Parses a base64 raw serialization.
    public init(base64Encoded text: String) throws(FaceError) {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .invalidTemplate(reason: "not base64")
        }
        try self.init(rawRepresentation: data)
    }

    /// Euclidean distance between the descriptors (0 = identical; same person typically below 0.5).
    public func distance(to other: FaceTemplate) throws(FaceError) -> Double {
        guard modelId == other.modelId, version == other.version, descriptor.count == other.descriptor.count else {
            throw .incompatibleTemplates("\(modelId) v\(version)", "\(other.modelId) v\(other.version)")
        }
        var sum = 0.0
        for (a, b) in zip(descriptor, other.descriptor) {
            let difference = Double(a) - Double(b)
            sum += difference * difference
        }
        return sum.squareRoot()
    }

    // Codable as the base64 string, so JSON stays compact and matches `base64EncodedString()`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(base64Encoded: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64EncodedString())
    }
}
