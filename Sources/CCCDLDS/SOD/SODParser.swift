import SwiftASN1

/// Parses EF.SOD (tag `77`): `77 { ContentInfo { signedData { … LDSSecurityObject … } } }`.
public enum SODParser {
    /// Parses the bytes of EF.SOD. Nothing is verified here.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> DocumentSecurityObject {
        let root = try ASN1Parsing.parseFile(bytes[...], tag: 0x77, rules: .ber, context: "EF.SOD")
        let children = try root.children("EF.SOD")
        guard children.count == 1, let contentInfo = children.first else {
            throw .unexpectedStructure(context: "EF.SOD: expected one ContentInfo")
        }
        let signedData = try SignedDataParser.parse(contentInfo: contentInfo)
        // ICAO names ldsSecurityObject; early documents wrote plain id-data. Anything else is not EF.SOD.
        let contentTypes = [ObjectIdentifiers.ldsSecurityObject, ObjectIdentifiers.data]
        guard contentTypes.contains(signedData.encapsulatedContentType) else {
            throw .invalidValue(context: "EF.SOD: eContentType \(signedData.encapsulatedContentType)")
        }
        guard let content = signedData.encapsulatedContent else {
            throw .unexpectedStructure(context: "EF.SOD: eContent missing")
        }
        let lds = try LDSSecurityObjectParser.parse(content)
        return DocumentSecurityObject(signedData: signedData, ldsSecurityObject: lds)
    }
}
