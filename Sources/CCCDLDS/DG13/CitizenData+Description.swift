extension CitizenData: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: lists which indices are present, never their content (personal data stays out of logs).
    public var description: String {
        "CitizenData(indices: \(fields.keys.sorted().map(String.init).joined(separator: ",")))"
    }

    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
