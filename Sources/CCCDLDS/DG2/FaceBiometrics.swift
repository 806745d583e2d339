/// DG2: the encoded face(s) of the holder.
public struct FaceBiometrics: Sendable, Hashable, Codable {
    /// The CBEFF templates, each with its biometric header.
    public var group: BiometricInformationGroup
    /// The ISO/IEC 19794-5 record of each template, in the same order as `group.templates`.
    public var records: [FacialRecord]

    /// Every face of every template, in order.
    public var faces: [FaceImage] { records.flatMap(\.faces) }

    /// The first face: the portrait to show and match.
    public var primaryFace: FaceImage? { records.first?.faces.first }

    public init(group: BiometricInformationGroup, records: [FacialRecord]) {
        self.group = group
        self.records = records
    }
}

extension FaceBiometrics: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: sizes and counts only, never personal data.
    public var description: String {
        "DG2(\(faces.count) face(s): \(faces.map(\.description).joined(separator: ", ")))"
    }
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
