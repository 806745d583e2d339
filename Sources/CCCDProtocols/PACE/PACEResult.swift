import CCCDLDS
import CCCDTransport

/// What PACE established and what later steps (Chip Authentication, PACE-CAM verification,
/// Terminal Authentication) need from it.
public struct PACEResult: Sendable {
    public let algorithm: PACEAlgorithm
    /// The parameter ID sent in MSE:Set AT (tag 0x84), if any.
    public let parameterID: Int?
    /// 1 = MRZ, 2 = CAN.
    public let passwordReference: UInt8
    /// The new session (SSC = 0).
    public let secureMessaging: SecureMessagingState
    /// The chip's ephemeral public key (its compressed form is ID_PICC for Terminal Authentication).
    public let chipEphemeralPublicKey: [UInt8]
    public let terminalEphemeralPublicKey: [UInt8]
    /// PK_map,IC (generic mapping and CAM).
    public let chipMappingPublicKey: [UInt8]?
    /// Certification Authority References (tags 87, 88) when the chip sent them.
    public let certificationAuthorityReferences: [[UInt8]]
    /// PACE-CAM: the decrypted Chip Authentication data CA_IC, to be checked against PK_IC from
    /// EF.CardSecurity once that file has passed Passive Authentication.
    public let chipAuthenticationData: [UInt8]?
}
