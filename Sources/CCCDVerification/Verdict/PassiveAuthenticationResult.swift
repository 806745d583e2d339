import Foundation

/// The outcome of checking one data group against EF.SOD.
public enum DataGroupCheck: String, Sendable, Codable, Hashable {
    /// Read, and its hash equals the one in EF.SOD.
    case valid
    /// Read, and its hash differs.
    case hashMismatch = "hash-mismatch"
    /// Read, but EF.SOD has no hash for it.
    case notInSecurityObject = "not-in-sod"
    /// Listed in EF.SOD but not read (e.g. DG3, protected by terminal authentication).
    case notRead = "not-read"
    /// Could not be checked (hash algorithm unsupported, EF.SOD unusable).
    case unchecked
}

/// The result of passive authentication: the verdict, its reasons and what was checked.
public struct PassiveAuthenticationResult: Sendable, Codable, Hashable {
    /// The verdict, derived from ``reasons``.
    public var status: PassiveStatus
    /// Every reason, failures first as they were found.
    public var reasons: [VerificationReason]
    /// Data-group number → outcome.
    public var dataGroups: [Int: DataGroupCheck]
    /// The DG hash algorithm of EF.SOD (e.g. `SHA256`).
    public var hashAlgorithm: String?
    /// The SignerInfo's signature scheme, when understood.
    public var signatureAlgorithm: String?
    /// The document signer certificate, when found.
    public var documentSigner: CertificateSummary?
    /// The trusted CSCA the chain reached, when it did.
    public var trustAnchor: CertificateSummary?
    /// The time certificates and CRLs were checked at.
    public var verificationTime: Date

    /// A result; the status is computed from `reasons`.
    public init(
        reasons: [VerificationReason], dataGroups: [Int: DataGroupCheck], hashAlgorithm: String?,
        signatureAlgorithm: String?, documentSigner: CertificateSummary?, trustAnchor: CertificateSummary?,
        verificationTime: Date
    ) {
        self.status = PassiveStatus(reasons: reasons)
        self.reasons = reasons
        self.dataGroups = dataGroups
        self.hashAlgorithm = hashAlgorithm
        self.signatureAlgorithm = signatureAlgorithm
        self.documentSigner = documentSigner
        self.trustAnchor = trustAnchor
        self.verificationTime = verificationTime
    }

    /// Whether `code` is among the reasons.
    public func has(_ code: ReasonCode) -> Bool { reasons.contains { $0.code == code } }

    enum CodingKeys: String, CodingKey {
        case status, reasons, dataGroups, hashAlgorithm, signatureAlgorithm, documentSigner, trustAnchor
        case verificationTime
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(reasons, forKey: .reasons)
        let groups = Dictionary(uniqueKeysWithValues: dataGroups.map { ("\($0.key)", $0.value) })
        try container.encode(groups, forKey: .dataGroups)
        try container.encodeIfPresent(hashAlgorithm, forKey: .hashAlgorithm)
        try container.encodeIfPresent(signatureAlgorithm, forKey: .signatureAlgorithm)
        try container.encodeIfPresent(documentSigner, forKey: .documentSigner)
        try container.encodeIfPresent(trustAnchor, forKey: .trustAnchor)
        try container.encode(verificationTime, forKey: .verificationTime)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reasons = try container.decode([VerificationReason].self, forKey: .reasons)
        status = try container.decode(PassiveStatus.self, forKey: .status)
        let groups = try container.decode([String: DataGroupCheck].self, forKey: .dataGroups)
        dataGroups = Dictionary(uniqueKeysWithValues: groups.compactMap { key, value in Int(key).map { ($0, value) } })
        hashAlgorithm = try container.decodeIfPresent(String.self, forKey: .hashAlgorithm)
        signatureAlgorithm = try container.decodeIfPresent(String.self, forKey: .signatureAlgorithm)
        documentSigner = try container.decodeIfPresent(CertificateSummary.self, forKey: .documentSigner)
        trustAnchor = try container.decodeIfPresent(CertificateSummary.self, forKey: .trustAnchor)
        verificationTime = try container.decode(Date.self, forKey: .verificationTime)
    }
}
