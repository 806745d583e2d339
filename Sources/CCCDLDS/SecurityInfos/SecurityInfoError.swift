/// Why SecurityInfos (EF.CardAccess, EF.CardSecurity content, DG14) could not be parsed.
public enum SecurityInfoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not DER/BER, or not a SET OF SEQUENCE.
    case malformed(String)
    /// An entry with a known protocol OID does not have that protocol's structure.
    case malformedEntry(oid: String, reason: String)
    /// Domain parameters that cannot be turned into a usable group.
    case unsupportedDomainParameters(String)

    public var description: String {
        switch self {
        case .malformed(let why): return "SecurityInfos: \(why)"
        case .malformedEntry(let oid, let why): return "SecurityInfo \(oid): \(why)"
        case .unsupportedDomainParameters(let why): return "unsupported domain parameters: \(why)"
        }
    }
}
