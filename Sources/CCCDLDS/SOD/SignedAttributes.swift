/// The signed attributes of a SignerInfo.
public struct SignedAttributes: Sendable, Hashable, Codable {
    /// The attributes exactly as encoded in the SignerInfo (`A0` tag).
    public var encoded: [UInt8]
    /// The bytes the signature covers: ``encoded`` with its `[0] IMPLICIT` tag replaced by the
    /// SET OF tag `31` (RFC 5652 §5.4). Assumes the card encoded them in DER, as ICAO requires.
    public var bytesForSignature: [UInt8] {
        guard !encoded.isEmpty else { return encoded }
        var bytes = encoded
        bytes[0] = 0x31
        return bytes
    }
    /// The content-type attribute value (an OID), when present.
    public var contentType: String?
    /// The message-digest attribute value, when present.
    public var messageDigest: [UInt8]?
    /// Every attribute in order.
    public var attributes: [CMSAttribute]

    public init(encoded: [UInt8], contentType: String?, messageDigest: [UInt8]?, attributes: [CMSAttribute]) {
        self.encoded = encoded
        self.contentType = contentType
        self.messageDigest = messageDigest
        self.attributes = attributes
    }
}
