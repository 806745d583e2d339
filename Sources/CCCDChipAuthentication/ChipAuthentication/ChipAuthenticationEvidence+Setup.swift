import CCCDLDS
import CCCDProtocols
import CCCDVerification

extension ChipAuthenticationEvidence {
    /// The evidence of Chip Authentication with `setup` (protocol and key ID; no mapping data).
    public init(setup: ChipAuthenticationSetup) {
        let info = setup.info
        let cipher = info.cipher.map { $0 == .tripleDES ? "3DES-CBC-CBC" : "AES-CBC-CMAC-\($0.keyLength * 8)" }
        self.init(
            protocolOID: info.protocolOID, protocolName: cipher.map { "id-CA-\(info.isECDH ? "ECDH" : "DH")-\($0)" },
            keyId: info.keyID ?? setup.publicKey.keyID)
    }

    /// The Chip Authentication evidence of `dg14`: the protocol and key chosen from it
    /// (``ChipAuthenticationSelection``), nil when it offers none.
    public static func chipAuthentication(dg14: SecurityInfos?) -> ChipAuthenticationEvidence? {
        guard let dg14, let setup = try? ChipAuthenticationSelection.select(from: dg14) else { return nil }
        return ChipAuthenticationEvidence(setup: setup)
    }
}
