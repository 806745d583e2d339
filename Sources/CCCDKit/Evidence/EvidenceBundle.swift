import CCCDLDS
import CCCDPrimitives
import CCCDVerification
import Foundation

/// The hand-off formats of a read's evidence (docs/evidence.md): what a back end, an eKYC vendor
/// or the national service needs to re-check the chip data without our code.
public enum EvidenceFormat: String, CaseIterable, Sendable {
    /// `{"format": "cccdkit-evidence/1", "raw", "documentSigner", "activeAuthentication", …}`.
    case cccdkit
    /// `{"dataVerifyObject": base64(JSON {"raw": {…}}), "dgCert": base64 DER}` (vendor eKYC APIs).
    case ekycRaw = "ekyc-raw"
    /// `{"idCard": "<12 digits>", "dsCert": base64 of the PEM}` (the national service's client).
    case rar
}

/// Why a bundle cannot be made.
public enum EvidenceError: CCCDErrorProtocol, Equatable, Sendable {
    case noSecurityObject
    case noDocumentSigner
    case noPersonalNumber

    /// Stable machine code.
    public var code: String {
        switch self {
        case .noSecurityObject: "no_security_object"
        case .noDocumentSigner: "no_document_signer"
        case .noPersonalNumber: "no_personal_number"
        }
    }

    public var underlyingError: (any Error)? { nil }

    public var description: String {
        switch self {
        case .noSecurityObject: "the read has no EF.SOD"
        case .noDocumentSigner: "EF.SOD holds no document signer certificate"
        case .noPersonalNumber: "the read has no 12-digit ID number (DG13 or DG1)"
        }
    }
}

/// Builds the bundles. Contents are personal data: hand them only to who asked, never log them.
public enum EvidenceBundle {
    public static let formatName = "cccdkit-evidence/1"

    /// The bundle of `result` in `format`, as JSON (sorted keys).
    public static func make(
        _ format: EvidenceFormat, result: CardReadResult, reader: String? = nil, readAt: Date? = nil, readId: String? = nil
    ) throws(EvidenceError) -> Data {
        let files = result.rawFiles
        guard let sod = files[.sod] else { throw .noSecurityObject }
        let signer = DocumentSignerCertificate.embedded(inSOD: sod)
        let value: any Encodable
        switch format {
        case .cccdkit:
            value = CCCDKitBundle(
                format: formatName, raw: raw(files, all: true), documentSigner: signer.map(Signer.init),
                activeAuthentication: result.activeAuthenticationEvidence,
                chipAuthentication: result.verification.map {
                    ChipEvidence(check: $0.chip, evidence: result.chipAuthenticationEvidence, access: result.isLiveRead ? result.access : nil)
                },
                verification: result.verification, reader: reader, readAt: readAt, readId: readId)
        case .ekycRaw:
            guard let signer else { throw .noDocumentSigner }
            let inner = (try? encoder.encode(["raw": raw(files, all: false)])) ?? Data()
            value = ["dataVerifyObject": inner.base64EncodedString(), "dgCert": Data(signer.der).base64EncodedString()]
        case .rar:
            guard let signer else { throw .noDocumentSigner }
            let number = result.citizen?.personalNumber ?? result.document?.personalNumber
            guard let number, number.count == 12, number.allSatisfy(\.isASCIIDigit) else { throw .noPersonalNumber }
            value = ["idCard": number, "dsCert": Data(DocumentSignerCertificate.pem(signer.der).utf8).base64EncodedString()]
        }
        return (try? encoder.encode(value)) ?? Data()
    }

    static var encoder: JSONEncoder {
        JSONCoding.encoder()
    }

    /// `com`, `sod`, `dg1` … as base64: the vendor set (COM, SOD, DG1, DG2, DG13, DG14, DG15), or
    /// every file read plus `cardAccess` and `cardSecurity`.
    static func raw(_ files: [LDSFile: [UInt8]], all: Bool) -> [String: String] {
        var raw: [String: String] = [:]
        for (file, bytes) in files {
            let key: String
            switch file {
            case .com: key = "com"
            case .sod: key = "sod"
            case .cardAccess where all: key = "cardAccess"
            case .cardSecurity where all: key = "cardSecurity"
            case .dataGroup(let group) where all || [1, 2, 13, 14, 15].contains(group.rawValue): key = "dg\(group.rawValue)"
            default: continue
            }
            raw[key] = Data(bytes).base64EncodedString()
        }
        return raw
    }

    struct Signer: Encodable {
        var der: String
        var pem: String
        var subject: String
        var serialNumber: String
        var sha256: String

        init(_ certificate: X509Certificate) {
            der = Data(certificate.der).base64EncodedString()
            pem = DocumentSignerCertificate.pem(certificate.der)
            subject = certificate.subject
            serialNumber = certificate.serialNumberHex
            sha256 = certificate.sha256Fingerprint.lowercased()
        }
    }

    /// What the read says about the chip check: status, method (CA or PACE-CAM), the access
    /// protocol, the protocol OID and key ID used and, after PACE-CAM, `mappingKey` (PK_map,IC) and
    /// `caIC` (base64) for an offline re-check (``EvidenceReader``).
    struct ChipEvidence: Encodable {
        var status: String
        var method: String?
        var accessProtocol: String?
        var accessAlgorithm: String?
        var `protocol`: String?
        var protocolName: String?
        var keyId: Int?
        var domainParameterId: Int?
        var mappingKey: String?
        var caIC: String?

        init(check: AuthenticationResult, evidence: ChipAuthenticationEvidence?, access: AccessSummary?) {
            status = check.status.rawValue
            method = check.method
            accessProtocol = access?.protocol
            accessAlgorithm = access?.algorithm
            `protocol` = evidence?.protocolOID
            protocolName = evidence?.protocolName
            keyId = evidence?.keyId
            domainParameterId = evidence?.domainParameterId
            mappingKey = evidence?.mappingKey.map { Data($0).base64EncodedString() }
            caIC = evidence?.caIC.map { Data($0).base64EncodedString() }
        }
    }

    struct CCCDKitBundle: Encodable {
        var format: String
        var raw: [String: String]
        var documentSigner: Signer?
        var activeAuthentication: ActiveAuthenticationEvidence?
        var chipAuthentication: ChipEvidence?
        var verification: VerificationReport?
        var reader: String?
        var readAt: Date?
        var readId: String?

        private enum CodingKeys: String, CodingKey {
            case format, raw, documentSigner, activeAuthentication, chipAuthentication, verification, reader, readAt, readId
        }

        // Absent parts are null, so every key of the format is always there.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(format, forKey: .format)
            try c.encode(raw, forKey: .raw)
            try c.encode(documentSigner, forKey: .documentSigner)
            try c.encode(activeAuthentication, forKey: .activeAuthentication)
            try c.encode(chipAuthentication, forKey: .chipAuthentication)
            try c.encode(verification, forKey: .verification)
            try c.encode(reader, forKey: .reader)
            try c.encode(readAt, forKey: .readAt)
            try c.encode(readId, forKey: .readId)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
