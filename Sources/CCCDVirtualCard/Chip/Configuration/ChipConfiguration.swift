/// What an eMRTD chip knows and offers: its access keys, the protocols of EF.CardAccess, an
/// optional Chip Authentication key (CA, PACE-CAM), an optional Active Authentication key and the
/// ISO 7816-4 behaviour of its card profile.
/// Codable, so a data set's `card.json` can describe the card; every key is optional in JSON and
/// defaults to a CCCD-like chip.
///
/// `description` never shows the CAN, the MRZ data or the keys.
public struct ChipConfiguration: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The card access number (PACE password reference 2); nil = PACE-CAN not accepted.
    public var can: String?
    /// MRZ data (BAC, PACE password reference 1); nil = neither accepted.
    public var mrz: MRZKeyInformation?
    /// Whether BAC is offered (GET CHALLENGE / EXTERNAL AUTHENTICATE answered).
    public var offersBAC: Bool
    /// The PACE algorithms offered, in EF.CardAccess order. Empty = no PACE and no EF.CardAccess.
    public var pace: [PACEOffer]
    /// Further SecurityInfos listed in EF.CardAccess (CCCDs list TA and CA).
    public var announcedSecurityInfos: [AnnouncedSecurityInfo]
    /// The static Chip Authentication key; required when a CAM algorithm is offered. With a key
    /// the chip answers Chip Authentication (MSE:Set KAT, MSE:Set AT + GENERAL AUTHENTICATE).
    public var chipAuthenticationKey: ChipAuthenticationKey?
    /// The Active Authentication private key (PEM, RSA or EC); with a key the chip answers
    /// INTERNAL AUTHENTICATE under secure messaging.
    public var activeAuthenticationKeyPEM: String?
    /// A cloned chip: the files are genuine, but the chip signs (AA) and agrees keys (CA, CAM) with
    /// freshly generated keys that do not match DG15 / DG14.
    public var clone: Bool
    public var profile: CardProfile

    public init(can: String? = nil, mrz: MRZKeyInformation? = nil, offersBAC: Bool = true,
                pace: [PACEOffer] = [.cccd],
                announcedSecurityInfos: [AnnouncedSecurityInfo] = [.terminalAuthentication, .chipAuthenticationECDHAES128],
                chipAuthenticationKey: ChipAuthenticationKey? = nil, activeAuthenticationKeyPEM: String? = nil,
                clone: Bool = false, profile: CardProfile = .extended)
    {
        self.can = can
        self.mrz = mrz
        self.offersBAC = offersBAC
        self.pace = pace
        self.announcedSecurityInfos = announcedSecurityInfos
        self.chipAuthenticationKey = chipAuthenticationKey
        self.activeAuthenticationKeyPEM = activeAuthenticationKeyPEM
        self.clone = clone
        self.profile = profile
    }

    /// A CCCD-like chip: PACE-GM ECDH brainpoolP256r1 AES-128 and BAC, EF.CardAccess as published.
    public static func cccd(can: String?, mrz: MRZKeyInformation?, profile: CardProfile = .extended)
        -> ChipConfiguration
    {
        ChipConfiguration(can: can, mrz: mrz, profile: profile)
    }

    /// Checks the parts fit together.
    public func validate() throws(ChipError) {
        for offer in pace {
            try offer.validate()
            if offer.mapping == .chipAuthentication {
                guard let key = chipAuthenticationKey else { throw .configuration("CAM offered without a chip authentication key") }
                guard key.parameterID == offer.parameterID else {
                    throw .configuration("the chip authentication key must use the PACE parameters \(offer.parameterID)")
                }
                _ = try key.publicKey()
            }
        }
        if offersBAC && mrz == nil { throw .configuration("BAC needs the MRZ data") }
        if !pace.isEmpty && can == nil && mrz == nil { throw .configuration("PACE needs a CAN or the MRZ data") }
        if let can, can.isEmpty || can.unicodeScalars.contains(where: { $0.value > 0xFF }) {
            throw .configuration("the CAN must be non-empty ISO 8859-1 text")
        }
        if let mrz { _ = try mrz.mrzInformation() }
        if let key = chipAuthenticationKey { _ = try key.publicKey() }
        if let pem = activeAuthenticationKeyPEM { _ = try ActiveAuthenticationKey(pem: pem) }
    }

    /// The DER contents of EF.CardAccess, nil when no PACE is offered.
    public func cardAccessContents() throws(ChipError) -> [UInt8]? {
        guard !pace.isEmpty else { return nil }
        return try CardAccessEncoder.encode(pace: pace, announced: announcedSecurityInfos)
    }

    public var description: String {
        "ChipConfiguration(CAN \(can == nil ? "none" : "set"), MRZ \(mrz == nil ? "none" : "set"), BAC \(offersBAC), "
            + "PACE \(pace.map(\.description)), CA key \(chipAuthenticationKey == nil ? "none" : "set"), "
            + "AA key \(activeAuthenticationKeyPEM == nil ? "none" : "set")\(clone ? ", clone" : ""))"
    }

    private enum CodingKeys: String, CodingKey {
        case can, mrz, offersBAC, pace, announcedSecurityInfos, chipAuthenticationKey, activeAuthenticationKeyPEM, clone, profile
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ChipConfiguration()
        can = try c.decodeIfPresent(String.self, forKey: .can)
        mrz = try c.decodeIfPresent(MRZKeyInformation.self, forKey: .mrz)
        offersBAC = try c.decodeIfPresent(Bool.self, forKey: .offersBAC) ?? defaults.offersBAC
        pace = try c.decodeIfPresent([PACEOffer].self, forKey: .pace) ?? defaults.pace
        announcedSecurityInfos = try c.decodeIfPresent([AnnouncedSecurityInfo].self, forKey: .announcedSecurityInfos)
            ?? defaults.announcedSecurityInfos
        chipAuthenticationKey = try c.decodeIfPresent(ChipAuthenticationKey.self, forKey: .chipAuthenticationKey)
        activeAuthenticationKeyPEM = try c.decodeIfPresent(String.self, forKey: .activeAuthenticationKeyPEM)
        clone = try c.decodeIfPresent(Bool.self, forKey: .clone) ?? false
        profile = try c.decodeIfPresent(CardProfile.self, forKey: .profile) ?? defaults.profile
    }
}
