import Foundation

extension TrustStore {
    /// The built-in trust store: the Vietnamese CSCA ("CSCA ePassport Vietnam", brainpoolP512r1 with
    /// explicit parameters) shipped as a package resource with its provenance note
    /// (`Resources/TrustAnchors/vn-csca-epassport.SOURCE.txt`).
    ///
    /// When the resource bundle cannot be found (e.g. a binary copied without it) the store is
    /// empty and its report says so: nothing is trusted rather than a crash.
    public static let builtIn: TrustStore = {
        guard let folder = builtInAnchorFolder() else {
            return TrustStore(anchors: [], report: TrustStoreLoadReport(entries: [.init(
                source: "built-in", kind: .unknown, outcome: .skipped,
                detail: "the resource bundle CCCDKit_CCCDVerification.resources was not found")]))
        }
        let certificates = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".der") || $0.hasSuffix(".pem") || $0.hasSuffix(".crt") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
        return TrustStoreLoader.load(paths: certificates)
    }()

    /// Looks for the resource bundle next to the executable (and the usual SwiftPM places) without
    /// `Bundle.module`, whose accessor stops the process when the bundle is missing.
    static func builtInAnchorFolder() -> URL? {
        let bundleName = "CCCDKit_CCCDVerification.resources"
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        if let resources = Bundle.main.resourceURL { candidates.append(resources.appendingPathComponent(bundleName)) }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.appendingPathComponent(bundleName))
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        for candidate in candidates {
            let folder = candidate.appendingPathComponent("TrustAnchors")
            if FileManager.default.fileExists(atPath: folder.path) { return folder }
        }
        return nil
    }
}

extension TrustStore {
    /// The store of a `--trust PATH…` option: the built-in store when no path is given, else
    /// exactly the named files, folders and master lists (the built-in store is not added, so a
    /// user can restrict trust).
    public static func commandLine(paths: [String], at time: Date = Date()) -> TrustStore {
        paths.isEmpty ? .builtIn : TrustStoreLoader.load(paths: paths.map { URL(fileURLWithPath: $0) }, at: time)
    }
}
