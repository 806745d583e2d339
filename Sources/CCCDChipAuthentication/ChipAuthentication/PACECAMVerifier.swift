import CCCDLDS
import CCCDProtocols
import CCCDVerification

/// The terminal's half of PACE with Chip Authentication Mapping (ICAO 9303-11 §4.4.3.5, BSI
/// TR-03110-2 §3.4.4): PACE decrypted the chip's A_IC into CA_IC; the chip is genuine when
/// `PK_map,IC = CA_IC × PK_IC` for its static chip-authentication key PK_IC. Replaces classic
/// Chip Authentication (no further exchanges).
///
/// Where PK_IC comes from: ICAO 9303-10/-11 put the key PACE-CAM relies on in EF.CardSecurity
/// (signed by the document signer; ``CardSecurityCheck`` verifies that signature and its chain as
/// part of passive authentication). When EF.CardSecurity was not read, the ECDH key of DG14 is
/// used — DG14 is covered by EF.SOD's hash, so passive authentication vouches for it too. A file
/// that is present but unusable is never skipped for the other one (fail closed).
public enum PACECAMVerifier {
    /// What PACE-CAM left for this check: CA_IC (decrypted A_IC) and the chip's PK_map,IC, with
    /// the PACE protocol and domain parameters they came from (recorded as evidence).
    public struct ChipData: Sendable, Hashable {
        public var chipAuthenticationData: [UInt8]?
        public var chipMappingPublicKey: [UInt8]?
        /// The PACE algorithm's OID (`id-PACE-ECDH-CAM-…`), when known.
        public var protocolOID: String?
        /// The standardized domain parameters' ID sent in MSE:Set AT, when known.
        public var parameterID: Int?

        public init(
            chipAuthenticationData: [UInt8]?, chipMappingPublicKey: [UInt8]?, protocolOID: String? = nil,
            parameterID: Int? = nil
        ) {
            self.chipAuthenticationData = chipAuthenticationData
            self.chipMappingPublicKey = chipMappingPublicKey
            self.protocolOID = protocolOID
            self.parameterID = parameterID
        }

        public init(_ pace: PACEResult) {
            self.init(
                chipAuthenticationData: pace.chipAuthenticationData, chipMappingPublicKey: pace.chipMappingPublicKey,
                protocolOID: pace.algorithm.oid, parameterID: pace.parameterID)
        }

        /// The data as evidence (``ChipAuthenticationEvidence``); `keyId` names the chip key that matched.
        public func evidence(keyId: Int? = nil) -> ChipAuthenticationEvidence {
            ChipAuthenticationEvidence(
                protocolOID: protocolOID, protocolName: protocolOID.flatMap { PACEAlgorithm(oid: $0)?.description },
                keyId: keyId, domainParameterId: parameterID, mappingKey: chipMappingPublicKey,
                caIC: chipAuthenticationData)
        }

        /// The data of recorded evidence (a dump's `CAM.*.bin`, a bundle).
        public init(_ evidence: ChipAuthenticationEvidence) {
            self.init(
                chipAuthenticationData: evidence.caIC, chipMappingPublicKey: evidence.mappingKey,
                protocolOID: evidence.protocolOID, parameterID: evidence.domainParameterId)
        }
    }

    /// `verification.chip`'s method; a valid check adds where the key came from (`PACE-CAM, key from DG14`).
    public static let method = "PACE-CAM"

    /// The check with PK_IC from EF.CardSecurity when it was read, else from DG14 (raw file bytes).
    /// Neither read: `not-performed` (the key is unknown, nothing is claimed); a file that does not
    /// decode or holds no ECDH key, missing chip data, or a mismatch: `invalid`.
    /// Every result carries the chip data as ``AuthenticationResult/chipEvidence``.
    public static func verify(_ chip: ChipData, cardSecurity: [UInt8]?, dg14: [UInt8]?) -> AuthenticationResult {
        check(chip, cardSecurity: cardSecurity, dg14: dg14).with(chipEvidence: chip.evidence(keyId: nil), keepingKeyId: true)
    }

    static func check(_ chip: ChipData, cardSecurity: [UInt8]?, dg14: [UInt8]?) -> AuthenticationResult {
        let keys: SecurityInfos
        let source: String
        if let cardSecurity {
            source = "EF.CardSecurity"
            guard let content = try? SignedDataParser.parse(contentInfo: cardSecurity).encapsulatedContent,
                  let infos = try? SecurityInfos(encoded: content)
            else {
                return .invalid(VerificationReason(
                    .cardSecurityMalformed, .failure, "EF.CardSecurity does not decode: no chip key for PACE-CAM"),
                    method: method)
            }
            keys = infos
        } else if let dg14 {
            source = "DG14"
            guard let infos = try? DataGroup14.securityInfos(dg14) else {
                return .invalid(VerificationReason(
                    .securityInfosMalformed, .failure, "DG14 does not decode: no chip key for PACE-CAM"), method: method)
            }
            keys = infos
        } else {
            return AuthenticationResult(
                status: .notPerformed,
                reasons: [VerificationReason(
                    .notPerformed, .info, "PACE-CAM: neither EF.CardSecurity nor DG14 was read, the chip key is unknown")],
                method: method)
        }
        return check(chip, publicKeys: keys, source: source)
    }

    /// The check against the ECDH ChipAuthenticationPublicKeyInfos of `publicKeys` (from `source`):
    /// valid when one of them satisfies `PK_map,IC = CA_IC × PK_IC`.
    public static func verify(_ chip: ChipData, publicKeys: SecurityInfos?, source: String) -> AuthenticationResult {
        check(chip, publicKeys: publicKeys, source: source).with(chipEvidence: chip.evidence(keyId: nil), keepingKeyId: true)
    }

    static func check(_ chip: ChipData, publicKeys: SecurityInfos?, source: String) -> AuthenticationResult {
        guard let ca = chip.chipAuthenticationData, !ca.isEmpty, let mapping = chip.chipMappingPublicKey else {
            return .invalid(VerificationReason(
                .chipAuthenticationDataMismatch, .failure, "PACE-CAM did not yield chip authentication data"),
                method: method)
        }
        guard let publicKeys else {
            return .invalid(VerificationReason(.publicKeyMissing, .failure, "\(source) is needed to check PACE-CAM"),
                            method: method)
        }
        let keys = publicKeys.chipAuthenticationPublicKeyInfos.filter { $0.protocolOID == SecurityInfoOID.idPKECDH }
        guard !keys.isEmpty else {
            return .invalid(VerificationReason(.publicKeyMissing, .failure, "\(source) has no ECDH chip key"), method: method)
        }
        for key in keys {
            guard case .ec(let group)? = try? key.domainParameters(), let point = try? key.publicKeyValue() else { continue }
            if (try? ChipAuthenticationMapping.verify(
                chipAuthenticationData: ca, chipStaticPublicKey: point, chipMappingPublicKey: mapping, group: group)) == true
            {
                return AuthenticationResult(
                    status: .valid, method: "\(method), key from \(source)",
                    chipEvidence: ChipAuthenticationEvidence(keyId: key.keyID))
            }
        }
        return .invalid(VerificationReason(
            .chipAuthenticationDataMismatch, .failure,
            "the chip's PACE-CAM data do not match \(source)'s chip key (clone?)"), method: method)
    }
}

extension AuthenticationResult {
    /// This result with `evidence`, keeping a key ID already set (the key that matched).
    fileprivate func with(chipEvidence evidence: ChipAuthenticationEvidence, keepingKeyId: Bool) -> AuthenticationResult {
        var evidence = evidence
        if keepingKeyId, let keyId = chipEvidence?.keyId { evidence.keyId = keyId }
        return with(chipEvidence: evidence)
    }
}
