/// One biometric information template (`7F60`) of DG2, DG3 or DG4: header and data block.
public struct BiometricTemplate: Sendable, Hashable, Codable {
    /// The biometric header template (`A1`).
    public var header: BiometricHeader
    /// The biometric data block (`5F2E`), or the `7F2E` block as stored.
    public var dataBlock: [UInt8]
    /// Whether the data block has tag `7F2E`: the enciphered form before LDS 2, the constructed
    /// ISO/IEC 39794 block since (DG2 tells them apart by their content).
    public var isEnciphered: Bool

    public init(header: BiometricHeader, dataBlock: [UInt8], isEnciphered: Bool) {
        self.header = header
        self.dataBlock = dataBlock
        self.isEnciphered = isEnciphered
    }
}
