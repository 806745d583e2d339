import CCCDCrypto

/// Every data group read is hashed with EF.SOD's algorithm and compared with EF.SOD; a group read
/// but absent from EF.SOD, and one in EF.SOD but not read, are reported.
public enum DataGroupHashCheck {
    /// Compares `dataGroups` (number → bytes) with `expected` (number → hash) under `algorithmOID`.
    public static func run(dataGroups: [Int: [UInt8]], expected: [Int: [UInt8]], algorithmOID: String)
        -> (reasons: [VerificationReason], checks: [Int: DataGroupCheck])
    {
        var reasons: [VerificationReason] = []
        var checks: [Int: DataGroupCheck] = [:]
        guard let algorithm = Digest.algorithm(oid: algorithmOID) else {
            reasons.append(VerificationReason(
                .hashAlgorithmUnsupported, .incomplete, "EF.SOD hash algorithm \(algorithmOID) is not supported"))
            for number in dataGroups.keys { checks[number] = .unchecked }
            return (reasons, checks)
        }
        for number in dataGroups.keys.sorted() {
            guard let bytes = dataGroups[number] else { continue }
            guard let stored = expected[number] else {
                checks[number] = .notInSecurityObject
                reasons.append(VerificationReason(
                    .dataGroupNotInSecurityObject, .failure,
                    "DG\(number) was read but EF.SOD has no hash for it", dataGroup: number))
                continue
            }
            if stored.count != algorithm.digestLength {
                checks[number] = .hashMismatch
                reasons.append(VerificationReason(
                    .dataGroupHashLengthMismatch, .failure,
                    "EF.SOD holds a \(stored.count)-byte hash for DG\(number) but declares \(algorithm.rawValue)",
                    dataGroup: number))
                continue
            }
            guard let actual = try? Digest.hash(bytes, algorithm: algorithm) else {
                checks[number] = .unchecked
                reasons.append(VerificationReason(
                    .hashAlgorithmUnsupported, .incomplete, "hashing DG\(number) failed", dataGroup: number))
                continue
            }
            if actual == stored {
                checks[number] = .valid
            } else {
                checks[number] = .hashMismatch
                reasons.append(VerificationReason(
                    .dataGroupHashMismatch, .failure, "DG\(number) does not match its hash in EF.SOD",
                    dataGroup: number))
            }
        }
        for number in expected.keys.sorted() where dataGroups[number] == nil {
            checks[number] = .notRead
            reasons.append(VerificationReason(
                .dataGroupNotRead, .info, "DG\(number) is listed in EF.SOD but was not read", dataGroup: number))
        }
        if dataGroups.isEmpty {
            reasons.append(VerificationReason(.noDataGroups, .incomplete, "no data group was read"))
        }
        return (reasons, checks)
    }
}
