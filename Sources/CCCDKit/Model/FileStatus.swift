import CCCDLDS

/// What happened to one file during the read (the `files` block of the JSON, keyed by file name).
public enum FileStatus: Sendable, Hashable, Codable {
    /// Read completely: `bytes` long.
    case read(bytes: Int)
    /// The card has no such file.
    case absent
    /// The card protects the file (e.g. DG3/DG4 need Terminal Authentication); not a failure.
    case notAccessible
    /// Listed in EF.COM but not requested by the read options.
    case skipped

    private enum CodingKeys: String, CodingKey { case status, bytes }

    /// The status word in JSON: `read`, `absent`, `not-accessible`, `skipped`.
    public var name: String {
        switch self {
        case .read: "read"
        case .absent: "absent"
        case .notAccessible: "not-accessible"
        case .skipped: "skipped"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .status)
        if case .read(let bytes) = self { try c.encode(bytes, forKey: .bytes) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .status) {
        case "read": self = .read(bytes: try c.decodeIfPresent(Int.self, forKey: .bytes) ?? 0)
        case "absent": self = .absent
        case "not-accessible": self = .notAccessible
        default: self = .skipped
        }
    }
}
