import CCCDPrimitives
import CCCDVerification
import Foundation

/// The trust store folder (``TrustStoreLocation``): what is installed, and installing and
/// removing items. Writes are atomic (a temporary file renamed into place), so a reader never
/// sees half a certificate; items are named by kind and fingerprint.
package struct TrustFolder: Sendable {
    package let url: URL

    package init(url: URL = TrustStoreLocation.folder()) {
        self.url = url
    }

    /// The store the library verifies with.
    package func store(at time: Date = Date()) -> TrustStore { .default(folder: url, at: time) }

    /// The files of the folder (hidden and temporary files aside), sorted.
    func files() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// Every installed item with the file it is in.
    func installed() -> [(file: URL, item: TrustItem)] {
        files().flatMap { file -> [(file: URL, item: TrustItem)] in
            guard let data = try? Data(contentsOf: file), case .success(let items) = TrustItem.decode([UInt8](data), name: file.path)
            else { return [] }
            return items.map { (file, $0) }
        }
    }

    /// The installed certificate authorities (root and link certificates), master lists aside.
    func authorities() -> [(file: URL, certificate: X509Certificate)] { Self.authorities(in: installed()) }

    /// The certificate authorities among already decoded items (the folder is read once).
    static func authorities(in installed: [(file: URL, item: TrustItem)]) -> [(file: URL, certificate: X509Certificate)] {
        installed.compactMap { entry in
            if case .certificate(let certificate) = entry.item, certificate.isCertificateAuthority {
                return (entry.file, certificate)
            }
            return nil
        }
    }

    /// Writes `bytes` as `name` atomically (mode 0644: certificates and CRLs are public).
    func write(_ bytes: [UInt8], as name: String) throws(TrustFolderError) {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            let target = url.appendingPathComponent(name)
            try Data(bytes).write(to: target, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
        } catch {
            throw .notWritable(path: url.path, reason: Self.reason(error))
        }
    }

    /// Removes the items whose SHA-256 is `fingerprint` (or starts with it: at least 8 hex digits,
    /// naming exactly one file). Returns the removed file names.
    package func remove(sha256 fingerprint: String) throws(TrustFolderError) -> [String] {
        let wanted = fingerprint.lowercased().filter { $0 != ":" && $0 != " " }
        guard wanted.count >= 8, wanted.count <= 64, wanted.allSatisfy(\.isHexDigit) else {
            throw .invalidFingerprint(fingerprint)
        }
        let matches = files().filter { file in
            guard let data = try? Data(contentsOf: file) else { return false }
            return Self.fingerprint([UInt8](data)).hasPrefix(wanted)
        }
        guard !matches.isEmpty else { throw .notFound(fingerprint) }
        guard matches.count == 1 || wanted.count == 64 else {
            throw .ambiguous(fingerprint, matches: matches.map(\.lastPathComponent))
        }
        for file in matches {
            do {
                try FileManager.default.removeItem(at: file)
            } catch {
                throw .notWritable(path: url.path, reason: Self.reason(error))
            }
        }
        return matches.map(\.lastPathComponent)
    }

    /// SHA-256 in lower-case hex.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        Hex.lowercase((try? Digest.hash(bytes, algorithm: .sha256)) ?? [])
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, underlying.code == Int(EACCES)
        {
            return "permission denied (run as root, or set CCCD_TRUST_DIR to a folder you own)"
        }
        return nsError.localizedDescription
    }
}
