/// A PACE algorithm as named by its OID (ICAO 9303-11 §9.2.3): key agreement, mapping and cipher.
public struct PACEAlgorithm: Hashable, Sendable, CustomStringConvertible {
    public enum KeyAgreement: String, Sendable { case dh = "DH", ecdh = "ECDH" }
    public enum Mapping: String, Sendable { case generic = "GM", integrated = "IM", chipAuthentication = "CAM" }

    public let keyAgreement: KeyAgreement
    public let mapping: Mapping
    public let cipher: SecureMessagingCipher

    public init(keyAgreement: KeyAgreement, mapping: Mapping, cipher: SecureMessagingCipher) {
        self.keyAgreement = keyAgreement
        self.mapping = mapping
        self.cipher = cipher
    }

    /// Parses `0.4.0.127.0.7.2.2.4.<m>.<c>`; nil for unknown or invalid combinations (CAM exists
    /// only for ECDH with AES).
    public init?(oid: String) {
        let prefix = SecurityInfoOID.idPACE + "."
        guard oid.hasPrefix(prefix) else { return nil }
        let tail = oid.dropFirst(prefix.count).split(separator: ".")
        guard tail.count == 2, let m = Int(tail[0]), let c = Int(tail[1]) else { return nil }
        switch m {
        case 1: (keyAgreement, mapping) = (.dh, .generic)
        case 2: (keyAgreement, mapping) = (.ecdh, .generic)
        case 3: (keyAgreement, mapping) = (.dh, .integrated)
        case 4: (keyAgreement, mapping) = (.ecdh, .integrated)
        case 6: (keyAgreement, mapping) = (.ecdh, .chipAuthentication)
        default: return nil
        }
        switch c {
        case 1: cipher = .tripleDES
        case 2: cipher = .aes128
        case 3: cipher = .aes192
        case 4: cipher = .aes256
        default: return nil
        }
        if mapping == .chipAuthentication && cipher == .tripleDES { return nil }
    }

    /// The dotted OID.
    public var oid: String {
        let m: Int
        switch (keyAgreement, mapping) {
        case (.dh, .generic): m = 1
        case (.ecdh, .generic): m = 2
        case (.dh, .integrated): m = 3
        case (.ecdh, .integrated): m = 4
        case (_, .chipAuthentication): m = 6
        }
        let c: Int
        switch cipher {
        case .tripleDES: c = 1
        case .aes128: c = 2
        case .aes192: c = 3
        case .aes256: c = 4
        }
        return "\(SecurityInfoOID.idPACE).\(m).\(c)"
    }

    /// The OID's DER content octets (no tag/length), as carried in MSE:Set AT tag 0x80 and inside
    /// tag 0x06 of public-key data objects. Every arc of a PACE OID is below 128.
    public var oidContentBytes: [UInt8] {
        let arcs = oid.split(separator: ".").compactMap { UInt8($0) }
        return [arcs[0] * 40 + arcs[1]] + arcs.dropFirst(2)
    }

    public var description: String {
        "id-PACE-\(keyAgreement.rawValue)-\(mapping.rawValue)-\(cipher == .tripleDES ? "3DES-CBC-CBC" : "AES-CBC-CMAC-\(cipher.keyLength * 8)")"
    }
}
