import CCCDCrypto
import Foundation

/// A device-signed evidence bundle: JWS compact serialization (RFC 7515) with ES256, header
/// `{"alg":"ES256","kid":<thumbprint>,"typ":"cccdkit-evidence+jws"}`, payload = the bundle's JSON
/// bytes unchanged. Verification fails closed: only ES256, only the given key, exact signature.
public enum EvidenceJWS {
    public static let type = "cccdkit-evidence+jws"

    /// Signs `payload` with the device key.
    public static func sign(_ payload: Data, key: P256SigningKey) throws(EvidenceSignatureError) -> String {
        do {
            let jwk = DeviceJWK(key: try key.publicKey())
            let header: [String: String] = ["alg": "ES256", "kid": jwk.thumbprint, "typ": type]
            let headerData = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
            let input = Base64URL.encode(headerData) + "." + Base64URL.encode(payload)
            return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
        } catch {
            throw .signingFailed(ErrorReason(error))
        }
    }

    /// Whether `data` looks like a JWS compact serialization (three base64url parts), not JSON.
    public static func isCompact(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return !text.hasPrefix("{") && text.split(separator: ".", omittingEmptySubsequences: false).count == 3
    }

    /// The payload of `compact` when its ES256 signature by `jwk` is valid; a typed error otherwise.
    public static func verify(_ compact: Data, jwk: DeviceJWK) throws(EvidenceSignatureError) -> Data {
        let text = String(decoding: compact, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { throw .malformed("not a JWS compact serialization") }
        guard let header = (try? JSONSerialization.jsonObject(with: Data(headerBytes))) as? [String: Any] else {
            throw .malformed("the JWS header is not a JSON object")
        }
        guard header["alg"] as? String == "ES256" else { throw .malformed("the JWS alg must be ES256") }
        // Extensions we do not understand must not be ignored (RFC 7515 §4.1.11).
        guard header["crit"] == nil else { throw .malformed("the JWS has critical header parameters") }
        guard jwk.key.isValidSignature(signature, for: Array((parts[0] + "." + parts[1]).utf8)) else {
            throw .badSignature
        }
        if let kid = header["kid"] as? String, kid != jwk.thumbprint { throw .badSignature }
        return Data(payload)
    }
}

/// Why a signed bundle or a device key was refused.
public enum EvidenceSignatureError: CCCDErrorProtocol, Equatable, Sendable {
    case badKey(ErrorReason)
    case malformed(String)
    case badSignature
    case signingFailed(ErrorReason)

    /// Stable machine code.
    public var code: String {
        switch self {
        case .badKey: "bad_key"
        case .malformed: "malformed"
        case .badSignature: "bad_signature"
        case .signingFailed: "signing_failed"
        }
    }

    /// The key or signing error behind ``badKey(_:)`` or ``signingFailed(_:)``, when there was one.
    public var underlyingError: (any Error)? {
        switch self {
        case .badKey(let reason), .signingFailed(let reason): reason.underlyingError
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .badKey(let reason): "the key is not an EC P-256 JWK: \(reason)"
        case .malformed(let reason): "the signed bundle is malformed: \(reason)"
        case .badSignature: "the bundle's signature is not valid for this device key"
        case .signingFailed(let reason): "signing failed: \(reason)"
        }
    }
}
