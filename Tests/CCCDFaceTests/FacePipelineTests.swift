import CCCDFace
import CCCDTestSupport
import Foundation
import Testing

/// The pipeline pieces: the chip template and the live capture computed ahead of need, then combined.
struct FacePipelineTests {
    let engine = TestData.engine
    static let pad = PresentationAttackDetector(configuration: .init(modelsDirectory: SharedFolder.url("models/minifasnet")))

    @Test("A pending result serves every waiter, blocking and async, once done")
    func pendingResult() async throws {
        let gate = DispatchSemaphore(value: 0)
        let pending = PendingFaceResult<Int> {
            gate.wait()
            return .success(42)
        }
        #expect(!pending.isFinished)
        async let first = pending.value()
        async let second = pending.value()
        gate.signal()
        #expect(try await first.get() == 42)
        #expect(try await second.get() == 42)
        #expect(try pending.wait().get() == 42)
        #expect(pending.isFinished)
        let failed = PendingFaceResult<Int>(finished: .failure(.noFace))
        #expect(throws: FaceError.noFace) { try failed.wait().get() }
    }

    #if os(Linux)
        @Test("Background work runs at the background nice value on a thread of its own; normal work does not")
        func backgroundPriority() throws {
            // `who` 0: the calling thread (Linux keeps the nice value per thread).
            @Sendable func niceness() -> Result<Int32, FaceError> {
                .success(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
            }
            let processValue = try niceness().get()
            let background = try PendingFaceResult(priority: .background) { niceness() }.wait().get()
            #expect(background == max(processValue, PendingFaceResult<Int32>.backgroundNiceness))
            // Normal work keeps the global queue's value (libdispatch gives user-initiated work -2 where
            // it may, else the process's), and the lowered thread ended with its work.
            for _ in 0..<3 {
                #expect(try PendingFaceResult(priority: .normal) { niceness() }.wait().get() <= processValue)
            }
        }
    #endif

    @Test("Templates started ahead give the comparison compare(chip:liveFrames:) gives")
    func sameResultAsAllAtOnce() async throws {
        let chipBytes = try TestData.bytes("chip/obama-jp2-15k.jp2")
        let liveBytes = try TestData.bytes("live/obama3-1280x720.jpg")
        let pad = SharedFolder.available("models") ? Self.pad : PresentationAttackDetector()
        let direct = try await engine.compare(
            chip: FaceImage(encoded: chipBytes), liveFrames: [FaceImage(encoded: liveBytes)], pad: pad)
        let chip = engine.startTemplate(encoded: chipBytes)
        let live = engine.startLiveCapture(encodedFrames: [liveBytes], pad: pad)
        let piped = try await engine.compare(chip: chip, live: live)
        #expect(piped.comparison == direct.comparison)
        #expect(piped.liveness == direct.liveness)
        #expect(piped.frameUsed == 0 && piped.comparison.match)

        // With both halves ready, what is left is the template distance: microseconds, not a face pipeline.
        let template = try chip.wait().get()
        let prepared = try live.wait().get()
        let start = ContinuousClock.now
        for _ in 0..<100 { _ = try engine.compare(chipTemplate: template, live: prepared) }
        #expect(ContinuousClock.now - start < .milliseconds(100))
    }

    @Test("Errors keep their kind: the live photo's first, then the chip's")
    func errors() async throws {
        let noFace = try TestData.bytes("originals/fruits.jpg")
        let chipBytes = try TestData.bytes("chip/obama-jp2-8k.jp2")
        let liveBytes = try TestData.bytes("live/obama3-1280x720.jpg")
        await #expect(throws: FaceError.noFace) {
            try await engine.compare(
                chip: engine.startTemplate(encoded: noFace),
                live: engine.startLiveCapture(encodedFrames: [noFace], pad: Self.pad))
        }
        await #expect(throws: FaceError.noFace) {
            try await engine.compare(
                chip: engine.startTemplate(encoded: noFace),
                live: engine.startLiveCapture(encodedFrames: [liveBytes], pad: Self.pad))
        }
        await #expect(throws: FaceError.unsupportedImageFormat) {
            try await engine.compare(
                chip: engine.startTemplate(encoded: chipBytes),
                live: engine.startLiveCapture(encodedFrames: [[1, 2, 3]], pad: Self.pad))
        }
        #expect(throws: FaceError.self) { try engine.startLiveCapture(encodedFrames: [], pad: Self.pad).wait().get() }
        // Frames are decoded in parallel; the error is still the first bad frame's, in frame order.
        var corrupt = try TestData.bytes("chip/obama-jpeg-8k.jpg")
        for i in (corrupt.count / 2)..<(corrupt.count - 2) { corrupt[i] = i.isMultiple(of: 2) ? 0xFF : 0xD0 }
        #expect {
            try engine.startLiveCapture(encodedFrames: [liveBytes, corrupt, [1, 2, 3]], pad: Self.pad).wait().get()
        } throws: { error in
            guard case FaceError.corruptImage(.jpeg, _) = error else { return false }
            return true
        }
        await #expect(throws: FaceError.unsupportedImageFormat) {
            try await engine.startLiveCapture(encodedFrames: [liveBytes, [1, 2, 3], corrupt], pad: Self.pad).value().get()
        }
    }
}
