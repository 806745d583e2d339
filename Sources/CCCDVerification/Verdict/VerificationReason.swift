/// How much a reason weighs in the verdict.
public enum ReasonSeverity: String, Sendable, Codable, Hashable, Comparable {
    /// A performed check failed: the verdict is `invalid`.
    case failure
    /// The data are intact but the chain does not reach a trusted CSCA: at best `untrusted`.
    case untrusted
    /// A check could not be performed (missing input, unsupported algorithm): at best `incomplete`.
    case incomplete
    /// Intact and trusted, but the document or a certificate of its path is past its validity at
    /// the verification time: at best `expired` (never the `invalid` of a tampered or cloned chip).
    case expired
    /// Worth knowing, no effect on the verdict (e.g. revocation unknown).
    case warning
    /// Informational (e.g. a data group listed in EF.SOD was not read).
    case info

    private var rank: Int {
        switch self {
        case .failure: 0
        case .untrusted: 1
        case .incomplete: 2
        case .expired: 3
        case .warning: 4
        case .info: 5
        }
    }

    public static func < (lhs: ReasonSeverity, rhs: ReasonSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One machine-readable reason behind a verdict: which check, which data group or certificate.
///
/// Never contains personal data: certificate names are the issuing authority's, data groups are
/// referred to by number.
public struct VerificationReason: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Stable identifier of what happened, e.g. `dataGroupHashMismatch`.
    public var code: ReasonCode
    public var severity: ReasonSeverity
    /// A short English explanation.
    public var message: String
    /// The data group concerned (1–16), when one is.
    public var dataGroup: Int?
    /// The subject DN of the certificate concerned, when one is.
    public var certificate: String?

    public init(
        _ code: ReasonCode, _ severity: ReasonSeverity, _ message: String, dataGroup: Int? = nil,
        certificate: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.dataGroup = dataGroup
        self.certificate = certificate
    }

    public var description: String {
        var text = "[\(severity.rawValue)] \(code.rawValue): \(message)"
        if let dataGroup { text += " (DG\(dataGroup))" }
        if let certificate { text += " [\(certificate)]" }
        return text
    }
}

/// The reason codes (the `code` field of each reason in the JSON).
public enum ReasonCode: String, Sendable, Codable, Hashable, CaseIterable {
    // Input
    case securityObjectMissing
    case securityObjectMalformed
    case cardSecurityMalformed
    case noDataGroups
    case dataGroupNotRead
    // Data-group hashes
    case hashAlgorithmUnsupported
    case dataGroupHashMismatch
    case dataGroupHashLengthMismatch
    case dataGroupNotInSecurityObject
    // CMS
    case signerInfoMissing
    case multipleSignerInfos
    case signerCertificateNotFound
    case signedAttributesMissing
    case contentTypeMismatch
    case messageDigestMissing
    case messageDigestMismatch
    case signatureAlgorithmUnsupported
    case signatureInvalid
    // Certificates
    case certificateChainUntrusted
    case certificateSignatureInvalid
    case certificateExpired
    case certificateNotYetValid
    case certificateChainInvalid
    case certificateRevoked
    case revocationUnknown
    case revocationListOutdated
    case keyUsageInvalid
    case keyUsageMissing
    case signerCertificateExpiredUnchecked
    case signerIssuedOutsideKeyUsagePeriod
    // Document validity
    case documentExpired
    // Country
    case countryMismatch
    case countryUnchecked
    // Active / chip authentication
    case notPerformed
    case notSupported
    case publicKeyMissing
    case publicKeyUnsupported
    case cardRefused
    case transmissionFailed
    case signatureMalformed
    case algorithmAssumed
    case keyAgreementFailed
    case secureMessagingFailed
    case chipAuthenticationDataMismatch
    case securityInfosMalformed
    case securityInfosUnauthenticated
    // Document
    /// A Vietnamese ID card whose DG13 (citizen data) was not read or does not parse.
    case citizenDataMissing
}

/// The verdict of passive authentication (and the overall verdict).
public enum PassiveStatus: String, Sendable, Codable, Hashable {
    case valid, invalid, untrusted, incomplete, expired

    /// The verdict implied by a list of reasons: any failure → invalid; else any untrusted →
    /// untrusted; else any incomplete → incomplete; else any expired → expired; else valid.
    public init(reasons: [VerificationReason]) {
        if reasons.contains(where: { $0.severity == .failure }) {
            self = .invalid
        } else if reasons.contains(where: { $0.severity == .untrusted }) {
            self = .untrusted
        } else if reasons.contains(where: { $0.severity == .incomplete }) {
            self = .incomplete
        } else if reasons.contains(where: { $0.severity == .expired }) {
            self = .expired
        } else {
            self = .valid
        }
    }
}

/// The result status of active or chip authentication.
public enum AuthenticationStatus: String, Sendable, Codable, Hashable {
    case valid, invalid
    case notSupported = "not-supported"
    case notPerformed = "not-performed"
}
