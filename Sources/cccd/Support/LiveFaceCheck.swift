import CCCDFace
// Only the parser: CCCDLDS has a FaceImage of its own.
import enum CCCDLDS.DG2Parser
import CCCDKit
import CCCDPrimitives
import Foundation

/// The `--live IMAGE` check of `cccd read` and `cccd verify`: compares the DG2 chip photo with a live
/// photo through CCCDFace and gives the `face` block of the JSON output.
///
/// The face engine (and its models) is created only when `--live` is given. A face error (models
/// missing, no face, unreadable image, …) never changes the verification verdict or the exit status:
/// it is printed on stderr and written into the JSON as `"face": {"error": {"kind": …, "message": …}}`.
/// Nothing about the photos themselves is logged.
enum LiveFaceCheck {
    /// What the face check gave: a comparison, or why there is none.
    enum Outcome: Sendable, Encodable {
        /// The comparison and the live photo's presentation-attack signal (advisory; never changes `match`).
        case compared(FaceMatchSummary, liveness: LivenessResult? = nil, level: FaceDecisionLevel = .standard)
        case failed(kind: String, message: String)

        private struct Failure: Encodable {
            var kind: String
            var message: String
        }
        private enum CodingKeys: String, CodingKey { case error, liveness, level }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .compared(let summary, let liveness, let level):
                try summary.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeIfPresent(liveness, forKey: .liveness)
                try container.encode(level.rawValue, forKey: .level)
            case .failed(let kind, let message):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(Failure(kind: kind, message: message), forKey: .error)
            }
        }

        /// The comparison, when there is one.
        var summary: FaceMatchSummary? {
            if case .compared(let summary, _, _) = self { return summary }
            return nil
        }

        /// One line for the readable summaries: the label padded to `labelWidth` columns.
        func summaryLine(language: Language = .en, labelWidth: Int = 0) -> String {
            let label = language.text("Face", "Khuôn mặt")
            let padded = label + String(repeating: " ", count: max(1, labelWidth - label.count))
            switch self {
            case .compared(let s, let liveness, _):
                let verdict = s.match ? language.text("MATCH", "KHỚP") : language.text("NO MATCH", "KHÔNG KHỚP")
                var line = String(format: "%@%@ (%@ %.3f, %@ %.3f)",
                                  padded, verdict,
                                  language.text("similarity", "độ tương đồng"), s.similarity,
                                  language.text("threshold", "ngưỡng"), s.threshold)
                if liveness?.status == .attackSuspected {
                    line += language.text(" — possible presentation attack", " — nghi ngờ giả mạo khuôn mặt")
                }
                return line
            case .failed(_, let message):
                return padded + language.text("not compared (\(message))", "không so được (\(message))")
            }
        }
    }

    /// The face settings of `--level` and `--pad-threshold`.
    struct Settings: Sendable {
        var level: FaceDecisionLevel = .standard
        var padThreshold: Double?
    }

    /// Compares the chip photo (the DG2 file as read, or `nil` when the card gave none) with the live
    /// image files (1–5 frames of one capture). Reports a failure on stderr, prefixed with `command`.
    static func run(dg2: [UInt8]?, livePaths: [String], settings: Settings = Settings(), command: String) async -> Outcome {
        let pipeline = Pipeline(livePaths: livePaths, settings: settings)
        if let dg2 { pipeline.fileRead(.dataGroup(.dg2), dg2) }
        return await pipeline.finish(dg2: dg2, command: command)
    }

    /// The face work of `cccd read --live`, overlapping the card read: the live frames are decoded,
    /// scored (PAD) and their best template computed from the start; the chip template as soon as DG2
    /// has been read (``fileRead(_:_:)`` is the read's file observer). After the read only the template
    /// distance is left. The templates live as long as this object (the command).
    final class Pipeline: Sendable {
        let settings: Settings
        private let engine: FaceEngine
        private let live: PendingFaceResult<PreparedLiveCapture>
        private let chip = LockedBox<PendingFaceResult<FaceTemplate>?>(nil)

        init(livePaths: [String], settings: Settings) {
            self.settings = settings
            var configuration = FaceEngine.Configuration()
            configuration.threshold = settings.level.threshold
            let engine = FaceEngine(configuration: configuration)
            self.engine = engine
            let pad = PresentationAttackDetector(configuration: .init(
                threshold: settings.padThreshold ?? PresentationAttackDetector.defaultThreshold))
            live = PendingFaceResult {
                Result { () throws(FaceError) in
                    var frames: [[UInt8]] = []
                    for path in livePaths {
                        guard let data = FileManager.default.contents(atPath: path) else { throw .fileNotReadable(path: path) }
                        frames.append([UInt8](data))
                    }
                    let images = try frames.map { bytes throws(FaceError) in try CCCDFace.FaceImage(encoded: bytes) }
                    _ = try engine.loadModels()
                    pad.loadModels()
                    return try engine.prepare(liveFrames: images, pad: pad)
                }
            }
        }

        /// The read's file observer: starts the chip template when DG2 arrives (returns at once).
        func fileRead(_ file: LDSFile, _ bytes: [UInt8]) {
            guard file == .dataGroup(.dg2) else { return }
            guard let image = DG2Parser.primaryImage(bytes) ?? extractFaceImage(fromDG2OrImage: bytes) else { return }
            let started = engine.startTemplate(encoded: image)
            chip.withLock { $0 = started }
        }

        /// The outcome once the read is done (`dg2` as read, nil when the card gave none).
        func finish(dg2: [UInt8]?, command: String) async -> Outcome {
            let outcome: Outcome
            if let dg2, let chipImage = DG2Parser.primaryImage(dg2) ?? extractFaceImage(fromDG2OrImage: dg2) {
                // Started by the observer unless the DG2 came another way.
                let pending = chip.withLock { current in
                    if let current { return current }
                    let started = engine.startTemplate(encoded: chipImage)
                    current = started
                    return started
                }
                do {
                    let capture = try await engine.compare(chip: pending, live: live)
                    let result = capture.comparison
                    outcome = .compared(
                        FaceMatchSummary(match: result.match, similarity: result.similarity, threshold: result.threshold),
                        liveness: capture.liveness, level: settings.level)
                } catch {
                    outcome = .failed(kind: MatchCommand.kind(of: error), message: error.description)
                }
            } else {
                outcome = .failed(kind: "no-chip-photo", message: "no readable chip photo (DG2)")
            }
            if case .failed(_, let message) = outcome {
                printError("\(command): face comparison not done: \(message)")
            }
            return outcome
        }
    }
}

/// Encodes `base` and adds its `face` key: lets the face outcome (including an error object) join
/// the JSON of types that do not know about CCCDFace.
struct WithFaceOutcome<Base: Encodable>: Encodable {
    var base: Base
    var face: LiveFaceCheck.Outcome?

    private enum CodingKeys: String, CodingKey { case face }

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        if let face {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(face, forKey: .face)
        }
    }

    func jsonData() throws -> Data {
        try JSONCoding.encoder(pretty: true).encode(self)
    }
}
