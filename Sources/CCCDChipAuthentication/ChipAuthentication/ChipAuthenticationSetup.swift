import CCCDLDS
import CCCDProtocols

/// The Chip Authentication protocol and chip key chosen from DG14.
public struct ChipAuthenticationSetup: Sendable, Hashable {
    /// The protocol (OID, version, key ID); synthesised as id-CA-(EC)DH-3DES when DG14 has only
    /// the key (ICAO 9303-11 §9.2.5 makes ChipAuthenticationInfo optional for 3DES).
    public var info: ChipAuthenticationInfo
    /// The chip's static public key.
    public var publicKey: ChipAuthenticationPublicKeyInfo

    public var cipher: SecureMessagingCipher? { info.cipher }
    public var isECDH: Bool { info.isECDH }

    /// Whether MSE:Set AT + GENERAL AUTHENTICATE is used (AES), rather than MSE:Set KAT (3DES).
    public var usesGeneralAuthenticate: Bool { cipher != .tripleDES }

    public init(info: ChipAuthenticationInfo, publicKey: ChipAuthenticationPublicKeyInfo) {
        self.info = info
        self.publicKey = publicKey
    }
}

/// Why Chip Authentication could not be set up or run.
public enum ChipAuthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noChipAuthenticationKey
    case noMatchingProtocol(String)
    case unsupportedProtocol(String)
    case keyAgreement(String)

    public var description: String {
        switch self {
        case .noChipAuthenticationKey: "DG14 has no ChipAuthenticationPublicKeyInfo"
        case .noMatchingProtocol(let why): "no ChipAuthenticationInfo matches the chip key: \(why)"
        case .unsupportedProtocol(let oid): "unsupported chip authentication protocol \(oid)"
        case .keyAgreement(let why): "key agreement failed: \(why)"
        }
    }
}

/// Chooses protocol and key from DG14's SecurityInfos: keys paired with infos by key ID (or the
/// only key and the only info); ECDH before DH, AES before 3DES.
public enum ChipAuthenticationSelection {
    public static func select(from infos: SecurityInfos) throws(ChipAuthenticationError) -> ChipAuthenticationSetup {
        let keys = infos.chipAuthenticationPublicKeyInfos
        guard !keys.isEmpty else { throw .noChipAuthenticationKey }
        let protocols = infos.chipAuthenticationInfos.filter { $0.cipher != nil }
        var candidates: [ChipAuthenticationSetup] = []
        for key in keys {
            let keyIsECDH = key.protocolOID == SecurityInfoOID.idPKECDH
            let matching = protocols.filter { info in
                info.isECDH == keyIsECDH
                    && (info.keyID == key.keyID || (keys.count == 1 && (info.keyID == nil || key.keyID == nil)))
            }
            if matching.isEmpty && infos.chipAuthenticationInfos.isEmpty {
                // No ChipAuthenticationInfo at all: the 3DES default of the key's type.
                let oid = SecurityInfoOID.idCA + (keyIsECDH ? ".2.1" : ".1.1")
                candidates.append(ChipAuthenticationSetup(
                    info: ChipAuthenticationInfo(protocolOID: oid, version: 1, keyID: key.keyID), publicKey: key))
            }
            for info in matching {
                candidates.append(ChipAuthenticationSetup(info: info, publicKey: key))
            }
        }
        guard !candidates.isEmpty else {
            throw .noMatchingProtocol("\(protocols.count) protocol(s), \(keys.count) key(s)")
        }
        func rank(_ setup: ChipAuthenticationSetup) -> Int {
            (setup.isECDH ? 0 : 10) + (setup.cipher == .tripleDES ? 5 : 0)
        }
        return candidates.min { rank($0) < rank($1) }!
    }
}
