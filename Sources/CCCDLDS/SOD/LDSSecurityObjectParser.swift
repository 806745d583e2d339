import SwiftASN1

/// Parses the LDSSecurityObject (the eContent of EF.SOD).
public enum LDSSecurityObjectParser {
    /// Parses the DER of an LDSSecurityObject:
    /// `SEQUENCE { version, hashAlgorithm, dataGroupHashValues SEQUENCE OF DataGroupHash,
    /// ldsVersionInfo OPTIONAL }`.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> LDSSecurityObject {
        let context = "LDSSecurityObject"
        let node = try ASN1Parsing.parse(bytes[...], rules: .ber, context: context)
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard (3...4).contains(children.count) else {
            throw .unexpectedStructure(context: "\(context): expected 3 or 4 elements")
        }
        let version = try children[0].intValue("\(context) version")
        guard version == 0 || version == 1 else {
            throw .invalidValue(context: "\(context): version \(version)")
        }
        let hashAlgorithm = try AlgorithmIdentifier(node: children[1], context: "\(context) hashAlgorithm")
        try children[2].require(.sequence, "\(context) dataGroupHashValues")
        var hashes: [DataGroupHash] = []
        var seen: Set<Int> = []
        for entry in try children[2].children("\(context) dataGroupHashValues") {
            try entry.require(.sequence, "\(context) DataGroupHash")
            let parts = try entry.children("\(context) DataGroupHash")
            guard parts.count == 2 else { throw .unexpectedStructure(context: "\(context): DataGroupHash") }
            let number = try parts[0].intValue("\(context) dataGroupNumber")
            guard number >= 0 else { throw .invalidValue(context: "\(context): negative data group number") }
            guard seen.insert(number).inserted else {
                throw .invalidValue(context: "\(context): data group \(number) hashed twice")
            }
            let hash = try parts[1].octetStringBytes("\(context) dataGroupHashValue")
            hashes.append(DataGroupHash(number: number, hash: hash))
        }
        var versionInfo: LDSVersionInfo?
        if children.count == 4 {
            try children[3].require(.sequence, "\(context) ldsVersionInfo")
            let parts = try children[3].children("\(context) ldsVersionInfo")
            guard parts.count == 2, let lds = try ASN1StringDecoding.string(from: parts[0]),
                let unicode = try ASN1StringDecoding.string(from: parts[1])
            else { throw .unexpectedStructure(context: "\(context): ldsVersionInfo") }
            versionInfo = LDSVersionInfo(ldsVersion: lds, unicodeVersion: unicode)
        }
        return LDSSecurityObject(
            version: version, hashAlgorithm: hashAlgorithm, dataGroupHashes: hashes, ldsVersionInfo: versionInfo)
    }
}
