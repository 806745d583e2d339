/// A response APDU: response data followed by the status word.
public struct ResponseAPDU: Hashable, Sendable, CustomStringConvertible {
    public let data: [UInt8]
    public let status: StatusWord

    public init(data: [UInt8], status: StatusWord) {
        self.data = data
        self.status = status
    }

    public init(bytes: [UInt8]) throws(APDUError) {
        guard bytes.count >= 2 else { throw .responseTooShort(bytes.count) }
        self.data = Array(bytes[..<(bytes.count - 2)])
        self.status = StatusWord(bytes[bytes.count - 2], bytes[bytes.count - 1])
    }

    public var bytes: [UInt8] { data + status.bytes }

    /// Lengths and status only, never the data: safe for logs.
    public var description: String { "R-APDU \(data.count) bytes, SW \(status)" }
}
