import CCCDLDS

/// How the access procedure may choose its protocol.
public struct AccessPolicy: Sendable {
    /// Allow BAC when the card offers PACE but PACE fails for a reason other than a wrong key
    /// (e.g. an unsupported algorithm). Off by default: no silent downgrade.
    public var allowBACFallback: Bool
    /// SecurityInfos to assume when EF.CardAccess cannot be read at all (e.g. the well-known CCCD
    /// EF.CardAccess); nil = treat the card as offering no PACE.
    public var assumedCardAccess: SecurityInfos?
    /// Accept chip-supplied explicit PACE domain parameters (ICAO 9303-11 §9.2.2 says only when known
    /// to be secure).
    public var allowExplicitDomainParameters: Bool
    /// Select the eMRTD application (AID A0 00 00 02 47 10 01) as part of the procedure: before BAC,
    /// and under secure messaging after PACE.
    public var selectApplication: Bool

    public init(allowBACFallback: Bool = false, assumedCardAccess: SecurityInfos? = nil,
                allowExplicitDomainParameters: Bool = false, selectApplication: Bool = true)
    {
        self.allowBACFallback = allowBACFallback
        self.assumedCardAccess = assumedCardAccess
        self.allowExplicitDomainParameters = allowExplicitDomainParameters
        self.selectApplication = selectApplication
    }

    /// Strict default: PACE when offered, BAC only when the card offers no PACE.
    public static let strict = AccessPolicy()

    /// The EF.CardAccess of Vietnamese CCCDs as hard-coded by several apps (cccd-facts.md):
    /// TA v1, CA ECDH AES-128 v1, PACE ECDH-GM AES-128 v2 with brainpoolP256r1 (13).
    public static let cccdCardAccess: [UInt8] = [
        0x31, 0x34, 0x30, 0x0D, 0x06, 0x08, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x02, 0x02, 0x01, 0x01,
        0x30, 0x0F, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02, 0x02, 0x01, 0x01,
        0x30, 0x12, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02, 0x02, 0x01, 0x02,
        0x02, 0x01, 0x0D,
    ]
}
