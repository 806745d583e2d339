import CCCDDaemonAPI
import CCCDKit

// CCCDDaemonAPI decodes requests into its own value types (no PC/SC, no OpenSSL: it is fuzzed);
// here they become CCCDKit's types, and CCCDKit's read errors become API errors.

extension ReadRequest.Access {
    /// The access input of CCCDKit.
    public var input: AccessInput {
        switch self {
        case .can(let can): .can(can)
        case .mrz(let mrz): .mrz(mrz)
        case .vietnameseID(let id, let dob, let expiry): .vietnameseID(id: id, dateOfBirth: dob, dateOfExpiry: expiry)
        }
    }
}

extension VerifyRequest {
    /// `AA.challenge` and `AA.response` as Active Authentication evidence, re-checked offline.
    public var activeAuthentication: ActiveAuthenticationEvidence? {
        activeAuthenticationFiles.map { ActiveAuthenticationEvidence(challenge: $0.challenge, response: $0.response) }
    }

    /// `CAM.mappingKey` and `CAM.caIC` as PACE-CAM evidence, with the protocol EF.CardAccess names.
    public var chipAuthentication: ChipAuthenticationEvidence? {
        chipAuthenticationFiles.map {
            ChipAuthenticationEvidence.fromDump(mappingKey: $0.mappingKey, caIC: $0.caIC, cardAccess: files[.cardAccess])
        }
    }
}

extension APIError {
    /// The error of a failed card read. `CardReadError` descriptions carry no personal data.
    public static func from(_ error: CardReadError) -> APIError {
        switch error {
        case .invalidAccessInput(let why): .invalidRequest("invalid access key: \(why)")
        case .serviceUnavailable: .noReader
        case .noReader: .noReader
        case .noCard: .noCard
        case .wrongAccessKey: APIError(.unprocessableContent, code: "wrong_access_key", message: error.description)
        case .cardInUse: APIError(.conflict, code: "reader_busy", message: error.description)
        case .cancelled: APIError(.conflict, code: "cancelled", message: "the read was cancelled")
        case .accessControlFailed, .connectionLost, .fileRead, .malformedFile: .unreadableCard(error.description)
        }
    }
}
