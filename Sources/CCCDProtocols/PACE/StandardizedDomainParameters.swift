import CCCDCrypto

/// ICAO 9303-11 Table 12: standardized domain parameter IDs for PACE.
public enum StandardizedDomainParameters: Int, Sendable, CaseIterable {
    case modp1024_160 = 0
    case modp2048_224 = 1
    case modp2048_256 = 2
    case nistP192 = 8
    case brainpoolP192r1 = 9
    case nistP224 = 10
    case brainpoolP224r1 = 11
    case nistP256 = 12
    case brainpoolP256r1 = 13
    case brainpoolP320r1 = 14
    case nistP384 = 15
    case brainpoolP384r1 = 16
    case brainpoolP512r1 = 17
    case nistP521 = 18

    /// IDs 0–31 are reserved for standardized parameters (explicit ones must not use them).
    public static func isStandardized(_ id: Int) -> Bool { (0...31).contains(id) }

    public var isEC: Bool { rawValue >= 8 }

    /// The curve, for the EC IDs.
    public var curve: StandardCurve? {
        switch self {
        case .modp1024_160, .modp2048_224, .modp2048_256: return nil
        case .nistP192: return .p192
        case .brainpoolP192r1: return .brainpoolP192r1
        case .nistP224: return .p224
        case .brainpoolP224r1: return .brainpoolP224r1
        case .nistP256: return .p256
        case .brainpoolP256r1: return .brainpoolP256r1
        case .brainpoolP320r1: return .brainpoolP320r1
        case .nistP384: return .p384
        case .brainpoolP384r1: return .brainpoolP384r1
        case .brainpoolP512r1: return .brainpoolP512r1
        case .nistP521: return .p521
        }
    }

    public func domainParameters() throws(CryptoError) -> DomainParameters {
        switch self {
        case .modp1024_160: return .dh(.rfc5114_1024_160)
        case .modp2048_224: return .dh(.rfc5114_2048_224)
        case .modp2048_256: return .dh(.rfc5114_2048_256)
        default:
            // Every EC case has a curve.
            guard let curve else { throw .unsupportedAlgorithm("parameter \(rawValue)") }
            return .ec(try ECGroup(curve: curve))
        }
    }
}
