/// The parsers that see bytes from a card or from the network, each behind one entry function
/// that the libFuzzer driver (`cccd-fuzz`, built by scripts/fuzz.sh) and the unit tests share.
///
/// An entry function takes arbitrary bytes. Rejecting them with a typed error is the normal
/// outcome; a crash, a hang or a broken invariant (thrown as ``FuzzInvariantViolation``) is a bug.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// BER-TLV headers of LDS files, walked recursively.
    case tlv
    /// Every LDS file parser behind `LDSFileParser`, the file chosen by the first byte.
    case ldsFile = "lds-file"
    case efCOM = "ef-com"
    /// DG1 and the MRZ inside.
    case dg1
    /// DG2: CBEFF biometric templates and ISO/IEC 19794-5 facial records.
    case dg2
    /// DG13: Vietnamese citizen data.
    case dg13
    /// SecurityInfos of EF.CardAccess, DG14 and EF.CardSecurity, the container chosen by the first byte.
    case securityInfos = "security-infos"
    case dg15
    /// EF.SOD (CMS SignedData + LDSSecurityObject), then passive authentication of what parses.
    case sod
    /// Response APDUs and status words, through `APDUChannel`'s `61 xx` / `6C xx` handling.
    case responseAPDU = "response-apdu"
    /// The reader-side secure-messaging unprotect step of an established BAC session.
    case secureMessaging = "secure-messaging"
    /// ICAO CSCA master lists.
    case masterList = "master-list"
    /// The daemon's JSON request bodies (read, verify, face compare).
    case daemonRequest = "daemon-request"

    /// Runs the parser on `bytes` and checks its invariants.
    public func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        switch self {
        case .tlv: try TLVTarget.run(bytes)
        case .ldsFile: try LDSFileTarget.run(bytes)
        case .efCOM: try EFCOMTarget.run(bytes)
        case .dg1: try DG1Target.run(bytes)
        case .dg2: try DG2Target.run(bytes)
        case .dg13: try DG13Target.run(bytes)
        case .securityInfos: try SecurityInfosTarget.run(bytes)
        case .dg15: try DG15Target.run(bytes)
        case .sod: try SODTarget.run(bytes)
        case .responseAPDU: try ResponseAPDUTarget.run(bytes)
        case .secureMessaging: try SecureMessagingTarget.run(bytes)
        case .masterList: try MasterListTarget.run(bytes)
        case .daemonRequest: try DaemonRequestTarget.run(bytes)
        }
    }
}
