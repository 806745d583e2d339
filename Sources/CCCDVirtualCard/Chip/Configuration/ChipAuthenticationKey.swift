import CCCDCrypto
import CCCDPrimitives
import CCCDTransport

/// The chip's static Chip Authentication key pair (used by PACE-CAM): an EC private key on
/// standardized domain parameters. In JSON the private key is hex.
public struct ChipAuthenticationKey: Sendable, Codable, Equatable, CustomStringConvertible {
    public var parameterID: Int
    /// Big-endian private scalar, hex.
    public var privateKey: String

    public init(parameterID: Int = 13, privateKey: String) {
        self.parameterID = parameterID
        self.privateKey = privateKey
    }

    /// A fresh random key pair on the given parameters.
    public static func generate(parameterID: Int = 13) throws(ChipError) -> ChipAuthenticationKey {
        let domain = try ChipDomain.standardized(parameterID)
        guard domain.isEC else { throw .configuration("CAM needs an EC key") }
        let sk = try chipCrypto { () throws(CryptoError) in try domain.randomPrivateKey(SystemChipRandom()) }
        return ChipAuthenticationKey(parameterID: parameterID, privateKey: Hex.encode(sk))
    }

    var privateKeyBytes: [UInt8] { Hex.decode(privateKey) ?? [] }

    /// PK_IC = SK_IC × G, uncompressed.
    public func publicKey() throws(ChipError) -> [UInt8] {
        guard case .ec(let group) = try ChipDomain.standardized(parameterID) else {
            throw .configuration("CAM needs an EC key")
        }
        let sk = privateKeyBytes
        guard !sk.isEmpty else { throw .configuration("chip authentication private key is not hex") }
        return try chipCrypto { () throws(CryptoError) in try group.publicKey(privateKey: sk).uncompressed }
    }

    public var description: String { "ChipAuthenticationKey(parameters \(parameterID), redacted)" }
}
