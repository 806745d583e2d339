import CCCDTransport

/// What the unprotect step returns: the plain response and whether its status word was
/// authenticated. ICAO 9303-11 §9.8.4 makes DO'99' optional; without it the status word can only
/// come from the unprotected trailer, which the MAC does not cover (the data, when present, are
/// still covered by DO'8E').
public struct UnprotectedResponse: Sendable, Equatable {
    /// The plain response (data from DO'87'/DO'85', status word from DO'99' or the trailer).
    public var response: ResponseAPDU
    /// True when the status word came from DO'99' (inside the MAC); false when it came from the
    /// trailer of a response without DO'99'.
    public var statusAuthenticated: Bool

    public init(response: ResponseAPDU, statusAuthenticated: Bool) {
        self.response = response
        self.statusAuthenticated = statusAuthenticated
    }

    public var data: [UInt8] { response.data }
    public var status: StatusWord { response.status }
}
