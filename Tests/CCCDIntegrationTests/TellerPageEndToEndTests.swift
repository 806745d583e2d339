import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The teller page as a teller uses it: the built `cccdd` (trusting the test PKI) with the default
/// data set on the virtual card behind pcscd + vpcd, the page loaded in headless Chromium
/// (scripts/teller-page-browser.py, installed by scripts/setup.sh) and driven through its automation
/// fragment to a finished read; then the card is removed and the page must wipe itself.
extension PCSCEndToEnd {
    @Test func tellerPageReadsShowsAndWipesInHeadlessChromium() async throws {
        let driverScript = Self.repositoryRoot.appendingPathComponent("scripts/teller-page-browser.py")
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) missing: run scripts/setup.sh")
        }

        let card = try DataSetChip.load(Self.defaultDataSet)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        let daemon = try DaemonProcess(trust: [Self.repositoryRoot.appendingPathComponent("TestVectors/datasets/pki").path])
        defer { daemon.stop() }

        // The static page: no token needed, strict CSP, right content types; the API still needs the token.
        let index = try daemon.request("GET", "/", token: .some(nil))
        #expect(index.status == 200)
        let headers = index.headers.lowercased()
        #expect(headers.contains("content-type: text/html; charset=utf-8"))
        #expect(headers.contains("content-security-policy: default-src 'self';"))
        #expect(headers.contains("x-content-type-options: nosniff"))
        #expect(String(decoding: index.body, as: UTF8.self).contains("Đọc thẻ Căn cước"))
        // Every ES module of the page, as the browser fetches it (module scripts need a JavaScript type).
        let modules = [
            "app.js", "api.js", "autoread.js", "camera.js", "events.js", "face.js", "fragment.js", "i18n.js", "reading.js",
            "result-view.js", "sse.js", "view.js",
        ]
        for module in modules {
            let script = try daemon.request("GET", "/ui/\(module)", token: .some(nil))
            let scriptHeaders = script.headers.lowercased()
            #expect(script.status == 200 && scriptHeaders.contains("content-type: text/javascript; charset=utf-8"), "\(module)")
            #expect(scriptHeaders.contains("content-security-policy: default-src 'self'; script-src 'self';"), "\(module)")
        }
        #expect(try daemon.request("GET", "/ui/..%2FPackage.swift", token: .some(nil)).status == 404)
        #expect(try daemon.request("GET", "/ui/missing.js", token: .some(nil)).errorCode == "not_found")
        #expect(try daemon.request("GET", "/v1/readers", token: .some(nil)).status == 401)
        // The DNS-rebinding defence covers the page too.
        #expect(try daemon.request("GET", "/", token: .some(nil), headers: ["Host: rebound.example:\(daemon.port)"]).status == 403)

        let screenshot = Self.testOutputFolder.appendingPathComponent("teller-page.png")
        try? FileManager.default.removeItem(at: screenshot)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        browser.arguments = [
            driverScript.path, "--url", "http://127.0.0.1:\(daemon.port)/", "--token-file",
            daemon.folder.appendingPathComponent("cccdd.token").path,
            "--can", "012345", "--reader", "0", "--screenshot", screenshot.path, "--timeout", "90", "--wait-wipe", "30",
        ]
        let output = Pipe()
        browser.standardOutput = output
        try browser.run()
        let lines = LineReader(output.fileHandleForReading)

        // 1. The finished read as the page shows it.
        let shownLine = try #require(lines.next(), "the browser driver printed nothing")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(shownLine.utf8)) as? [String: Any], "\(shownLine)")
        print("teller page screenshot: \(screenshot.path)")
        #expect(shown["driverError"] == nil, "\(shownLine)")
        #expect(shown["state"] as? String == "done", "\(shownLine)")
        #expect(shown["error"] is NSNull, "\(shownLine)")

        let dg13 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG13.bin")))
        let citizen = try DG13Parser.parse(dg13)
        let fullName = try #require(citizen.fullName)
        #expect(fullName.unicodeScalars.contains { !$0.isASCII }, "the data set's name has diacritics")
        #expect(shown["fullName"] as? String == fullName)
        #expect(shown["idNumber"] as? String == citizen.personalNumber)
        let fields = try #require(shown["fields"] as? [String: String])
        #expect(fields["placeOfResidence"] == citizen.placeOfResidence)
        #expect(fields["placeOfOrigin"] == citizen.placeOfOrigin)
        #expect(fields["fatherName"] == citizen.fatherName && fields["motherName"] == citizen.motherName)
        #expect(fields["sex"] == citizen.sex)

        #expect(shown["overall"] as? String == "valid")
        #expect((shown["overallText"] as? String)?.hasPrefix("Hợp lệ") == true, "\(shown["overallText"] ?? "")")
        #expect(shown["checks"] as? [String: String] == ["passive": "valid", "active": "valid", "chip": "valid"])

        let description = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.defaultDataSet.appendingPathComponent("card.json")))
                as? [String: Any])
        let photoFacts = try #require(description["photo"] as? [String: Any])
        let photo = try #require(shown["photo"] as? [String: Any])
        #expect(photo["loaded"] as? Bool == true && photo["shown"] as? Bool == true)
        #expect((photo["naturalWidth"] as? Int ?? 0) > 0)
        #expect(photo["naturalWidth"] as? Int == photoFacts["width"] as? Int)
        #expect(photo["naturalHeight"] as? Int == photoFacts["height"] as? Int)
        // No Content-Security-Policy violation, failed request or script error in the console.
        #expect((shown["consoleErrors"] as? [String])?.isEmpty == true, "\(shown["consoleErrors"] ?? "")")

        let png = try Data(contentsOf: screenshot)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 20_000)
        let readId = try #require(shown["readId"] as? String)
        #expect(try daemon.request("GET", "/v1/reads/\(readId)").status == 200)

        // 2. The card leaves the reader: the daemon drops the read and the page wipes what it shows.
        connection.eject()
        let wipedLine = try #require(lines.next(), "the browser driver stopped before the wipe")
        let wiped = try #require(try JSONSerialization.jsonObject(with: Data(wipedLine.utf8)) as? [String: Any], "\(wipedLine)")
        #expect(wiped["wiped"] as? String == "removed", "\(wipedLine)")
        #expect(wiped["fullName"] as? String == "" && wiped["photoShown"] as? Bool == false && wiped["fieldCount"] as? Int == 0)
        var gone = try daemon.request("GET", "/v1/reads/\(readId)")
        for _ in 0..<50 where gone.status == 200 {
            try await Task.sleep(for: .milliseconds(100))
            gone = try daemon.request("GET", "/v1/reads/\(readId)")
        }
        #expect(gone.errorCode == "read_not_found")

        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0)
        // The daemon's log never names the holder.
        let log = daemon.log
        #expect(!log.contains(fullName) && !log.contains(citizen.personalNumber ?? "079190012345"))
    }

    /// `$CCCD_TEST_OUTPUT`, else `.build/test-output` in the repository.
    static var testOutputFolder: URL {
        let folder = ProcessInfo.processInfo.environment["CCCD_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.appendingPathComponent(".build/test-output")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Lines of a child's stdout, read as they come (blocking).
private final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }
}
