import CCCDCrypto
import COpenSSL
import Foundation

/// Compares X.509 Names the way OpenSSL does (canonical form), so an issuer DN re-encoded with
/// other string types still matches.
enum NameComparison {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        guard let na = OpenSSLDER.decode(a, { d2i_X509_NAME(nil, $0, $1) }) else { return false }
        defer { X509_NAME_free(na) }
        guard let nb = OpenSSLDER.decode(b, { d2i_X509_NAME(nil, $0, $1) }) else { return false }
        defer { X509_NAME_free(nb) }
        return X509_NAME_cmp(na, nb) == 0
    }

    /// Whether two Names hold the same attributes in any order. Real documents' SignerInfos name
    /// their issuer with the RDNs in another order than the certificate (a Malaysian passport):
    /// the signer is still that certificate. Values compare case-insensitively with outer spaces
    /// trimmed, as RFC 5280's caseIgnoreMatch does for the usual string types.
    static func sameAttributes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard let left = attributes(a), let right = attributes(b), !left.isEmpty else { return false }
        return left == right
    }

    /// The (type, normalised value) pairs of a Name, sorted; nil when it does not decode.
    private static func attributes(_ der: [UInt8]) -> [String]? {
        guard let name = OpenSSLDER.decode(der, { d2i_X509_NAME(nil, $0, $1) }) else { return nil }
        defer { X509_NAME_free(name) }
        var result: [String] = []
        for index in 0..<X509_NAME_entry_count(name) {
            guard let entry = X509_NAME_get_entry(name, index), let object = X509_NAME_ENTRY_get_object(entry),
                let data = X509_NAME_ENTRY_get_data(entry)
            else { return nil }
            var oid = [CChar](repeating: 0, count: 128)
            guard OBJ_obj2txt(&oid, Int32(oid.count), object, 1) > 0 else { return nil }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            guard length >= 0, let utf8 else { return nil }
            let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
            CRYPTO_free(utf8, #fileID, #line)
            let normalised = value.trimmingCharacters(in: .whitespaces).lowercased()
            result.append(String(cString: oid) + "=" + normalised)
        }
        return result.sorted()
    }
}
