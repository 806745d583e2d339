import CCCDLDS
import CCCDTransport

/// What reading one file gave.
public enum FileReadOutcome: Sendable, Equatable {
    /// The file's bytes, exactly as stored on the chip.
    case content([UInt8])
    /// The card has no such file (`6A 82`).
    case absent
    /// The card protects the file (e.g. DG3/DG4 answer `69 82` without Terminal Authentication).
    case notAccessible(StatusWord)

    /// The bytes, when the file was read.
    public var bytes: [UInt8]? {
        if case .content(let bytes) = self { return bytes }
        return nil
    }
}

/// Progress of one file: bytes read so far and, once its header is known, the total.
public struct FileProgress: Sendable, Equatable, CustomStringConvertible {
    public var file: LDSFile
    public var bytesRead: Int
    /// `nil` until the first read has returned the file's TLV header.
    public var totalBytes: Int?

    public init(file: LDSFile, bytesRead: Int, totalBytes: Int?) {
        self.file = file
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    public var description: String { "\(file) \(bytesRead)/\(totalBytes.map(String.init) ?? "?")" }
}
