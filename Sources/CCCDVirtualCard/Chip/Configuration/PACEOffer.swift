/// One PACE algorithm the chip offers (one PACEInfo of EF.CardAccess): key agreement, mapping,
/// cipher and the standardized domain parameters (ICAO 9303-11 §9.2.1, Table 12).
public struct PACEOffer: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public enum KeyAgreement: String, Sendable, Codable { case ecdh = "ECDH", dh = "DH" }
    public enum Mapping: String, Sendable, Codable {
        case generic = "GM"
        case integrated = "IM"
        case chipAuthentication = "CAM"
    }

    public var keyAgreement: KeyAgreement
    public var mapping: Mapping
    public var cipher: ChipCipher
    /// Standardized domain-parameter ID (0–2 DH, 8–18 EC).
    public var parameterID: Int

    public init(keyAgreement: KeyAgreement = .ecdh, mapping: Mapping = .generic, cipher: ChipCipher = .aes128,
                parameterID: Int = 13) {
        self.keyAgreement = keyAgreement
        self.mapping = mapping
        self.cipher = cipher
        self.parameterID = parameterID
    }

    /// id-PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1, as on real CCCDs.
    public static let cccd = PACEOffer()

    /// The mapping arc of the OID (§9.2.3): DH-GM 1, ECDH-GM 2, DH-IM 3, ECDH-IM 4, ECDH-CAM 6.
    var mappingArc: UInt8 {
        switch (keyAgreement, mapping) {
        case (.dh, .generic): return 1
        case (.ecdh, .generic): return 2
        case (.dh, .integrated): return 3
        case (.ecdh, .integrated): return 4
        case (_, .chipAuthentication): return 6
        }
    }

    /// The OID arcs 0.4.0.127.0.7.2.2.4.m.c.
    public var oidArcs: [UInt] { [0, 4, 0, 127, 0, 7, 2, 2, 4, UInt(mappingArc), UInt(cipher.oidArc)] }

    /// The OID's DER content octets (what MSE:Set AT carries in tag 80 and tokens in tag 06).
    var oidContent: [UInt8] { [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, mappingArc, cipher.oidArc] }

    public var description: String {
        "id-PACE-\(keyAgreement.rawValue)-\(mapping.rawValue)-\(cipher.rawValue) (parameters \(parameterID))"
    }

    /// Checks that the combination exists (CAM is ECDH + AES only; IM needs p ≡ 3 mod 4, so not
    /// P-224; the parameter ID must match the key agreement).
    func validate() throws(ChipError) {
        let isEC = (8...18).contains(parameterID)
        let isDH = (0...2).contains(parameterID)
        guard isEC || isDH else { throw .configuration("parameter ID \(parameterID) is not standardized") }
        guard isEC == (keyAgreement == .ecdh) else {
            throw .configuration("parameter ID \(parameterID) does not fit \(keyAgreement.rawValue)")
        }
        if mapping == .chipAuthentication {
            guard keyAgreement == .ecdh, cipher != .tripleDES else { throw .configuration("CAM needs ECDH and AES") }
        }
        if mapping == .integrated && parameterID == 10 {
            throw .configuration("P-224 cannot be used with the integrated mapping")
        }
    }
}
