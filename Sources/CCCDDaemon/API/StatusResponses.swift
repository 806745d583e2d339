/// `GET /healthz`.
public struct HealthResponse: Codable, Sendable, Equatable {
    public var status: String
    public var version: String
}

/// A reader as the API shows it.
public struct ReaderDescription: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String
    public var cardPresent: Bool
    public var busy: Bool

    public init(index: Int, name: String, cardPresent: Bool, busy: Bool) {
        self.index = index
        self.name = name
        self.cardPresent = cardPresent
        self.busy = busy
    }
}

/// `GET /v1/status`.
public struct StatusResponse: Codable, Sendable, Equatable {
    public var service: String
    public var version: String
    public var uptimeSeconds: Int
    public var readers: [ReaderDescription]
    /// The trust store's freshness (anchors, CRLs, last scheduled refresh).
    public var trust: TrustStatus?
}

/// `GET /v1/readers`.
public struct ReadersResponse: Codable, Sendable, Equatable {
    public var readers: [ReaderDescription]
}

/// `POST /v1/sessions/{id}/cancel`.
public struct CancelResponse: Codable, Sendable, Equatable {
    public var sessionId: String
    public var cancelled: Bool
}
