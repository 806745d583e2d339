import CCCDCrypto
import CCCDLDS
import CCCDMRZ

/// What the user knows about the document: the MRZ fields or the card access number (CAN).
public enum AccessKey: Hashable, Sendable, CustomStringConvertible {
    case mrz(MRZKeyInput)
    /// The CAN (on CCCD: the last 6 digits of the 12-digit ID).
    case can(String)

    /// The CAN of a Vietnamese ID: its last 6 digits.
    public static func can(vietnameseID: VietnameseID) -> AccessKey { .can(vietnameseID.cardAccessNumber) }

    /// The PACE password reference of MSE:Set AT (tag 83): 1 = MRZ, 2 = CAN.
    public var passwordReference: UInt8 {
        switch self {
        case .mrz: return 0x01
        case .can: return 0x02
        }
    }

    /// f(π) of ICAO 9303-11 Table 14: SHA-1(MRZ_information) or the ISO 8859-1 bytes of the CAN.
    public func passwordEncoding() throws(AccessControlError) -> [UInt8] {
        switch self {
        case .mrz(let input):
            do { return try input.mrzHash() } catch { throw .crypto(error) }
        case .can(let can):
            guard !can.isEmpty, let bytes = can.data(usingLatin1: ()) else { throw .invalidAccessKey("CAN must be ISO 8859-1 text") }
            return bytes
        }
    }

    /// K_π = KDF(f(π), 3) for the cipher of the chosen PACE algorithm (§9.7.3).
    public func paceKey(cipher: SecureMessagingCipher) throws(AccessControlError) -> [UInt8] {
        let encoded = try passwordEncoding()
        do { return try KeyDerivation.derive(encoded, counter: .password, cipher: cipher) } catch { throw .crypto(error) }
    }

    public var description: String {
        switch self {
        case .mrz: return "AccessKey.mrz(redacted)"
        case .can: return "AccessKey.can(redacted)"
        }
    }
}

extension String {
    /// ISO 8859-1 bytes, nil if a character lies outside Latin-1.
    fileprivate func data(usingLatin1: ()) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            out.append(UInt8(scalar.value))
        }
        return out
    }
}
