/// The LDSSecurityObject signed in EF.SOD (ICAO 9303-10 §4.6.2.2).
public struct LDSSecurityObject: Sendable, Hashable, Codable {
    /// 0 (LDS 1.7) or 1 (LDS 1.8, with ``ldsVersionInfo``).
    public var version: Int
    /// The hash algorithm of the data-group hashes.
    public var hashAlgorithm: AlgorithmIdentifier
    /// The data-group hashes in the order stored.
    public var dataGroupHashes: [DataGroupHash]
    /// LDS and Unicode versions (version 1 only).
    public var ldsVersionInfo: LDSVersionInfo?

    /// Data-group number → hash value.
    public var hashesByNumber: [Int: [UInt8]] {
        Dictionary(dataGroupHashes.map { ($0.number, $0.hash) }, uniquingKeysWith: { first, _ in first })
    }

    /// The hash stored for `group`, if any.
    public func hash(for group: DataGroup) -> [UInt8]? {
        dataGroupHashes.first(where: { $0.number == group.number })?.hash
    }

    public init(
        version: Int, hashAlgorithm: AlgorithmIdentifier, dataGroupHashes: [DataGroupHash],
        ldsVersionInfo: LDSVersionInfo?
    ) {
        self.version = version
        self.hashAlgorithm = hashAlgorithm
        self.dataGroupHashes = dataGroupHashes
        self.ldsVersionInfo = ldsVersionInfo
    }
}
