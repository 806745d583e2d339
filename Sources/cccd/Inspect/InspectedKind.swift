import CCCDLDS

/// What `cccd inspect` takes a file for: from its dump-folder name (`DG2.bin`, `EF.SOD.bin`, …) or
/// extension, else from its first tag. `30` (SEQUENCE) is shared by certificates, CRLs, master lists
/// and EF.CardSecurity; those are told apart by trying their parsers (``InspectedKind/sequenceCandidates``).
enum InspectedKind: Equatable, CustomStringConvertible {
    case lds(LDSFile)
    case certificate
    case revocationList
    case masterList
    /// PEM text: certificates and/or CRLs.
    case pem
    /// A DER SEQUENCE without a telling name: certificate, CRL, master list or EF.CardSecurity.
    case sequence

    /// The kinds tried, in order, for a `30` file without a telling name.
    static let sequenceCandidates: [InspectedKind] = [.certificate, .revocationList, .masterList, .lds(.cardSecurity)]

    /// The kind, or `nil` when neither the name nor the first byte tell.
    static func detect(fileName: String, bytes: [UInt8]) -> InspectedKind? {
        if let file = LDSFile.allFiles.first(where: { $0.dumpFileName.lowercased() == fileName.lowercased() }) {
            return .lds(file)
        }
        if bytes.starts(with: Array("-----BEGIN".utf8)) { return .pem }
        switch fileName.split(separator: ".").last.map(String.init)?.lowercased() ?? "" {
        case "ml": return .masterList
        case "crl": return .revocationList
        case "cer", "crt": return .certificate
        default: break
        }
        guard let first = bytes.first else { return nil }
        if first == 0x30 { return .sequence }
        if first == 0x31 { return .lds(.cardAccess) }
        return LDSFile.allFiles.first { $0.outerTag == first && $0 != .cardAccess && $0 != .cardSecurity }.map { .lds($0) }
    }

    var description: String {
        switch self {
        case .lds(let file): file.description
        case .certificate: "X.509 certificate"
        case .revocationList: "X.509 CRL"
        case .masterList: "ICAO master list"
        case .pem: "PEM"
        case .sequence: "DER SEQUENCE"
        }
    }
}
