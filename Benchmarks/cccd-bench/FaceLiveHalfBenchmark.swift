import CCCDFace
import Foundation

/// The live half of a comparison (what the daemon's `/v1/face/compare` with a `readId` has left once the
/// chip template is cached, issue 16's pipeline target): each stage on its own, then the whole
/// `startLiveCapture` path, with wall and CPU time, so that the scheduling over the cores shows (wall ≈
/// sum of the stages means they ran one after another; CPU ≫ wall means threads ran side by side).
struct FaceLiveHalfBenchmark {
    var iterations: Int
    var livePhoto: String
    /// A photo without a face, to time the detector's slow path (nil: skipped).
    var faceFree: String?

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: livePhoto).map({ [UInt8]($0) }) else {
            throw FacePipelineBenchmarkError.missing(livePhoto)
        }
        let engine = FaceEngine()
        try engine.loadModels()
        let pad = PresentationAttackDetector()
        let padMissing = pad.loadModels()
        let image = try FaceImage(encoded: bytes)
        let face = try engine.selectFace(in: image)
        let aligned = try engine.align(face, in: image)
        let environment = ProcessInfo.processInfo.environment
        print("Live half of a comparison (\(iterations) runs each; wall median, CPU of all threads per run)")
        print("  live \(image.width)×\(image.height), face \(Int(face.width)) px wide; PAD \(padMissing ?? "loaded");"
            + " OpenBLAS threads \(FaceEngine.blasThreads.map(String.init) ?? "?")"
            + " (OPENBLAS_NUM_THREADS=\(environment["OPENBLAS_NUM_THREADS"] ?? "-"))"
            + " OPENCV_FOR_THREADS_NUM=\(environment["OPENCV_FOR_THREADS_NUM"] ?? "-")")

        func stage(_ name: String, _ body: () throws -> Void) rethrows {
            let (summary, cpu) = try measureStage(iterations: iterations, body)
            print(String(format: "  %@ median %7.2f ms  p95 %7.2f ms  CPU %7.2f ms",
                         name.padding(toLength: 46, withPad: " ", startingAt: 0), summary.median, summary.p95, cpu))
        }

        try stage("decode") { _ = try FaceImage(encoded: bytes) }
        try stage("detect (selectFace)") { _ = try engine.selectFace(in: image) }
        try stage("align (landmarks + chip)") { _ = try engine.align(face, in: image) }
        try stage("quality gate") { _ = try pad.quality(of: image, face: face, landmarks: aligned.landmarks) }
        if padMissing == nil { try stage("PAD two models") { _ = try pad.score(image, face: face) } }
        try stage("descriptor") { _ = try engine.template(for: aligned) }
        if padMissing == nil {
            try stage("descriptor ∥ PAD") {
                _ = twoAtOnce({ try? engine.template(for: aligned) }, { try? pad.score(image, face: face) })
            }
            try stage("descriptor then PAD") {
                _ = try engine.template(for: aligned)
                _ = try pad.score(image, face: face)
            }
        }
        try stage("prepare (detect … template, PAD)") { _ = try engine.prepare(liveFrames: [image], pad: pad) }
        try stage("(b) live half: decode + prepare") {
            _ = try engine.prepare(liveFrames: [FaceImage(encoded: bytes)], pad: pad)
        }
        try stage("(b) via startLiveCapture + wait") {
            _ = try engine.startLiveCapture(encodedFrames: [bytes], pad: pad).wait().get()
        }
        // The teller page sends a burst of 3 frames (here the same frame three times).
        try stage("burst of 3: decode one by one, then prepare") {
            _ = try engine.prepare(liveFrames: [bytes, bytes, bytes].map { try FaceImage(encoded: $0) }, pad: pad)
        }
        try stage("(b) burst of 3 frames via startLiveCapture") {
            _ = try engine.startLiveCapture(encodedFrames: [bytes, bytes, bytes], pad: pad).wait().get()
        }
        if padMissing == nil { criticalPath(bytes: bytes, engine: engine, pad: pad) }
        // No face: every HOG pass, then the CNN detector (turned faces), the slow path.
        if let faceFree, let other = FileManager.default.contents(atPath: faceFree).map({ [UInt8]($0) }),
           let image = try? FaceImage(encoded: other) {
            try stage("detect, no face (HOG passes + CNN), \(image.width)×\(image.height)") {
                _ = try engine.detectFaces(in: image)
            }
        }
        // The first detection pass at other sizes (the shipped pass scales the frame to ≤ 480 px).
        for side in [480, 400, 360, 320] {
            let scaled = FaceEngine(configuration: .init(detection: FaceDetectionOptions(detectionMaxSide: side)))
            try scaled.loadModels()
            let found = try scaled.detectFaces(in: image)
            let box = found.first.map { String(format: "%.0f,%.0f–%.0f,%.0f", $0.left, $0.top, $0.right, $0.bottom) } ?? "none"
            try stage("detect, first pass ≤ \(side) px (box \(box))") { _ = try scaled.detectFaces(in: image) }
        }
    }
}

extension FaceLiveHalfBenchmark {
    /// The live half's critical path from per-thread CPU time, which a loaded machine does not stretch:
    /// decode → detect → align → quality on one thread, then the descriptor beside PAD (as `prepare`
    /// runs them). On an idle 2-core machine its wall time is about this long when the two branches
    /// do not compete for a core (one OpenBLAS thread; with more, the descriptor's helper thread does).
    func criticalPath(bytes: [UInt8], engine: FaceEngine, pad: PresentationAttackDetector) {
        var serial: [Double] = []
        var template: [Double] = []
        var padBranch: [Double] = []
        for index in 0..<(iterations + 2) {
            let start = threadCPUTimeMilliseconds()
            guard let image = try? FaceImage(encoded: bytes), let face = try? engine.selectFace(in: image),
                  let aligned = try? engine.align(face, in: image),
                  (try? pad.quality(of: image, face: face, landmarks: aligned.landmarks)) != nil
            else { return }
            let first = threadCPUTimeMilliseconds() - start
            let (a, b) = twoAtOnce({ () -> Double in
                let start = threadCPUTimeMilliseconds()
                _ = try? engine.template(for: aligned)
                return threadCPUTimeMilliseconds() - start
            }, { () -> Double in
                let start = threadCPUTimeMilliseconds()
                _ = try? pad.score(image, face: face)
                return threadCPUTimeMilliseconds() - start
            })
            if index >= 2 {
                serial.append(first)
                template.append(a)
                padBranch.append(b)
            }
        }
        let (s, t, p) = (Summary(milliseconds: serial).median, Summary(milliseconds: template).median,
                         Summary(milliseconds: padBranch).median)
        print(String(format: "  critical path, thread CPU: decode→detect→align→quality %.1f + max(descriptor %.1f, PAD %.1f) = %.1f ms",
                     s, t, p, s + max(t, p)))
    }
}

/// Runs two closures at the same time and returns both results.
func twoAtOnce<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a = first() } else { b = second() }
    }
    return (a!, b!)
}
