import CCCDProtocols

/// The `access` block: how the reader got access to the chip.
public struct AccessSummary: Sendable, Hashable, Codable {
    /// `PACE`, `BAC`, or `none` for a card read without access control (test cards only).
    public var `protocol`: String
    /// The PACE algorithm, e.g. `ECDH-GM-AES-128`.
    public var algorithm: String?
    /// The PACE standardized domain parameter ID (13 = brainpoolP256r1).
    public var parameterId: Int?
    /// True when PACE was chosen from an assumed EF.CardAccess (the card's could not be read).
    public var cardAccessAssumed: Bool?

    public init(protocol: String, algorithm: String? = nil, parameterId: Int? = nil, cardAccessAssumed: Bool? = nil) {
        self.protocol = `protocol`
        self.algorithm = algorithm
        self.parameterId = parameterId
        self.cardAccessAssumed = cardAccessAssumed
    }

    /// No access control was run.
    public static let none = AccessSummary(protocol: "none")

    init(_ result: AccessResult) {
        switch result.protocolUsed {
        case .pace(let algorithm, let id):
            self.init(protocol: "PACE", algorithm: "\(algorithm)", parameterId: id,
                      cardAccessAssumed: result.cardAccessAssumed)
        case .bac:
            self.init(protocol: "BAC")
        }
    }
}
