import SwiftASN1

/// Parses DG15 (tag `6F`): the Active Authentication public key.
public enum DG15Parser {
    /// Parses the bytes of DG15: `6F { SubjectPublicKeyInfo }`.
    ///
    /// The SubjectPublicKeyInfo must be DER (it is handed to OpenSSL as is).
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> PublicKeyInfo {
        let file = try TLVReader.file(bytes[...], tag: 0x6F, context: "DG15")
        let node = try ASN1Parsing.parse(file.value, rules: .der, context: "DG15 SubjectPublicKeyInfo")
        return try PublicKeyInfoParser.parse(node: node)
    }
}
