import SwiftASN1

/// Builds EF.CardAccess (ICAO 9303-11 §9.2.1): SecurityInfos ::= SET OF SecurityInfo, DER.
enum CardAccessEncoder {
    /// SEQUENCE { OBJECT IDENTIFIER, INTEGER version, INTEGER parameterId OPTIONAL }.
    struct Entry: DERSerializable {
        let oid: ASN1ObjectIdentifier
        let version: Int
        let parameterID: Int?

        func serialize(into coder: inout DER.Serializer) throws {
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(oid)
                try coder.serialize(version)
                if let parameterID { try coder.serialize(parameterID) }
            }
        }
    }

    static func encode(pace: [PACEOffer], announced: [AnnouncedSecurityInfo]) throws(ChipError) -> [UInt8] {
        do {
            var entries: [Entry] = []
            for info in announced {
                let arcs = info.oid.split(separator: ".").compactMap { UInt($0) }
                entries.append(Entry(oid: try ASN1ObjectIdentifier(elements: arcs), version: info.version, parameterID: nil))
            }
            for offer in pace {
                entries.append(Entry(oid: try ASN1ObjectIdentifier(elements: offer.oidArcs), version: 2, parameterID: offer.parameterID))
            }
            var serializer = DER.Serializer()
            try serializer.serializeSetOf(entries)
            return serializer.serializedBytes
        } catch {
            throw .configuration("EF.CardAccess cannot be encoded: \(error)")
        }
    }
}
