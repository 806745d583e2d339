import CCCDLDS
import CCCDPrimitives
import Foundation

/// What a back end needs to re-check Active Authentication offline: the terminal's challenge, the
/// chip's answer to INTERNAL AUTHENTICATE and the algorithm it was checked with (the key is DG15).
/// In JSON the bytes are base64 (`verification.active.evidence`); in a dump folder they are
/// `AA.challenge.bin` and `AA.response.bin`.
public struct ActiveAuthenticationEvidence: Sendable, Hashable, Codable {
    /// The challenge sent (8 bytes; chosen by the caller or random).
    public var challenge: [UInt8]
    /// The chip's signature, exactly as returned.
    public var response: [UInt8]
    /// How the signature was checked, e.g. `RSA ISO/IEC 9796-2 scheme 1 SHA1`, `ecdsaPlain(sha256)`.
    public var algorithm: String?

    /// The dump folder's file names.
    public static let challengeFileName = "AA.challenge.bin"
    public static let responseFileName = "AA.response.bin"

    public init(challenge: [UInt8], response: [UInt8], algorithm: String? = nil) {
        self.challenge = challenge
        self.response = response
        self.algorithm = algorithm
    }

    private enum CodingKeys: String, CodingKey { case challenge, response, algorithm }
    /// Tells AA evidence from chip evidence when decoding a result.
    enum ProbeKey: String, CodingKey { case challenge }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Data(challenge).base64EncodedString(), forKey: .challenge)
        try c.encode(Data(response).base64EncodedString(), forKey: .response)
        try c.encode(algorithm, forKey: .algorithm)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func bytes(_ key: CodingKeys) throws -> [UInt8] {
            let text = try c.decode(String.self, forKey: key)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not base64")
            }
            return [UInt8](data)
        }
        self.init(challenge: try bytes(.challenge), response: try bytes(.response),
                  algorithm: try c.decodeIfPresent(String.self, forKey: .algorithm))
    }

    /// A caller's challenge in hex (16 digits) or base64 (12 characters): exactly 8 bytes, else nil.
    public static func parseChallenge(_ text: String) -> [UInt8]? {
        ActiveAuthenticationChallenge.parse(text)
    }
}
