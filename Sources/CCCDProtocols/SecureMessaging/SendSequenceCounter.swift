import CCCDLDS

/// The send sequence counter (ICAO 9303-11 §9.8.2): an unsigned big-endian integer as long as the
/// cipher block (8 bytes for 3DES, 16 for AES), incremented before every command and response.
public struct SendSequenceCounter: Hashable, Sendable {
    public private(set) var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// All-zero counter of the cipher's block size (PACE, Chip Authentication).
    public static func zero(for cipher: SecureMessagingCipher) -> SendSequenceCounter {
        SendSequenceCounter([UInt8](repeating: 0, count: cipher.blockSize))
    }

    /// Adds one, wrapping around to zero after all-ones (as other eMRTD stacks do; ICAO leaves
    /// overflow unspecified and no session gets near it).
    public mutating func increment() {
        var i = bytes.count - 1
        while i >= 0 {
            bytes[i] &+= 1
            if bytes[i] != 0 { return }
            i -= 1
        }
    }

    public func incremented() -> SendSequenceCounter {
        var copy = self
        copy.increment()
        return copy
    }
}
