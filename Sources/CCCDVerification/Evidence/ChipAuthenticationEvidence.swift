import CCCDLDS
import Foundation

/// What the read records about chip authentication (`verification.chip.evidence`): the protocol
/// and key used and, for PACE with Chip Authentication Mapping, what an offline verifier needs to
/// repeat the check `PK_map,IC = CA_IC × PK_IC` (ICAO 9303-11 §4.4.3.5) — the chip's mapping
/// public key and the decrypted CA_IC. PK_IC itself is in EF.CardSecurity (or DG14), which the
/// dump keeps anyway. In a dump folder the two byte strings are `CAM.mappingKey.bin` and
/// `CAM.caIC.bin`; in JSON they are base64.
public struct ChipAuthenticationEvidence: Sendable, Hashable, Codable {
    /// The protocol's OID: `id-CA-…` for Chip Authentication, the PACE algorithm (`id-PACE-ECDH-CAM-…`) for CAM.
    public var protocolOID: String?
    /// Its name, e.g. `id-CA-ECDH-AES-CBC-CMAC-128`, `id-PACE-ECDH-CAM-AES-CBC-CMAC-128`.
    public var protocolName: String?
    /// The key ID of the chip key used (ChipAuthenticationPublicKeyInfo.keyId), when it has one.
    public var keyId: Int?
    /// PACE-CAM: the standardized domain parameters' ID of the PACE run (ICAO 9303-11 §9.5.1).
    public var domainParameterId: Int?
    /// PACE-CAM: PK_map,IC, the chip's mapping public key (an encoded EC point).
    public var mappingKey: [UInt8]?
    /// PACE-CAM: CA_IC, the chip authentication data decrypted from A_IC.
    public var caIC: [UInt8]?

    /// The dump folder's file names (beside `AA.challenge.bin` / `AA.response.bin`).
    public static let mappingKeyFileName = "CAM.mappingKey.bin"
    public static let caICFileName = "CAM.caIC.bin"

    public init(
        protocolOID: String? = nil, protocolName: String? = nil, keyId: Int? = nil, domainParameterId: Int? = nil,
        mappingKey: [UInt8]? = nil, caIC: [UInt8]? = nil
    ) {
        self.protocolOID = protocolOID
        self.protocolName = protocolName
        self.keyId = keyId
        self.domainParameterId = domainParameterId
        self.mappingKey = mappingKey
        self.caIC = caIC
    }

    /// Whether this carries PACE-CAM's data (both byte strings, neither empty).
    public var hasMappingData: Bool { !(mappingKey ?? []).isEmpty && !(caIC ?? []).isEmpty }

    /// A dump's PACE-CAM evidence: the two files, with the protocol and domain parameters of
    /// EF.CardAccess's one CAM PACEInfo when it has exactly one (the dump does not say which ran otherwise).
    public static func fromDump(mappingKey: [UInt8], caIC: [UInt8], cardAccess: [UInt8]?) -> ChipAuthenticationEvidence {
        var evidence = ChipAuthenticationEvidence(mappingKey: mappingKey, caIC: caIC)
        let infos = cardAccess.flatMap { try? SecurityInfos(encoded: $0) }?.paceInfos ?? []
        let cam = infos.filter { $0.algorithm?.mapping == .chipAuthentication }
        if cam.count == 1, let info = cam.first {
            evidence.protocolOID = info.protocolOID
            evidence.protocolName = info.algorithm?.description
            evidence.domainParameterId = info.parameterID
        }
        return evidence
    }

    private enum CodingKeys: String, CodingKey {
        case protocolOID = "protocol"
        case protocolName, keyId, domainParameterId, mappingKey, caIC
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(protocolOID, forKey: .protocolOID)
        try c.encodeIfPresent(protocolName, forKey: .protocolName)
        try c.encodeIfPresent(keyId, forKey: .keyId)
        try c.encodeIfPresent(domainParameterId, forKey: .domainParameterId)
        try c.encodeIfPresent(mappingKey.map { Data($0).base64EncodedString() }, forKey: .mappingKey)
        try c.encodeIfPresent(caIC.map { Data($0).base64EncodedString() }, forKey: .caIC)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func bytes(_ key: CodingKeys) throws -> [UInt8]? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not base64")
            }
            return [UInt8](data)
        }
        self.init(
            protocolOID: try c.decodeIfPresent(String.self, forKey: .protocolOID),
            protocolName: try c.decodeIfPresent(String.self, forKey: .protocolName),
            keyId: try c.decodeIfPresent(Int.self, forKey: .keyId),
            domainParameterId: try c.decodeIfPresent(Int.self, forKey: .domainParameterId),
            mappingKey: try bytes(.mappingKey), caIC: try bytes(.caIC))
    }
}
