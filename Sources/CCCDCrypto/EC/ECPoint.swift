/// An affine elliptic-curve point (never the point at infinity), coordinates as big-endian field
/// elements padded to the field size.
public struct ECPoint: Hashable, Sendable {
    public let x: [UInt8]
    public let y: [UInt8]

    public init(x: [UInt8], y: [UInt8]) {
        self.x = x
        self.y = y
    }

    /// SEC 1 / TR-03111 uncompressed encoding `04 ‖ x ‖ y`.
    public var uncompressed: [UInt8] { [0x04] + x + y }
}
