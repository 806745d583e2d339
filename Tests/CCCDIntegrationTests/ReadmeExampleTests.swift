import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

// README example begin
import CCCDKit

/// Waits for a card on the first reader, reads it and shows the progress and the result.
func readCitizenCard(access: AccessInput) async throws -> CardReadResult {
    let reader = CardReader()
    let readerName = try await reader.waitForCard(timeout: .seconds(30))
    let operation = reader.read(reader: readerName, access: access)
    for await step in operation.progress {
        if case .file(let progress) = step { print(progress) }  // e.g. "DG2 4096/16131"
    }
    let result = try await operation.result()
    print(result.citizen?.fullName ?? result.holder?.fullName ?? "")
    if let photo = result.photo {
        print("photo: \(photo.format) \(photo.width)×\(photo.height), sha256 \(photo.sha256)")
    }
    return result
}

// let result = try await readCitizenCard(access: .can("123456"))
// README example end

extension PCSCEndToEnd {
    /// The README's library example is this file's code, and it runs against the virtual card.
    @Test func readmeLibraryExampleIsThisCodeAndRuns() async throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let example = try #require(Self.between(source, "// README example begin\n", "// README example end\n"))
        let section = try #require(readme.range(of: "## Using the library"))
        let block = try #require(Self.between(String(readme[section.upperBound...]), "```swift\n", "```\n"))
        #expect(block == example, "README.md's library example differs from ReadmeExampleTests.swift")

        let cccd = SyntheticCCCD()
        let connection = VPCDConnection(card: VirtualCard(fileSystem: cccd.fileSystem()), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        // Until the virtual card does PACE, the example reads the test card in clear.
        let result = try await readCitizenCard(access: .none)
        #expect(result.citizen?.fullName == cccd.fullName)
        #expect(result.rawFiles[.dataGroup(.dg2)] == cccd.dg2)
        // Reads verify by default (DefaultCardVerifier, the default trust store). The synthetic card's
        // test CSCA is in no default store, so the verdict must not be `valid`: it fails closed.
        let verification = try #require(result.verification, "a read with default options is verified")
        #expect(verification.overall != .valid)
        #expect(verification.passive.status != .valid)
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
