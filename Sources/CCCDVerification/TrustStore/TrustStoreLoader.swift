import CCCDLDS
import Foundation

/// Loads a ``TrustStore`` from files and folders: CSCA certificates (PEM or DER), CRLs (PEM or
/// DER), ICAO CSCA master lists (`.ml`, CMS), and document signer certificates. Every file is
/// reported as loaded or skipped, with the reason.
public enum TrustStoreLoader {
    /// Largest file read (master lists are a few MB).
    static let maximumFileSize = 64 << 20

    /// Loads every path (a file, or a folder whose files are loaded, one level of subfolders
    /// included). Master lists are processed last, so their signers can be checked against the
    /// CSCAs named directly; `base` anchors (e.g. the default store) count as trusted for that too.
    public static func load(paths: [URL], base: TrustStore = .empty, at time: Date = Date()) -> TrustStore {
        var report = TrustStoreLoadReport()
        var anchors: [X509Certificate] = []
        var signers: [X509Certificate] = []
        var lists: [X509RevocationList] = []
        var masterLists: [(String, [UInt8])] = []

        for file in expand(paths, report: &report) {
            let name = file.path
            guard let data = try? Data(contentsOf: file), data.count <= maximumFileSize else {
                report.entries.append(.init(source: name, kind: .unknown, outcome: .skipped, detail: "cannot read the file"))
                continue
            }
            let bytes = [UInt8](data)
            switch classify(bytes, name: name) {
            case .pem:
                let certificates = X509Certificate.certificates(pem: bytes)
                let crls = X509RevocationList.revocationLists(pem: bytes)
                if certificates.isEmpty && crls.isEmpty {
                    let isKey = bytes.firstRange(of: Array("PRIVATE KEY-----".utf8)) != nil
                    report.entries.append(.init(
                        source: name, kind: .unknown, outcome: .skipped,
                        detail: isKey ? "a private key, not trust material" : "no certificate or CRL in the PEM text"))
                }
                for certificate in certificates {
                    add(certificate, source: name, anchors: &anchors, signers: &signers, report: &report)
                }
                if !crls.isEmpty {
                    lists += crls
                    report.entries.append(.init(
                        source: name, kind: .revocationList, outcome: .loaded, detail: "CRL", count: crls.count))
                }
            case .certificate(let certificate):
                add(certificate, source: name, anchors: &anchors, signers: &signers, report: &report)
            case .revocationList(let list):
                lists.append(list)
                report.entries.append(.init(
                    source: name, kind: .revocationList, outcome: .loaded, detail: "CRL of \(list.issuer)", count: 1))
            case .masterList:
                masterLists.append((name, bytes))
            case .unknown(let why):
                report.entries.append(.init(source: name, kind: .unknown, outcome: .skipped, detail: why))
            }
        }

        // Master lists: their signer is checked against the anchors known without them.
        let known = TrustStore(anchors: base.anchors + anchors, revocationLists: base.revocationLists + lists)
        for (name, bytes) in masterLists {
            let outcome = MasterListLoader.load(bytes, source: name, trustedBy: known, at: time)
            report.entries += outcome.entries
            anchors += outcome.certificates
        }
        return TrustStore(
            anchors: base.anchors + anchors, revocationLists: base.revocationLists + lists,
            documentSigners: base.documentSigners + signers, report: base.report.appending(report))
    }

    /// Files named by the paths: files as they are, folders' files sorted by name (one level of
    /// subfolders), hidden files ignored.
    static func expand(_ paths: [URL], report: inout TrustStoreLoadReport) -> [URL] {
        var files: [URL] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                report.entries.append(.init(source: path.path, kind: .unknown, outcome: .skipped, detail: "no such file"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries = ((try? manager.contentsOfDirectory(atPath: path.path)) ?? []).sorted()
            for entry in entries where !entry.hasPrefix(".") {
                let url = path.appendingPathComponent(entry)
                var childIsDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &childIsDirectory) else { continue }
                if childIsDirectory.boolValue {
                    let inner = ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                    for name in inner where !name.hasPrefix(".") {
                        let child = url.appendingPathComponent(name)
                        var deeper: ObjCBool = false
                        if manager.fileExists(atPath: child.path, isDirectory: &deeper), !deeper.boolValue {
                            files.append(child)
                        }
                    }
                } else {
                    files.append(url)
                }
            }
        }
        return files
    }

    /// What a trust-material file holds.
    public enum Classified {
        case pem
        case certificate(X509Certificate)
        case revocationList(X509RevocationList)
        case masterList
        case unknown(String)
    }

    /// What a file holds, by content (the extension is only a hint).
    public static func classify(_ bytes: [UInt8], name: String) -> Classified {
        if bytes.starts(with: Array("-----BEGIN".utf8)) || bytes.firstRange(of: Array("-----BEGIN ".utf8)) != nil {
            return .pem
        }
        guard bytes.first == 0x30 else { return .unknown("neither PEM nor DER") }
        if let certificate = try? X509Certificate(der: bytes) { return .certificate(certificate) }
        if let list = try? X509RevocationList(der: bytes) { return .revocationList(list) }
        if (try? MasterList(der: bytes)) != nil { return .masterList }
        if let signedData = try? SignedDataParser.parse(contentInfo: bytes) {
            return .unknown("CMS SignedData with eContentType \(signedData.encapsulatedContentType), not a CSCA master list")
        }
        return .unknown("not a certificate, CRL or CSCA master list")
    }

    static func add(
        _ certificate: X509Certificate, source: String, anchors: inout [X509Certificate],
        signers: inout [X509Certificate], report: inout TrustStoreLoadReport
    ) {
        if certificate.isCertificateAuthority {
            anchors.append(certificate)
            report.entries.append(.init(
                source: source, kind: .cscaCertificate, outcome: .loaded, detail: certificate.subject, count: 1))
        } else {
            // Not a CA: kept only to find the signer of an EF.SOD that omits it, never as an anchor.
            signers.append(certificate)
            report.entries.append(.init(
                source: source, kind: .documentSignerCertificate, outcome: .warning,
                detail: "not a CA certificate, used only as a known document signer: \(certificate.subject)", count: 1))
        }
    }
}

/// Loads the certificates of one CSCA master list after verifying its signature.
public enum MasterListLoader {
    public struct Outcome: Sendable {
        /// The CSCA certificates of the list (empty when its signature does not verify).
        public var certificates: [X509Certificate]
        public var entries: [TrustStoreLoadReport.Entry]
    }

    /// Verifies the list's CMS signature and, against `known`, its signer's path at `time`.
    public static func load(_ bytes: [UInt8], source: String, trustedBy known: TrustStore, at time: Date) -> Outcome {
        let list: MasterList
        do {
            list = try MasterList(der: bytes)
        } catch {
            return Outcome(certificates: [], entries: [.init(
                source: source, kind: .masterList, outcome: .skipped, detail: "\(error)")])
        }
        let inList = list.certificates.compactMap { try? X509Certificate(der: $0) }
        let undecodable = list.certificates.count - inList.count
        let cms = SignedDataCheck.run(list.signedData, requireSignedAttributes: false)
        guard cms.signatureValid, let signer = cms.signer,
            !cms.reasons.contains(where: { $0.severity == .failure })
        else {
            let why = cms.reasons.map(\.message).joined(separator: "; ")
            return Outcome(certificates: [], entries: [.init(
                source: source, kind: .masterList, outcome: .skipped,
                detail: "master list signature does not verify, list ignored: \(why)")])
        }
        let anchors = inList.filter(\.isCertificateAuthority)
        var entries: [TrustStoreLoadReport.Entry] = []
        let chain = ChainCheck.run(signer: signer, intermediates: [], store: known, at: time)
        if chain.anchor != nil, !chain.reasons.contains(where: { $0.severity == .failure }) {
            entries.append(.init(
                source: source, kind: .masterList, outcome: .loaded,
                detail: "signature verified; signer \(signer.subject) chains to a trusted CSCA", count: anchors.count))
        } else {
            entries.append(.init(
                source: source, kind: .masterList, outcome: .warning,
                detail: "signature verified but its signer \(signer.subject) is not trusted; certificates loaded only because the list was named explicitly",
                count: anchors.count))
        }
        if undecodable > 0 || anchors.count < inList.count {
            entries.append(.init(
                source: source, kind: .masterList, outcome: .skipped,
                detail: "\(undecodable) undecodable and \(inList.count - anchors.count) non-CA certificates skipped",
                count: undecodable + inList.count - anchors.count))
        }
        return Outcome(certificates: anchors, entries: entries)
    }
}
