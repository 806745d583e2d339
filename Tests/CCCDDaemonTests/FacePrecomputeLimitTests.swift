import CCCDDaemon
import CCCDFace
import Foundation
import Testing

/// Chip templates computed ahead during reads are bounded: a daemon whose reads come faster than
/// their templates (photos without a face send the detector through its slow retries) must not queue
/// CPU work without end — the bench once found cccdd at 190 % CPU for minutes after 60 quick reads.
struct FacePrecomputeLimitTests {
    @Test("A second precompute is refused while one runs, and admitted once it is done")
    func precomputesAreBounded() async throws {
        // The face test photos are installed by scripts/setup.sh (as for CCCDFaceTests).
        let cache =
            ProcessInfo.processInfo.environment["CCCD_FACE_TESTDATA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache/cccdkit/face-testdata"
        let path = cache + "/chip/obama-jp2-15k.jp2"
        let chip = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, "missing \(path)")
        let service = FaceService()
        #expect(FaceService.maximumPrecomputes == 1)
        // The first one loads the models and computes a template: hundreds of milliseconds.
        let first = try #require(service.startChipTemplate(dg2: chip))
        #expect(service.startChipTemplate(dg2: chip) == nil)
        _ = try await first.value().get()
        #expect(service.precomputesRunning == 0)
        let third = try #require(service.startChipTemplate(dg2: chip))
        _ = try await third.value().get()
    }
}
