import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The teller page's face step as a teller uses it (issues 16 and 17): headless Chromium with a fake
/// camera showing a sample image of ../shared/models/pad-samples turned upright (a baseline JPEG is a
/// one-frame MJPEG stream for Chromium, so no video tool is needed), the virtual card holding a data set
/// whose chip photo is the upright live sample. The page must ask before an autoread that came without
/// the token, capture a burst of three frames, and show the daemon's match decision with the liveness
/// signal under it.
extension PCSCEndToEnd {
    @Test(.enabled(if: SharedFolder.available("models/pad-samples"), "needs ../shared/models/pad-samples (not found)"))
    func tellerPageCapturesABurstAndShowsLiveness() async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) missing: run scripts/setup.sh")
        }
        let samples = SharedFolder.url("models/pad-samples")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-teller-camera-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let datasets = Self.repositoryRoot.appendingPathComponent("TestVectors/datasets")
        for name in ["pki", "default"] {
            try FileManager.default.copyItem(at: datasets.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        // The samples are stored sideways with an EXIF orientation tag, which camera frames never carry:
        // Chromium turns them upright first (its own decoder and encoder, scripts/teller-page-browser.py).
        var upright: [String: URL] = [:]
        for name in ["image_T1.jpg", "image_F1.jpg"] {
            let target = root.appendingPathComponent("upright-\(name)")
            let turn = Process()
            turn.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            turn.arguments = [
                Self.repositoryRoot.appendingPathComponent("scripts/teller-page-browser.py").path,
                "--upright-jpeg", samples.appendingPathComponent(name).path, target.path,
            ]
            turn.standardOutput = FileHandle.nullDevice
            try turn.run()
            turn.waitUntilExit()
            try #require(
                turn.terminationStatus == 0 && FileManager.default.fileExists(atPath: target.path), "\(name) not turned upright")
            upright[name] = target
        }
        let generator = Process()
        generator.executableURL = Self.builtExecutable("cccd-datasets")
        generator.arguments = ["--root", root.path, "--only", "default", "--photo", try #require(upright["image_T1.jpg"]).path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let folder = root.appendingPathComponent("default")

        let connection = VPCDConnection(card: try DataSetChip.load(folder), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let daemon = try DaemonProcess(maxBodyBytes: 8 << 20, trust: [folder.appendingPathComponent("pki/csca.pem").path])
        defer { daemon.stop() }
        // PAD gives a verdict only with its models installed beside the face models (scripts/setup-face-models.sh).
        let padInstalled =
            FileManager.default.fileExists(atPath: "/var/lib/cccdkit/models/MiniFASNetV2.onnx")
            && ProcessInfo.processInfo.environment["CCCD_FACE_MODELS"] == nil

        // 1. The live sample in front of the camera, the read started from a fragment without the token.
        let live = try Self.driveTellerPage(
            daemon: daemon, camera: try #require(upright["image_T1.jpg"]),
            screenshot: "teller-page-camera.png", confirmAutoread: true)
        let prompt = try #require(live["autoreadPrompt"] as? [String: Any], "\(live)")
        #expect(prompt["asked"] as? Bool == true && prompt["shown"] as? Bool == true, "\(prompt)")
        #expect(prompt["stateWhileAsking"] as? String == "idle" && prompt["readIdWhileAsking"] is NSNull, "\(prompt)")
        #expect((prompt["text"] as? String)?.contains("Yêu cầu đọc thẻ tự động") == true, "\(prompt)")
        #expect(live["state"] as? String == "done" && live["overall"] as? String == "valid", "\(live)")
        let liveFace = try #require(live["face"] as? [String: Any], "\(live)")
        #expect(liveFace["shown"] as? Bool == true && liveFace["preview"] as? Bool == true, "\(liveFace)")
        #expect(liveFace["frames"] as? Int == 3, "three frames of one capture reached the daemon: \(liveFace)")
        #expect(liveFace["match"] as? String == "true", "the chip photo is the same image: \(liveFace)")
        #expect(["live", "not-available"].contains(liveFace["liveness"] as? String ?? ""), "\(liveFace)")
        if padInstalled { #expect(liveFace["liveness"] as? String == "live", "\(liveFace)") }
        #expect(!((liveFace["livenessText"] as? String) ?? "").isEmpty, "\(liveFace)")
        #expect((liveFace["camera"] as? Int ?? -1) == 0, "the camera is off after the burst: \(liveFace)")

        // 2. The printed-photo attack sample: the warning under an unchanged match decision.
        let attack = try Self.driveTellerPage(
            daemon: daemon, camera: try #require(upright["image_F1.jpg"]),
            screenshot: "teller-page-camera-attack.png", confirmAutoread: false)
        #expect(attack["autoreadPrompt"] == nil && attack["state"] as? String == "done", "\(attack)")
        let attackFace = try #require(attack["face"] as? [String: Any], "\(attack)")
        #expect(["true", "false"].contains(attackFace["match"] as? String ?? ""), "\(attackFace)")
        #expect(attackFace["frames"] as? Int == 3, "\(attackFace)")
        if padInstalled {
            #expect(attackFace["liveness"] as? String == "attack-suspected", "\(attackFace)")
            let warning = attackFace["livenessText"] as? String ?? ""
            #expect(warning.contains("Nghi ngờ giả mạo khuôn mặt"), "\(warning)")
            #expect(warning.contains("Possible presentation attack — ask the customer to look at the camera"), "\(warning)")
        } else {
            print("PAD models not installed (scripts/setup-face-models.sh): the attack verdict is not checked")
        }
        #expect(daemon.stop() == 0)
        try Self.expectNoPersonalData(in: daemon.log, "the daemon's log")
    }

    /// Runs scripts/teller-page-browser.py once with the fake camera; its first JSON line.
    static func driveTellerPage(daemon: DaemonProcess, camera: URL, screenshot name: String, confirmAutoread: Bool) throws
        -> [String: Any]
    {
        let screenshot = testOutputFolder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: screenshot)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        browser.arguments =
            [
                repositoryRoot.appendingPathComponent("scripts/teller-page-browser.py").path, "--url",
                "http://127.0.0.1:\(daemon.port)/",
                "--token-file", daemon.folder.appendingPathComponent("cccdd.token").path, "--can", "012345", "--reader", "0",
                "--screenshot", screenshot.path, "--timeout", "90", "--camera", camera.path,
            ] + (confirmAutoread ? ["--confirm-autoread"] : [])
        let output = Pipe()
        browser.standardOutput = output
        try browser.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        browser.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        print("teller page screenshot: \(screenshot.path)")
        #expect(shown["driverError"] == nil && browser.terminationStatus == 0, "\(line)")
        #expect((shown["consoleErrors"] as? [String])?.isEmpty == true, "\(shown["consoleErrors"] ?? "")")
        let png = try Data(contentsOf: screenshot)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 20_000)
        return shown
    }
}
