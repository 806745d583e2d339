import ArgumentParser
import CCCDFace
import CCCDPrimitives
import Foundation

// Only the parser: CCCDLDS has a FaceImage of its own.
import enum CCCDLDS.DG2Parser

/// `cccd match CHIP_IMAGE LIVE_IMAGE… [--level standard|strict] [--json]`: compares the chip photo with
/// 1–5 live frames of one capture (the best-quality frame is compared) and reports the
/// presentation-attack signal of the frames (`liveness`), which never changes the match decision.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Compare a chip photo (DG2 file, JPEG or JPEG 2000) with 1–5 live frames (JPEG, PNG, WebP or JPEG 2000).",
        discussion: """
            Exit status: 0 the faces match, 1 they do not, 2 a photo could not be used (unreadable, \
            no face, several faces, face too small) or the face models are missing, 64 usage error.
            Face models: \(FaceModelFiles.environmentVariable) or the default directory \
            (scripts/setup-face-models.sh installs them). The liveness (presentation-attack) signal is \
            advisory: live, attack-suspected, insufficient-quality or not-available (PAD models missing); \
            it does not change the exit status.
            """)

    @Argument(help: "The chip photo: a DG2 file as read from the card, or a JPEG / JPEG 2000 image.")
    var chipImage: String

    @Argument(help: "The live photo taken at the counter, or up to 5 frames of one capture.")
    var liveImages: [String]

    @Option(help: "Decision level: standard (distance 0.6) or strict (distance 0.55, fewer false matches).")
    var level: FaceDecisionLevel = .standard

    @Option(help: "Similarity threshold in [0, 1] (overrides --level).")
    var threshold: Double?

    @Option(
        help:
            "Presentation-attack (liveness) threshold, \(PresentationAttackDetector.thresholdRangeText) (default \(PresentationAttackDetector.defaultThreshold)); reported as liveness.threshold."
    )
    var padThreshold: Double?

    @Flag(help: "Use the largest face when a photo shows several.")
    var largestFace = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    struct Output: Encodable {
        struct Photo: Encodable {
            var format: String?
            var width: Int
            var height: Int
        }
        struct Timings: Encodable {
            var modelLoadMs: Double
            var decodeMs: Double
            var compareMs: Double
        }
        var match: Bool
        var similarity: Double
        var threshold: Double
        var distance: Double
        var modelId: String
        var level: String
        var chip: Photo
        var live: Photo
        /// Index (from 0) of the live frame compared.
        var frameUsed: Int
        var liveness: LivenessResult
        var timings: Timings
    }

    struct Failure: Encodable {
        struct Detail: Encodable {
            var kind: String
            var message: String
        }
        var error: Detail
    }

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--threshold must be between 0 and 1")
        }
        if let padThreshold, !PresentationAttackDetector.thresholdRange.contains(padThreshold) {
            throw ValidationError("--pad-threshold must be \(PresentationAttackDetector.thresholdRangeText)")
        }
        if !(1...FaceEngine.maximumLiveFrames).contains(liveImages.count) {
            throw ValidationError("give 1 to \(FaceEngine.maximumLiveFrames) live images")
        }
    }

    func run() async throws {
        var configuration = FaceEngine.Configuration()
        configuration.threshold = threshold ?? level.threshold
        if largestFace { configuration.detection.multipleFaces = .largest }
        let engine = FaceEngine(configuration: configuration)
        let clock = ContinuousClock()
        do {
            let decodeStart = clock.now
            let chip = try loadImage(chipImage, dg2: true)
            let frames = try liveImages.map { path throws(FaceError) in try loadImage(path, dg2: false) }
            let decoded = clock.now
            let load = try engine.loadModels()
            let pad = PresentationAttackDetector(
                configuration: .init(
                    threshold: padThreshold ?? PresentationAttackDetector.defaultThreshold))
            pad.loadModels()
            let compareStart = clock.now
            let capture = try await engine.compare(chip: chip, liveFrames: frames, pad: pad)
            let result = capture.comparison
            let live = frames[capture.frameUsed]
            let compared = clock.now
            let output = Output(
                match: result.match, similarity: result.similarity, threshold: result.threshold,
                distance: result.distance, modelId: FaceTemplate.currentModelId,
                level: threshold == nil ? level.rawValue : "custom",
                chip: .init(format: chip.sourceFormat?.rawValue, width: chip.width, height: chip.height),
                live: .init(format: live.sourceFormat?.rawValue, width: live.width, height: live.height),
                frameUsed: capture.frameUsed, liveness: capture.liveness,
                timings: .init(
                    modelLoadMs: load.milliseconds, decodeMs: (decoded - decodeStart).milliseconds,
                    compareMs: (compared - compareStart).milliseconds))
            if json {
                printJSON(output)
            } else {
                print(
                    String(
                        format: "%@ (similarity %.3f, threshold %.3f, distance %.3f)",
                        result.match ? "MATCH" : "NO MATCH", result.similarity, result.threshold, result.distance))
                print(Self.livenessLine(capture.liveness))
            }
            if !result.match { throw ExitCode(1) }
        } catch let error as FaceError {
            printError("cccd match: \(error)")
            if json { printJSON(Failure(error: .init(kind: Self.kind(of: error), message: error.description))) }
            throw ExitCodes.couldNotRead
        }
    }

    /// The readable liveness line (advisory).
    static func livenessLine(_ liveness: LivenessResult) -> String {
        switch liveness.status {
        case .live, .attackSuspected:
            String(
                format: "liveness: %@ (score %.3f, threshold %.3f, %d of %d frames scored)",
                liveness.status.rawValue, liveness.score ?? 0, liveness.threshold,
                liveness.signals.framesScored, liveness.frames)
        case .insufficientQuality, .notAvailable:
            "liveness: \(liveness.status.rawValue) (\(liveness.signals.reason ?? ""))"
        }
    }

    private func loadImage(_ path: String, dg2: Bool) throws(FaceError) -> FaceImage {
        guard let data = FileManager.default.contents(atPath: path) else { throw .fileNotReadable(path: path) }
        let bytes = [UInt8](data)
        guard let image = dg2 ? DG2Parser.primaryImage(bytes) ?? extractFaceImage(fromDG2OrImage: bytes) : bytes else {
            throw .unsupportedImageFormat
        }
        return try FaceImage(encoded: image)
    }

    private func printJSON(_ value: some Encodable) {
        if let data = try? JSONCoding.encoder(pretty: true).encode(value) { print(String(decoding: data, as: UTF8.self)) }
    }

    /// A stable machine-readable name for each error case.
    static func kind(of error: FaceError) -> String {
        switch error {
        case .modelsNotFound: "models-not-found"
        case .modelLoadFailed: "model-load-failed"
        case .fileNotReadable: "file-not-readable"
        case .unsupportedImageFormat: "unsupported-image-format"
        case .corruptImage: "corrupt-image"
        case .imageTooSmall: "image-too-small"
        case .imageTooLarge: "image-too-large"
        case .noFace: "no-face"
        case .multipleFaces: "multiple-faces"
        case .faceTooSmall: "face-too-small"
        case .incompatibleTemplates: "incompatible-templates"
        case .invalidTemplate: "invalid-template"
        case .internalError: "internal-error"
        case .nativeLibraryUnavailable: "native-library-unavailable"
        }
    }
}

extension FaceDecisionLevel: ExpressibleByArgument {}

extension Duration {
    fileprivate var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
