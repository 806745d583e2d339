import CCCDLDS

/// EF.COM: the LDS version and the data groups the chip claims to hold.
enum EFCOMTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let com = try? EFCOMParser.parse(bytes) else { return .rejected }
        try Invariant.check(
            com.dataGroups == com.tagList.compactMap(DataGroup.init(ldsTag:)), .efCOM,
            "dataGroups is not the tag list's data groups in order")
        try Invariant.check(com.tagList.count < bytes.count, .efCOM, "more tags than input bytes")
        try Invariant.jsonRoundTrip(com, .efCOM)
        return .accepted
    }
}
