import CCCDVerification

/// ICAO CSCA master lists (CMS around a SET of certificates); every certificate the list yields is
/// then handed to OpenSSL the way the trust store loader does.
enum MasterListTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let list = try? MasterList(der: bytes) else { return .rejected }
        try Invariant.check(list.signedData.encapsulatedContentType == MasterList.contentType, .masterList, "wrong content type accepted")
        let total = list.certificates.reduce(0) { $0 + $1.count }
        try Invariant.check(total <= bytes.count, .masterList, "certificates hold more bytes than the list")
        for der in list.certificates {
            // Parsing only: OpenSSL's result is not ours to check, the wrapper must not trap.
            _ = try? X509Certificate(der: der)
        }
        return .accepted
    }
}
