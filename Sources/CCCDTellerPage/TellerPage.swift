import Foundation

/// The teller / kiosk web page that `cccdd` serves at `/` and `/ui/{file}`: plain HTML, CSS and
/// JavaScript shipped as package resources (no CDN, no build step). The page holds no data of its
/// own: it talks to the daemon's API with the same bearer token as any integrator.
public enum TellerPage {
    /// The file served at `/`.
    public static let indexName = "index.html"

    /// The asset called `name` (a plain file name such as `app.js`) with its content type, or nil
    /// when there is no such file. Only the files in the page's own folder can be returned: any name
    /// with a path separator, a leading dot or a character outside `[A-Za-z0-9._-]` is refused
    /// before the folder is consulted, so `../x`, `%2e%2e/x` and absolute paths give nil.
    public static func asset(for name: String) -> (bytes: [UInt8], contentType: String)? {
        guard isPlainFileName(name), let bytes = assets[name] else { return nil }
        return (bytes, contentType(forFileName: name))
    }

    /// The names of all assets, sorted (for tests and diagnostics).
    public static var assetNames: [String] { assets.keys.sorted() }

    /// Whether the assets were found next to the executable (false when a `cccdd` binary was
    /// copied without its `CCCDKit_CCCDTellerPage.resources` folder).
    public static var isAvailable: Bool { !assets.isEmpty }

    /// The folder that must sit next to the `cccdd` executable (SwiftPM's resource bundle).
    public static var resourceBundleName: String { AssetFolder.bundleName }

    /// `text/html; charset=utf-8` and friends, from the file extension.
    public static func contentType(forFileName name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }

    static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
            default: false
            }
        }
    }

    /// Read once: the page is a few tens of kilobytes.
    private static let assets: [String: [UInt8]] = {
        guard let folder = AssetFolder.locate() else { return [:] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [String: [UInt8]] = [:]
        for name in names where isPlainFileName(name) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = try? Data(contentsOf: url)
            else { continue }
            result[name] = [UInt8](data)
        }
        return result
    }()
}
