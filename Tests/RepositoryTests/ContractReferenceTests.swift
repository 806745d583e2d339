import Foundation
import Testing

/// No source comment sends a reader outside the repository for the contract: a user's clone has no
/// ../shared, so sources cite docs/interfaces.md (the project's copy of the contract).
@Suite struct ContractReferences {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func sourcesCiteTheRepositoryCopyOfTheContract() throws {
        var offenders: [String] = []
        var cited = 0
        for folder in ["Sources", "Tests", "scripts", "Benchmarks"] {
            let root = Self.repo.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "js", "sh", "py", "json", "c", "h", "hpp", "cpp"].contains(url.pathExtension) {
                guard url.lastPathComponent != "ContractReferenceTests.swift",
                    let text = try? String(contentsOf: url, encoding: .utf8)
                else { continue }
                if text.contains("shared/interfaces.md") || text.contains("shared/cccd-facts.md") {
                    offenders.append(url.path.replacingOccurrences(of: Self.repo.path + "/", with: ""))
                }
                if text.contains("docs/interfaces.md") { cited += 1 }
            }
        }
        #expect(offenders.isEmpty, "point these to docs/interfaces.md: \(offenders)")
        #expect(cited >= 5)
        #expect(FileManager.default.fileExists(atPath: Self.repo.appendingPathComponent("docs/interfaces.md").path))
    }
}
