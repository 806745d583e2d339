import CCCDLDS
import CCCDProtocols

/// The fields `cccd inspect` shows for SecurityInfos (EF.CardAccess, DG14, EF.CardSecurity's
/// content), parsed by CCCDProtocols.
enum SecurityInfosFields {
    static func of(_ infos: SecurityInfos) -> InspectValue {
        .fields([
            ("securityInfos", .list(infos.infos.map(info))),
            ("trailingBytes", infos.trailingByteCount > 0 ? .int(infos.trailingByteCount) : nil),
        ])
    }

    static func info(_ info: SecurityInfo) -> InspectValue {
        switch info {
        case .pace(let pace):
            return .fields([
                ("type", .string("PACEInfo")), ("protocol", .string(pace.protocolOID)), ("version", .int(pace.version)),
                ("parameterId", pace.parameterID.map(InspectValue.int)),
            ])
        case .paceDomainParameters(let domain):
            return .fields([
                ("type", .string("PACEDomainParameterInfo")), ("protocol", .string(domain.protocolOID)),
                ("parameterId", domain.parameterID.map(InspectValue.int)),
            ])
        case .chipAuthentication(let ca):
            return .fields([
                ("type", .string("ChipAuthenticationInfo")), ("protocol", .string(ca.protocolOID)),
                ("version", .int(ca.version)), ("keyId", ca.keyID.map(InspectValue.int)),
            ])
        case .chipAuthenticationPublicKey(let key):
            return .fields([
                ("type", .string("ChipAuthenticationPublicKeyInfo")), ("protocol", .string(key.protocolOID)),
                ("keyId", key.keyID.map(InspectValue.int)), ("publicKeyBytes", .int(key.subjectPublicKey.count)),
            ])
        case .terminalAuthentication(let ta):
            return .fields([
                ("type", .string("TerminalAuthenticationInfo")), ("protocol", .string(ta.protocolOID)),
                ("version", .int(ta.version)),
            ])
        case .activeAuthentication(let aa):
            return .fields([
                ("type", .string("ActiveAuthenticationInfo")), ("protocol", .string(aa.protocolOID)),
                ("version", .int(aa.version)), ("signatureAlgorithm", .string(aa.signatureAlgorithmOID)),
            ])
        case .unknown(let unknown):
            return .fields([
                ("type", .string("unknown")), ("protocol", .string(unknown.protocolOID)),
                ("bytes", .int(unknown.encoded.count)),
            ])
        }
    }
}
