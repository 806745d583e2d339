import CCCDVerification
import Foundation

/// What `cccd trust add` did with one item.
package struct TrustAddOutcome: Sendable, Codable, Hashable, CustomStringConvertible {
    package enum Status: String, Sendable, Codable, Hashable {
        case added, replaced, unchanged, refused
    }

    package var status: Status
    /// The file given.
    package var source: String
    /// The folder file written (or already there).
    package var file: String?
    package var detail: String

    package var description: String {
        "\(status.rawValue): \(source)\(file.map { " → \($0)" } ?? ""): \(detail)"
    }
}

extension TrustFolder {
    /// Installs certificates, CRLs and master lists from files and folders (a folder's files, not
    /// recursive). Certificates first, so a CSCA and its CRL can be added together; a CRL is
    /// installed only when an installed CSCA signed it, and only when newer than the one it
    /// replaces; a master list only when its CMS signature verifies.
    package func add(_ paths: [URL], at time: Date = Date()) throws(TrustFolderError) -> [TrustAddOutcome] {
        var outcomes: [TrustAddOutcome] = []
        var items: [(source: String, item: TrustItem)] = []
        for file in Self.expand(paths) {
            guard let data = try? Data(contentsOf: file) else {
                outcomes.append(.init(status: .refused, source: file.path, file: nil, detail: "cannot read the file"))
                continue
            }
            switch TrustItem.decode([UInt8](data), name: file.path) {
            case .success(let decoded): items += decoded.map { (file.path, $0) }
            case .failure(.unusable(let why)):
                outcomes.append(.init(status: .refused, source: file.path, file: nil, detail: why))
            }
        }
        func rank(_ item: TrustItem) -> Int {
            switch item {
            case .certificate: 0
            case .masterList: 1
            case .revocationList: 2
            }
        }
        for (source, item) in items.sorted(by: { rank($0.item) < rank($1.item) }) {
            outcomes.append(try install(item, source: source, at: time))
        }
        return outcomes
    }

    private func install(_ item: TrustItem, source: String, at time: Date) throws(TrustFolderError) -> TrustAddOutcome {
        switch item {
        case .certificate(let certificate):
            let name = item.fileName(crlIssuer: nil)
            if exists(name) { return .init(status: .unchanged, source: source, file: name, detail: certificate.subject) }
            try write(item.der, as: name)
            let kind = certificate.isCertificateAuthority
                ? (certificate.isSelfSigned ? "CSCA" : "CSCA link certificate")
                : "document signer (not a trust anchor; used to find the signer of an EF.SOD that omits it)"
            let official = OfficialAnchor.matching(sha256: TrustFolder.fingerprint(certificate.der)).map { ", official: \($0.label)" } ?? ""
            return .init(status: .added, source: source, file: name, detail: "\(kind) \(certificate.subject)\(official)")
        case .masterList(let list, let der):
            let known = store(at: time)
            let outcome = MasterListLoader.load(der, source: source, trustedBy: known, at: time)
            guard !outcome.certificates.isEmpty else {
                let why = outcome.entries.map(\.detail).joined(separator: "; ")
                return .init(status: .refused, source: source, file: nil, detail: why.isEmpty ? "no CSCA in the list" : why)
            }
            let name = item.fileName(crlIssuer: nil)
            if exists(name) { return .init(status: .unchanged, source: source, file: name, detail: "master list") }
            try write(der, as: name)
            let signer = outcome.entries.contains { $0.outcome == .warning } ? " (its signer is not trusted by this store)" : ""
            return .init(
                status: .added, source: source, file: name,
                detail: "master list, signature verified, \(outcome.certificates.count) of \(list.certificates.count) certificates usable\(signer)")
        case .revocationList(let list):
            guard let issuer = authorities().map(\.certificate).first(where: { list.isIssued(byNameOf: $0) && list.isSigned(by: $0) })
            else {
                return .init(
                    status: .refused, source: source, file: nil,
                    detail: "no installed CSCA signed this CRL (issuer \(list.issuer)); add the CSCA first")
            }
            let name = item.fileName(crlIssuer: issuer)
            let target = url.appendingPathComponent(name)
            if let data = try? Data(contentsOf: target), let installed = try? X509RevocationList(der: [UInt8](data)) {
                if installed.der == list.der { return .init(status: .unchanged, source: source, file: name, detail: "CRL of \(list.issuer)") }
                if let old = installed.thisUpdate, let new = list.thisUpdate, new < old {
                    return .init(
                        status: .refused, source: source, file: name,
                        detail: "older than the installed CRL of \(list.issuer) (issued \(Self.day(new)) < \(Self.day(old)))")
                }
                try write(list.der, as: name)
                return .init(status: .replaced, source: source, file: name, detail: "CRL of \(list.issuer), next update \(Self.day(list.nextUpdate))")
            }
            try write(list.der, as: name)
            return .init(status: .added, source: source, file: name, detail: "CRL of \(list.issuer), next update \(Self.day(list.nextUpdate))")
        }
    }

    private func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// Files as given, folders' regular files (sorted, hidden ones skipped).
    static func expand(_ paths: [URL]) -> [URL] {
        paths.flatMap { path -> [URL] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else { return [path] }
            guard isDirectory.boolValue else { return [path] }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []).sorted()
            return names.filter { !$0.hasPrefix(".") }.map { path.appendingPathComponent($0) }
                .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        }
    }

    /// `YYYY-MM-DD` (UTC) of a date, "unknown" without one.
    package static func day(_ date: Date?) -> String {
        date.map { String(ISO8601DateFormatter().string(from: $0).prefix(10)) } ?? "unknown"
    }
}
