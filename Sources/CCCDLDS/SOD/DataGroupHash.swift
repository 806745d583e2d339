/// One `DataGroupHash`.
public struct DataGroupHash: Sendable, Hashable, Codable {
    /// The data-group number (1–16 for ICAO data groups).
    public var number: Int
    /// The hash value.
    public var hash: [UInt8]

    /// The data group, when the number is 1–16.
    public var dataGroup: DataGroup? { DataGroup(number: number) }

    public init(number: Int, hash: [UInt8]) {
        self.number = number
        self.hash = hash
    }
}
