import COpenSSL

/// Compares X.509 Names the way OpenSSL does (canonical form), so an issuer DN re-encoded with
/// other string types still matches.
enum NameComparison {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        guard let na = OSSL.decode(a, { d2i_X509_NAME(nil, $0, $1) }) else { return false }
        defer { X509_NAME_free(na) }
        guard let nb = OSSL.decode(b, { d2i_X509_NAME(nil, $0, $1) }) else { return false }
        defer { X509_NAME_free(nb) }
        return X509_NAME_cmp(na, nb) == 0
    }
}
