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
        case compared(FaceMatchSummary, liveness: LivenessResult? = nil)
        case failed(kind: String, message: String)

        private struct Failure: Encodable {
            var kind: String
            var message: String
        }
        private enum CodingKeys: String, CodingKey { case error, liveness, level }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .compared(let summary, let liveness):
                try summary.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeIfPresent(liveness, forKey: .liveness)
                try container.encode(FaceDecisionLevel.standard.rawValue, forKey: .level)
            case .failed(let kind, let message):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(Failure(kind: kind, message: message), forKey: .error)
            }
        }

        /// The comparison, when there is one.
        var summary: FaceMatchSummary? {
            if case .compared(let summary, _) = self { return summary }
            return nil
        }

        /// One line for the readable summaries: the label padded to `labelWidth` columns.
        func summaryLine(language: Language = .en, labelWidth: Int = 0) -> String {
            let label = language.text("Face", "Khuôn mặt")
            let padded = label + String(repeating: " ", count: max(1, labelWidth - label.count))
            switch self {
            case .compared(let s, let liveness):
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

    /// Compares the chip photo (the DG2 file as read, or `nil` when the card gave none) with the live
    /// image file. Reports a failure on stderr, prefixed with `command`.
    static func run(dg2: [UInt8]?, livePath: String, command: String) async -> Outcome {
        let outcome: Outcome
        if let dg2, let chipImage = DG2Parser.primaryImage(dg2) ?? extractFaceImage(fromDG2OrImage: dg2) {
            do {
                let (summary, liveness) = try await compare(chipImage: chipImage, livePath: livePath)
                outcome = .compared(summary, liveness: liveness)
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

    private static func compare(chipImage: [UInt8], livePath: String) async throws(FaceError)
        -> (FaceMatchSummary, LivenessResult)
    {
        guard let liveData = FileManager.default.contents(atPath: livePath) else {
            throw .fileNotReadable(path: livePath)
        }
        let chip = try FaceImage(encoded: chipImage)
        let live = try FaceImage(encoded: [UInt8](liveData))
        let engine = FaceEngine()
        _ = try engine.loadModels()
        let pad = PresentationAttackDetector()
        pad.loadModels()
        let capture = try await engine.compare(chip: chip, liveFrames: [live], pad: pad)
        let result = capture.comparison
        return (FaceMatchSummary(match: result.match, similarity: result.similarity, threshold: result.threshold),
                capture.liveness)
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
