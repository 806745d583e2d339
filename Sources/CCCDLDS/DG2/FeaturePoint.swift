/// A facial feature point (ISO/IEC 19794-5 §5.6).
public struct FeaturePoint: Sendable, Hashable, Codable {
    /// Feature point type (1 = MPEG-4).
    public var type: UInt8
    /// Major code (high nibble of the code byte).
    public var majorCode: UInt8
    /// Minor code (low nibble).
    public var minorCode: UInt8
    /// Horizontal position in pixels.
    public var x: UInt16
    /// Vertical position in pixels.
    public var y: UInt16

    public init(type: UInt8, majorCode: UInt8, minorCode: UInt8, x: UInt16, y: UInt16) {
        self.type = type
        self.majorCode = majorCode
        self.minorCode = minorCode
        self.x = x
        self.y = y
    }
}
