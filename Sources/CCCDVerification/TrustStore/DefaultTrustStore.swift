import Foundation

/// Where the default trust store lives: one folder shared by the library, `cccd` and `cccdd`,
/// provisioned by the set-up and `cccd trust add` (docs/trust-store.md). No certificate is
/// compiled into the binaries.
public enum TrustStoreLocation {
    /// The documented default folder.
    public static let defaultFolder = "/var/lib/cccdkit/trust"
    /// The environment variable that overrides it.
    public static let environmentVariable = "CCCD_TRUST_DIR"

    /// `CCCD_TRUST_DIR` when set and not empty, else ``defaultFolder``.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: defaultFolder)
    }
}

extension TrustStore {
    /// The default trust store: everything in the folder of ``TrustStoreLocation`` (CSCA and link
    /// certificates, CRLs, master lists), loaded now. A missing or empty folder gives an empty
    /// store — nothing is trusted, reads verify `untrusted` — and the report says how to
    /// provision it.
    public static func `default`(folder: URL = TrustStoreLocation.folder(), at time: Date = Date()) -> TrustStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return TrustStore(anchors: [], report: TrustStoreLoadReport(entries: [.init(
                source: folder.path, kind: .unknown, outcome: .skipped,
                detail: "no trust store folder: provision the CSCAs with `cccd trust add` (docs/trust-store.md)")]))
        }
        return TrustStoreLoader.load(paths: [folder], at: time)
    }

    /// The store of a `--trust PATH…` option: the default store when no path is given, else
    /// exactly the named files, folders and master lists (the default store is not added, so a
    /// user can restrict trust).
    public static func commandLine(paths: [String], at time: Date = Date()) -> TrustStore {
        paths.isEmpty ? .default(at: time) : TrustStoreLoader.load(paths: paths.map { URL(fileURLWithPath: $0) }, at: time)
    }
}
