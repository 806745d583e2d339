import SwiftASN1

/// The data objects in a command's data field (ISO 7816-4: BER-TLV with DER lengths; `80` is
/// context-specific [0], `7C` application 28, constructed), written with swift-asn1's DER
/// serializer. PACE and Chip Authentication build their commands with it.
package enum CommandDataObjects {
    /// The bytes `write` serializes.
    package static func encode(_ write: (inout DER.Serializer) throws -> Void) -> [UInt8] {
        var serializer = DER.Serializer()
        // Only the INTEGER and OID writers throw, and only for values they were built from.
        try? write(&serializer)
        return serializer.serializedBytes
    }

    /// A one-byte context-specific tag: `80 + number`.
    package static func contextTag(_ number: UInt) -> ASN1Identifier {
        ASN1Identifier(tagWithNumber: number, tagClass: .contextSpecific)
    }

    /// `7C`, the Dynamic Authentication Data of GENERAL AUTHENTICATE.
    package static let dynamicAuthenticationData = ASN1Identifier(tagWithNumber: 0x1C, tagClass: .application)
}
