/// EF.COM: the LDS version and the list of data groups present (ICAO 9303-10 §4.6.1).
public struct EFCOM: Sendable, Hashable, Codable {
    /// LDS version as stored (`5F01`), e.g. `"0107"`.
    public var ldsVersion: String
    /// Unicode version as stored (`5F36`), e.g. `"040000"`.
    public var unicodeVersion: String
    /// The tags listed in `5C`, in order (e.g. `[0x61, 0x75, 0x6D, 0x6E, 0x6F]`).
    public var tagList: [UInt8]
    /// The data groups the tag list names, in order; tags that name no data group are left out.
    public var dataGroups: [DataGroup]

    /// LDS version as `major.minor` (e.g. `"1.7"`), when the stored value is four digits.
    public var ldsVersionText: String? {
        let digits = Array(ldsVersion)
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit),
            let major = Int(String(digits[0...1])), let minor = Int(String(digits[2...3]))
        else { return nil }
        return "\(major).\(minor)"
    }

    /// Unicode version as `major.minor.release` (e.g. `"4.0.0"`), when the stored value is six digits.
    public var unicodeVersionText: String? {
        let digits = Array(unicodeVersion)
        guard digits.count == 6, digits.allSatisfy(\.isASCIIDigit),
            let major = Int(String(digits[0...1])), let minor = Int(String(digits[2...3])),
            let release = Int(String(digits[4...5]))
        else { return nil }
        return "\(major).\(minor).\(release)"
    }

    public init(ldsVersion: String, unicodeVersion: String, tagList: [UInt8], dataGroups: [DataGroup]) {
        self.ldsVersion = ldsVersion
        self.unicodeVersion = unicodeVersion
        self.tagList = tagList
        self.dataGroups = dataGroups
    }
}
