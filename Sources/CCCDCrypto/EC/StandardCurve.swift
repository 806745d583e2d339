import COpenSSL

/// The named prime curves used by eMRTDs (ICAO 9303-11 Table 12), mapped to OpenSSL NIDs.
public enum StandardCurve: String, Sendable, CaseIterable {
    case p192 = "secp192r1"
    case p224 = "secp224r1"
    case p256 = "secp256r1"
    case p384 = "secp384r1"
    case p521 = "secp521r1"
    case brainpoolP192r1
    case brainpoolP224r1
    case brainpoolP256r1
    case brainpoolP320r1
    case brainpoolP384r1
    case brainpoolP512r1

    var nid: Int32 {
        switch self {
        case .p192: return NID_X9_62_prime192v1
        case .p224: return NID_secp224r1
        case .p256: return NID_X9_62_prime256v1
        case .p384: return NID_secp384r1
        case .p521: return NID_secp521r1
        case .brainpoolP192r1: return NID_brainpoolP192r1
        case .brainpoolP224r1: return NID_brainpoolP224r1
        case .brainpoolP256r1: return NID_brainpoolP256r1
        case .brainpoolP320r1: return NID_brainpoolP320r1
        case .brainpoolP384r1: return NID_brainpoolP384r1
        case .brainpoolP512r1: return NID_brainpoolP512r1
        }
    }
}
