import ArgumentParser
import CCCDFace
import Foundation

/// Face comparison of a 480×640 JPEG 2000 chip photo with a 1280×720 live photo: each stage, the whole
/// comparison, model load time, peak RSS, the BLAS library in use, and the same comparison done by the
/// Python `face_recognition` package (dlib-bin from PyPI) as the reference (scripts/face-reference.sh).
struct FaceBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "face", abstract: "Face comparison: stages, full comparison, reference implementation.")

    @Option(help: "Measured repetitions per stage (after 2 warm-up runs).")
    var iterations = 30

    @Option(help: "Chip photo (default: the test set's 8 KB JP2 of obama.jpg, 480×640).")
    var chip: String?

    @Option(help: "Live photo (default: the test set's 1280×720 frame).")
    var live: String?

    @Flag(help: "Skip the Python face_recognition reference.")
    var noReference = false

    @Flag(help: "Skip the pipeline around a card read (needs pcscd + vpcd, as scripts/bench.sh gives).")
    var noPipeline = false

    @Option(help: "Reads per pipeline mode.")
    var pipelineIterations = 10

    @Option(help: "Milliseconds per APDU for the pipeline's paced-card run (5: the air time of a full response at 424 kbit/s).")
    var pipelineApduDelay = 5

    @Option(help: "Chip photo put into DG2 for the pipeline (default: the test set's 15 KB JP2 of obama.jpg).")
    var pipelineChip: String?

    @Flag(help: "Only the live half's stages and their scheduling (the daemon's compare after a read).")
    var liveHalf = false

    func run() async throws {
        let data = ProcessInfo.processInfo.environment["CCCD_FACE_TESTDATA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache/cccdkit/face-testdata"
        let chipPath = chip ?? data + "/chip/obama-jp2-8k.jp2"
        let livePath = live ?? data + "/live/obama3-1280x720.jpg"
        guard let chipBytes = FileManager.default.contents(atPath: chipPath),
              let liveBytes = FileManager.default.contents(atPath: livePath)
        else {
            throw ValidationError("test photos missing (\(chipPath), \(livePath)): run scripts/setup.sh")
        }
        if liveHalf {
            return try FaceLiveHalfBenchmark(iterations: iterations, livePhoto: livePath, faceFree: data + "/originals/fruits.jpg").run()
        }

        let engine = FaceEngine()
        let load = try engine.loadModels()
        let chipImage = try FaceImage(encoded: chipBytes)
        let liveImage = try FaceImage(encoded: liveBytes)
        print("Face comparison benchmark (\(iterations) runs each; wall time, and CPU time of all threads per run)")
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            print("  load average: \(load.split(separator: " ").prefix(3).joined(separator: " ")) on \(ProcessInfo.processInfo.activeProcessorCount) CPUs")
        }
        print("  chip  \(chipImage.sourceFormat?.rawValue ?? "?") \(chipImage.width)×\(chipImage.height), \(chipBytes.count) bytes")
        print("  live  \(liveImage.sourceFormat?.rawValue ?? "?") \(liveImage.width)×\(liveImage.height), \(liveBytes.count) bytes")
        print(String(format: "  model load (first engine): %.1f ms", load.milliseconds))
        print("  BLAS: \(loadedBLAS()); threads: \(FaceEngine.blasThreads.map(String.init) ?? "?")")

        func stage(_ name: String, _ body: () throws -> Void) rethrows -> Summary {
            let (summary, cpu) = try measureStage(iterations: iterations, body)
            let label = name.padding(toLength: 36, withPad: " ", startingAt: 0)
            print(String(format: "  %@ median %8.2f ms   p95 %8.2f ms   CPU %8.2f ms", label, summary.median, summary.p95, cpu))
            return summary
        }

        let chipFace = try engine.selectFace(in: chipImage)
        let liveFace = try engine.selectFace(in: liveImage)
        let chipAligned = try engine.align(chipFace, in: chipImage)
        let liveAligned = try engine.align(liveFace, in: liveImage)
        let chipTemplate = try engine.template(for: chipAligned)
        let liveTemplate = try engine.template(for: liveAligned)

        _ = try stage("decode chip (JP2)") { _ = try FaceImage(encoded: chipBytes) }
        _ = try stage("decode live (JPEG)") { _ = try FaceImage(encoded: liveBytes) }
        _ = try stage("detect chip") { _ = try engine.selectFace(in: chipImage) }
        _ = try stage("detect live") { _ = try engine.selectFace(in: liveImage) }
        _ = try stage("align (landmarks + chip) chip") { _ = try engine.align(chipFace, in: chipImage) }
        _ = try stage("align (landmarks + chip) live") { _ = try engine.align(liveFace, in: liveImage) }
        _ = try stage("descriptor (ResNet)") { _ = try engine.template(for: chipAligned) }
        _ = try stage("compare templates") { _ = try engine.compare(chipTemplate, liveTemplate) }
        // Presentation-attack detection per live frame: both MiniFASNet models (target ≤ 20 ms), and the
        // quality gate (Laplacian variance) that runs before them.
        let pad = PresentationAttackDetector()
        if let reason = pad.loadModels() {
            print("  PAD: not-available (\(reason))")
        } else {
            _ = try stage("PAD quality gate (per frame)") { _ = try pad.quality(of: liveImage, face: liveFace) }
            _ = try stage("PAD two models (per frame)") { _ = try pad.score(liveImage, face: liveFace) }
        }
        let sequential = try stage("full, sequential (decode→compare)") {
            let a = try engine.template(for: FaceImage(encoded: chipBytes))
            let b = try engine.template(for: FaceImage(encoded: liveBytes))
            _ = try engine.compare(a, b)
        }
        let full = try stage("full, chip ∥ live (decode→compare)") {
            _ = try engine.compare(chip: FaceImage(encoded: chipBytes), live: FaceImage(encoded: liveBytes))
        }
        let result = try engine.compare(chipTemplate, liveTemplate)
        print(String(format: "  result: match=%@ similarity=%.3f distance=%.4f threshold=%.3f",
                     String(result.match), result.similarity, result.distance, result.threshold))
        print(String(format: "  peak RSS: %.0f MB", peakRSSMegabytes()))

        if !noReference {
            // face_recognition configured three ways (scripts/face-reference.py); the matched one detects
            // like CCCDFace (no up-sampling, image scaled to ≤ 480 px for detection).
            print("Reference: Python face_recognition 1.3.0 + dlib-bin 20.0.1.post1 (HOG, 5-point, 1 jitter), same images")
            let reference = try runReference(chip: chipPath, live: livePath)
            print(reference.text, terminator: "")
            for (name, median) in reference.medians {
                print(String(format: "  ratio vs [%@]: CCCDFace %.2f× sequential, %.2f× chip ∥ live%@", name,
                             sequential.median / median, full.median / median,
                             name == "matched" ? String(format: " (target ≤ 0.8×: %@)", full.median / median <= 0.8 ? "met" : "NOT met") : ""))
            }
        }
        if !noPipeline {
            try await FacePipelineBenchmark(iterations: pipelineIterations, chipPhoto: pipelineChip ?? data + "/chip/obama-jp2-15k.jp2",
                                            livePhoto: livePath, apduDelayMilliseconds: pipelineApduDelay).run()
        }
    }

    /// The BLAS shared library mapped into this process.
    private func loadedBLAS() -> String {
        // procfs files report size 0, so read to the end rather than by the reported size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"), let data = try? handle.readToEnd() else {
            return "unknown"
        }
        let maps = String(decoding: data, as: UTF8.self)
        let paths = Set(maps.split(separator: "\n").compactMap { line -> String? in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init),
                  path.hasPrefix("/"), path.contains("blas") || path.contains("lapack") else { return nil }
            return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { _ in path } ?? path
        })
        if paths.isEmpty { return "none mapped" }
        let kind = paths.contains { $0.contains("openblas") } ? "OpenBLAS" : "reference BLAS (slow: install libopenblas0-pthread)"
        return "\(kind) — " + paths.sorted().joined(separator: ", ")
    }

    private func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private func runReference(chip: String, live: String) throws -> (text: String, medians: [(String, Double)]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "scripts/face-reference.sh")
        process.arguments = [chip, live, String(iterations)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "  full comparison [NAME] (load→distance)  median 123.45 ms …"
        let medians = output.split(separator: "\n").compactMap { line -> (String, Double)? in
            guard line.contains("full comparison ["), let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"),
                  let median = line.split(separator: " ").drop(while: { $0 != "median" }).dropFirst().first.flatMap({ Double($0) })
            else { return nil }
            return (String(line[line.index(after: open)..<close]), median)
        }
        return (output, medians)
    }
}
