import Foundation

/// Where the `Assets` folder of this target lives at run time. SwiftPM's generated `Bundle.module`
/// stops the process when the resource bundle is missing (e.g. a `cccdd` binary installed without
/// it); a daemon should rather serve its API and answer 404 for the page, so the bundle is looked up
/// here, in the same places, without trapping.
enum AssetFolder {
    static let bundleName = "CCCDKit_CCCDTellerPage.resources"

    static func locate() -> URL? {
        var candidates: [URL] = []
        // Next to the executable (swift run, the test runner, an installed binary with its bundle).
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        // Next to the real executable when it is started through a symbolic link.
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        // The install layout of the systemd unit: /usr/local/share/cccdkit/<bundle>.
        candidates.append(executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/cccdkit").appendingPathComponent(bundleName))
        for bundle in candidates {
            let folder = bundle.appendingPathComponent("Assets")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return folder
            }
        }
        return nil
    }
}
