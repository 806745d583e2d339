import CCCDCrypto
import Foundation

/// The device's public signing key as a JWK (RFC 7517/7518: EC, P-256, ES256), with its RFC 7638
/// thumbprint as `kid`. Parsing refuses anything but an EC P-256 key whose point is on the curve.
public struct DeviceJWK: Sendable, Equatable {
    public let key: P256PublicKey

    public init(key: P256PublicKey) { self.key = key }

    /// Reads a JWK (JSON object); `kty`, `crv`, `x`, `y` must be present and right.
    public init(json data: Data) throws(EvidenceSignatureError) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .badKey("not a JSON object")
        }
        guard object["kty"] as? String == "EC", object["crv"] as? String == "P-256" else {
            throw .badKey("kty must be EC and crv P-256")
        }
        if let alg = object["alg"] as? String, alg != "ES256" { throw .badKey("alg must be ES256") }
        guard let x = (object["x"] as? String).flatMap(Base64URL.decode),
            let y = (object["y"] as? String).flatMap(Base64URL.decode)
        else { throw .badKey("x and y must be base64url") }
        do {
            key = try P256PublicKey(x: x, y: y)
        } catch {
            throw .badKey(ErrorReason(error))
        }
    }

    /// RFC 7638 thumbprint: base64url(SHA-256) of the required members in lexicographic order,
    /// without white space.
    public var thumbprint: String {
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(Base64URL.encode(key.x))","y":"\#(Base64URL.encode(key.y))"}"#
        // SHA-256 of a short in-memory string cannot fail short of a broken OpenSSL installation.
        let digest = (try? HashAlgorithm.sha256.hash(Array(canonical.utf8))) ?? []
        return Base64URL.encode(digest)
    }

    /// The JSON served by `GET /v1/device` (keys sorted).
    public func jsonData() -> Data {
        let object: [String: String] = [
            "kty": "EC", "crv": "P-256", "x": Base64URL.encode(key.x), "y": Base64URL.encode(key.y),
            "kid": thumbprint, "alg": "ES256", "use": "sig",
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// base64url without padding (RFC 7515 §2), over Foundation's base64.
package enum Base64URL {
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// nil for characters outside the base64url alphabet (padding included) or a bad length.
    package static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ $0.isBase64URLCharacter }), text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}

extension UInt8 {
    fileprivate var isBase64URLCharacter: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || (0x30...0x39).contains(self) || self == 0x2D
            || self == 0x5F
    }
}
