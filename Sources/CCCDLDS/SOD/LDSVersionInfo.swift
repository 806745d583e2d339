/// `LDSVersionInfo ::= SEQUENCE { ldsVersion PrintableString, unicodeVersion PrintableString }`.
public struct LDSVersionInfo: Sendable, Hashable, Codable {
    /// LDS version, e.g. `"0108"`.
    public var ldsVersion: String
    /// Unicode version, e.g. `"040000"`.
    public var unicodeVersion: String

    public init(ldsVersion: String, unicodeVersion: String) {
        self.ldsVersion = ldsVersion
        self.unicodeVersion = unicodeVersion
    }
}
