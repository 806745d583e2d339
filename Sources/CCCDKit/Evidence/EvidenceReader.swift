import CCCDLDS
import CCCDVerification
import Foundation

/// Reads a `cccdkit-evidence/1` bundle back into a dump (files, AA and PACE-CAM evidence) for offline
/// re-verification (`cccd evidence verify`). Bad input gives ``EvidenceReadError``, never a verdict.
public enum EvidenceReader {
    /// The dump of a bundle, and whether its `documentSigner` is the certificate EF.SOD embeds.
    public struct Contents: Sendable {
        public var dump: DumpFolder
        public var documentSignerMatchesSOD: Bool
    }

    public static func read(_ data: Data) throws(EvidenceReadError) -> Contents {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw .notJSON }
        guard object["format"] as? String == EvidenceBundle.formatName else { throw .wrongFormat }
        guard let raw = object["raw"] as? [String: Any] else { throw .missing("raw") }
        var files: [LDSFile: [UInt8]] = [:]
        for (key, value) in raw {
            guard let text = value as? String else { continue }
            guard let bytes = Data(base64Encoded: text), bytes.count <= 4 << 20 else { throw .badBase64("raw.\(key)") }
            guard let file = file(for: key) else { throw .unknownFile(key) }
            files[file] = [UInt8](bytes)
        }
        guard !files.isEmpty else { throw .missing("raw") }
        var evidence: ActiveAuthenticationEvidence?
        if let aa = object["activeAuthentication"] as? [String: Any] {
            guard let c = (aa["challenge"] as? String).flatMap({ Data(base64Encoded: $0) }),
                let r = (aa["response"] as? String).flatMap({ Data(base64Encoded: $0) }), c.count <= 256, r.count <= 4096
            else { throw .badBase64("activeAuthentication") }
            evidence = ActiveAuthenticationEvidence(challenge: [UInt8](c), response: [UInt8](r), algorithm: aa["algorithm"] as? String)
        }
        var chip: ChipAuthenticationEvidence?
        if let ca = object["chipAuthentication"] as? [String: Any], ca["mappingKey"] != nil || ca["caIC"] != nil {
            // Half of PACE-CAM's data, or bytes that are not base64, is a bad bundle (never a silent not-performed).
            guard let m = (ca["mappingKey"] as? String).flatMap({ Data(base64Encoded: $0) }),
                let c = (ca["caIC"] as? String).flatMap({ Data(base64Encoded: $0) }), !m.isEmpty, !c.isEmpty,
                m.count <= 1024, c.count <= 1024
            else { throw .badBase64("chipAuthentication") }
            chip = ChipAuthenticationEvidence(
                protocolOID: ca["protocol"] as? String, protocolName: ca["protocolName"] as? String,
                keyId: ca["keyId"] as? Int, domainParameterId: ca["domainParameterId"] as? Int,
                mappingKey: [UInt8](m), caIC: [UInt8](c))
        }
        var matches = true
        if let signer = object["documentSigner"] as? [String: Any] {
            let der = (signer["der"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
            let embedded = files[.sod].flatMap { DocumentSignerCertificate.embedded(inSOD: $0) }?.der
            matches = der != nil && der == embedded
        }
        let dump = DumpFolder(files: files, activeAuthentication: evidence, chipAuthentication: chip)
        return Contents(dump: dump, documentSignerMatchesSOD: matches)
    }

    static func file(for key: String) -> LDSFile? {
        switch key {
        case "com": return .com
        case "sod": return .sod
        case "cardAccess": return .cardAccess
        case "cardSecurity": return .cardSecurity
        default:
            guard key.hasPrefix("dg"), let n = Int(key.dropFirst(2)), let group = DataGroup(rawValue: n) else { return nil }
            return .dataGroup(group)
        }
    }
}

public enum EvidenceReadError: Error, Equatable, Sendable, CustomStringConvertible {
    case notJSON, wrongFormat
    case missing(String)
    case badBase64(String)
    case unknownFile(String)

    public var description: String {
        switch self {
        case .notJSON: "the bundle is not a JSON object"
        case .wrongFormat: "the bundle's format is not \(EvidenceBundle.formatName)"
        case .missing(let key): "the bundle has no \(key)"
        case .badBase64(let key): "\(key) is not base64 (or too large)"
        case .unknownFile(let key): "raw.\(key) is not a chip file name"
        }
    }
}
