import CCCDFace
import CCCDKit
import CCCDPrimitives
import CCCDTestData
import CCCDTestSupport
import CCCDVirtualCard
import Foundation

/// The face pipeline around a real read (pcscd + vpcd + the virtual card, PACE, AA, CA): the chip
/// template is started when DG2 arrives (`ReadOptions.fileReadObserver`) while the read goes on. Measures
/// how long the face result takes after the read is done (issue 16: ≤ 60 ms), for
///   (a) `cccd read --live`: the live photo is there from the start, so its half runs during the read too;
///   (b) the daemon: the live photo arrives after the read (`/v1/face/compare` with `readId`), only its
///       half is left (decode, detect, quality, PAD, template) with the chip template cached;
///   (c) no pipeline: both templates after the read (what it was before).
/// Each mode runs twice: with the virtual card answering at once (a read of ~0.1 s, faster than any
/// chip, so the face work started during the read cannot hide behind it), and with the card paced at
/// `apduDelayMilliseconds` per APDU: 5 ms is the air time alone of a full 231-byte protected READ BINARY
/// response at 424 kbit/s (ISO/IEC 14443's highest common rate), a lower bound on a real chip, which
/// adds its own processing and its secure-messaging and PACE/AA/CA computation.
struct FacePipelineBenchmark {
    var iterations: Int
    var chipPhoto: String
    var livePhoto: String
    var apduDelayMilliseconds = 5

    func run() async throws {
        guard let chip = FileManager.default.contents(atPath: chipPhoto),
              let live = FileManager.default.contents(atPath: livePhoto) else {
            throw FacePipelineBenchmarkError.missing(chipPhoto + ", " + livePhoto)
        }
        // A data set like `default` but with a real face in DG2 (written to a temporary folder).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-bench-face-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pkiFolder = URL(fileURLWithPath: "TestVectors/datasets/pki")
        let pki = try TestPKI(folder: pkiFolder)
        guard let spec = DataSetSpec.generated.first(where: { $0.name == "default" }) else {
            throw FacePipelineBenchmarkError.missing("data set spec default")
        }
        try DataSetWriter.write(spec, pki: pki, folder: folder, photo: [UInt8](chip))
        let bed = try PCSCTestBed.shared()
        let card = try DataSetChip.load(folder)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insert()
        defer { connection.eject() }

        let engine = FaceEngine()
        let load = try engine.loadModels()
        let pad = PresentationAttackDetector()
        let padMissing = pad.loadModels()
        let liveBytes = [UInt8](live)
        print("Face pipeline around the read (\(iterations) reads each, PACE-CAN + AA + CA through pcscd + vpcd)")
        print(String(format: "  chip %@ (%d B in DG2), live %@; model load %.0f ms; PAD %@",
                     (chipPhoto as NSString).lastPathComponent, chip.count, (livePhoto as NSString).lastPathComponent,
                     load.milliseconds, padMissing == nil ? "loaded" : "not-available"))

        for delay in [0, apduDelayMilliseconds] {
            card.installFaults(delay == 0 ? [] : [CardFault(FaultTrigger(command: .any), .delay(.milliseconds(delay)))])
            print(delay == 0 ? "  card answering at once:" : "  card paced at \(delay) ms per APDU (a lower bound on a real chip):")
            var rows: [(Mode, [Double], [Double], [Double])] = []
            for mode in Mode.allCases {
                var after: [Double] = []
                var reads: [Double] = []
                var cpu: [Double] = []
                for index in 0..<(iterations + 1) {
                    let (read, latency, cpuAfter) = try await once(mode, engine: engine, pad: pad, live: liveBytes,
                                                                   reader: bed.readerNames[0], trust: pkiFolder)
                    if index > 0 {  // the first run warms caches
                        reads.append(read)
                        after.append(latency)
                        cpu.append(cpuAfter)
                    }
                }
                rows.append((mode, reads, after, cpu))
            }
            // CPU: of the whole process (all threads) between the read's end and the face result; more
            // than the wall time means threads ran side by side (or spun).
            for (mode, reads, after, cpu) in rows {
                let a = Summary(milliseconds: after)
                print(String(format: "    %@ read %7.1f ms   face result after the read: median %6.1f ms  p95 %6.1f ms  max %6.1f ms  CPU %6.1f ms",
                             mode.label.padding(toLength: 44, withPad: " ", startingAt: 0),
                             Summary(milliseconds: reads).median, a.median, a.p95, after.max() ?? 0,
                             Summary(milliseconds: cpu).median))
            }
            for (mode, _, after, _) in rows where mode != .noPipeline {
                let median = Summary(milliseconds: after).median
                print(String(format: "    target ≤ 60 ms after the later of (read done, live photo received), %@: %@",
                             mode.shortLabel, median <= 60 ? "met" : "NOT met"))
            }
        }
    }

    enum Mode: CaseIterable {
        case liveFromStart, liveAfterRead, noPipeline

        var label: String {
            switch self {
            case .liveFromStart: "(a) cccd read --live (live from the start)"
            case .liveAfterRead: "(b) daemon: live photo after the read"
            case .noPipeline: "(c) no pipeline (both after the read)"
            }
        }

        var shortLabel: String {
            switch self {
            case .liveFromStart: "(a)"
            case .liveAfterRead: "(b)"
            case .noPipeline: "(c)"
            }
        }
    }

    /// One read and comparison: the read's wall time, the face result's delay after it and the process's
    /// CPU time in that delay (ms).
    private func once(_ mode: Mode, engine: FaceEngine, pad: PresentationAttackDetector, live: [UInt8], reader: String,
                      trust: URL) async throws -> (Double, Double, Double) {
        let start = ContinuousClock.now
        let liveEarly = mode == .liveFromStart ? engine.startLiveCapture(encodedFrames: [live], pad: pad) : nil
        let chipTemplate = LockedPending()
        var options = ReadOptions(dataGroups: [.dg1, .dg2, .dg13, .dg14, .dg15])
        options.verifier = CardVerifier(trustStore: TrustStore.commandLine(paths: [trust.path]))
        if mode != .noPipeline {
            options.fileReadObserver = { file, bytes in
                guard file == .dataGroup(.dg2), let image = DG2Parser.primaryImage(bytes) else { return }
                chipTemplate.set(engine.startTemplate(encoded: image))
            }
        }
        let result = try await CardReader().read(reader: reader, access: .can("012345"), options: options).result()
        let readDone = ContinuousClock.now
        let cpuAtReadDone = processCPUTimeMilliseconds()
        guard let dg2 = result.rawFiles[.dataGroup(.dg2)], let image = DG2Parser.primaryImage(dg2) else {
            throw FacePipelineBenchmarkError.missing("DG2 in the read")
        }
        let capture: LiveCaptureComparison
        switch mode {
        case .liveFromStart:
            capture = try await engine.compare(chip: chipTemplate.get()!, live: liveEarly!)
        case .liveAfterRead:
            capture = try await engine.compare(chip: chipTemplate.get()!, live: engine.startLiveCapture(encodedFrames: [live], pad: pad))
        case .noPipeline:
            capture = try await engine.compare(chip: CCCDFace.FaceImage(encoded: image), liveFrames: [CCCDFace.FaceImage(encoded: live)], pad: pad)
        }
        guard capture.comparison.match else { throw FacePipelineBenchmarkError.missing("a match of the benchmark photos") }
        let done = ContinuousClock.now
        return ((readDone - start).milliseconds, (done - readDone).milliseconds, processCPUTimeMilliseconds() - cpuAtReadDone)
    }
}

/// The pending chip template, set from the read's task.
private final class LockedPending: Sendable {
    private let box = LockedBox<PendingFaceResult<FaceTemplate>?>(nil)
    func set(_ pending: PendingFaceResult<FaceTemplate>) { box.withLock { $0 = pending } }
    func get() -> PendingFaceResult<FaceTemplate>? { box.withLock { $0 } }
}

enum FacePipelineBenchmarkError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self { case .missing(let what): "missing: \(what)" }
    }
}
