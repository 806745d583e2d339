import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDVerification

/// SecurityInfos as the three files carry them (first input byte: 0 EF.CardAccess, a bare SET;
/// 1 DG14, a `6E` template; 2 EF.CardSecurity, CMS around the SET), then the choices the reader
/// makes from them: the PACE configuration (explicit domain parameters allowed, so their parsing
/// is reached) and the Chip Authentication key.
enum SecurityInfosTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let selector = bytes.first else { return .rejected }
        let content = Array(bytes.dropFirst())
        let infos: SecurityInfos
        switch selector % 3 {
        case 0:
            guard let parsed = try? SecurityInfos(encoded: content) else { return .rejected }
            try Invariant.check(parsed.trailingByteCount <= content.count, .securityInfos, "more trailing bytes than input")
            // Parsing the SET alone gives the same infos and nothing trailing.
            let set = Array(content[..<(content.count - parsed.trailingByteCount)])
            let again = try? SecurityInfos(encoded: set)
            try Invariant.check(again == SecurityInfos(infos: parsed.infos), .securityInfos, "the SET alone parses differently")
            infos = parsed
        case 1:
            guard let parsed = try? DataGroup14.securityInfos(content) else { return .rejected }
            try Invariant.check(content.first == 0x6E, .securityInfos, "DG14 accepted without tag 6E")
            infos = parsed
        default:
            guard let signed = try? SignedDataParser.parse(contentInfo: content), let inner = signed.encapsulatedContent,
                let parsed = try? SecurityInfos(encoded: inner)
            else { return .rejected }
            infos = parsed
        }
        try Invariant.check(
            infos.paceInfos.count + infos.paceDomainParameterInfos.count + infos.chipAuthenticationInfos.count
                + infos.chipAuthenticationPublicKeyInfos.count + infos.terminalAuthenticationInfos.count
                + infos.activeAuthenticationInfos.count + infos.unknownInfos.count == infos.infos.count,
            .securityInfos, "SecurityInfo kinds do not add up")
        if let pace = try? PACEConfiguration.preferred(from: infos, allowExplicitDomainParameters: true) {
            try Invariant.check(infos.paceInfos.contains(pace.info), .securityInfos, "PACE configuration from an info not offered")
            try Invariant.check(pace.info.version == 2, .securityInfos, "PACE configuration of version \(pace.info.version)")
        }
        if let ca = try? ChipAuthenticationSelection.select(from: infos) {
            try Invariant.check(
                infos.chipAuthenticationPublicKeyInfos.contains(ca.publicKey), .securityInfos,
                "Chip Authentication key that the file does not hold")
        }
        return .accepted
    }
}
