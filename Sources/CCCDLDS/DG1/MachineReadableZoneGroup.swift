import CCCDMRZ

/// DG1: the machine-readable zone as stored on the chip (tag `61`, MRZ in `5F1F`).
public struct MachineReadableZoneGroup: Sendable, Hashable, Codable {
    /// The MRZ characters exactly as stored (90 for TD1, 72 for TD2, 88 for TD3; no line breaks).
    public var mrzText: String
    /// The parsed MRZ, every check digit verified (CCCDMRZ).
    public var mrz: MRZ

    /// For a Vietnamese CCCD: the 12-digit personal ID from the MRZ optional data.
    public var vietnamesePersonalNumber: String? { mrz.vietnamesePersonalNumber }

    public init(mrzText: String, mrz: MRZ) {
        self.mrzText = mrzText
        self.mrz = mrz
    }
}

extension MachineReadableZoneGroup: CustomStringConvertible {
    /// Redacted: the MRZ is personal data and must not end up in logs.
    public var description: String { "DG1(\(mrz.format.rawValue), \(mrzText.count) characters)" }
}

extension MachineReadableZoneGroup: CustomDebugStringConvertible {
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
