import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 16, item 7 through the built daemon: the read computes the chip photo's face template while
/// it goes on (the face models are loaded by the read, before any comparison), `POST /v1/face/compare`
/// with the `readId` then only works on the live photo, and the template goes with the read.
extension PCSCEndToEnd {
    @Test func daemonReadThenFaceCompareUsesTheTemplateComputedDuringTheRead() async throws {
        let root = try Self.makeFaceDataSet()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("default")
        let daemon = try DaemonProcess(maxBodyBytes: 8 << 20, trust: [folder.appendingPathComponent("pki/csca.pem").path])
        _ = try daemon.waitForReaders(2, timeout: 10) { $0["busy"] as? Bool == false }
        let connection = VPCDConnection(card: try DataSetChip.load(folder), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        func modelsLoaded() throws -> Bool {
            String(decoding: try daemon.request("GET", "/metrics").body, as: UTF8.self).contains("cccdd_face_models_loaded 1")
        }
        #expect(try !modelsLoaded())
        let reply = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"]])
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let readId = try #require(reply.json?["readId"] as? String)
        // The read started the face work (DG2 arrived): the models load without any comparison.
        let deadline = Date().addingTimeInterval(20)
        while try !modelsLoaded(), Date() < deadline { usleep(50_000) }
        #expect(try modelsLoaded(), "the read did not start the chip template")

        let same = try Data(contentsOf: URL(fileURLWithPath: try Self.facePhoto("live/obama3-1280x720.jpg")))
            .base64EncodedString()
        let other = try Data(contentsOf: URL(fileURLWithPath: try Self.facePhoto("originals/biden.jpg"))).base64EncodedString()
        let started = Date()
        let match = try daemon.json("POST", "/v1/face/compare", ["liveImage": same, "readId": readId])
        let elapsed = Date().timeIntervalSince(started) * 1000
        #expect(match.status == 200, "\(String(decoding: match.body, as: UTF8.self))")
        #expect(match.json?["match"] as? Bool == true)
        #expect((match.json?["liveness"] as? [String: Any])?["frames"] as? Int == 1)
        print(String(format: "daemon face compare by readId (live photo only, HTTP included): %.0f ms", elapsed))
        let noMatch = try daemon.json("POST", "/v1/face/compare", ["liveImages": [other, other], "readId": readId])
        #expect(noMatch.json?["match"] as? Bool == false)
        // The template lives with the read: gone with it.
        #expect(try daemon.request("DELETE", "/v1/reads/\(readId)").status == 204)
        let gone = try daemon.json("POST", "/v1/face/compare", ["liveImage": same, "readId": readId])
        #expect(gone.status == 404 && gone.errorCode == "read_not_found")
        #expect(daemon.stop() == 0)
        try Self.expectNoPersonalData(in: daemon.log, "the daemon's log")
    }
}
