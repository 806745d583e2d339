import CCCDFace
import CCCDPrimitives
import Foundation

// Only the parser: CCCDLDS has a FaceImage of its own.
import enum CCCDLDS.DG2Parser

/// The face engine, created and its models loaded on the first comparison only (the daemon's
/// idle memory stays small when no one compares faces).
public final class FaceService: Sendable {
    private let engine = LockedBox<FaceEngine?>(nil)
    /// Chip templates being computed ahead (``startChipTemplate(dg2:)``).
    private let precomputing = LockedBox(0)
    private let configuration: FaceEngine.Configuration
    /// The decision level whose threshold the engine uses.
    public let level: FaceDecisionLevel
    /// The presentation-attack models, loaded with the face models (missing ones give `not-available`).
    private let pad: PresentationAttackDetector

    public init(
        configuration: FaceEngine.Configuration = FaceEngine.Configuration(), level: FaceDecisionLevel = .standard,
        padThreshold: Double? = nil
    ) {
        var configuration = configuration
        configuration.threshold = level.threshold
        self.configuration = configuration
        self.level = level
        pad = PresentationAttackDetector(
            configuration: .init(
                modelsDirectory: configuration.modelsDirectory,
                threshold: padThreshold ?? PresentationAttackDetector.defaultThreshold))
    }

    /// The presentation-attack threshold in use (`face.padThreshold`).
    public var padThreshold: Double { pad.configuration.threshold }

    public var isLoaded: Bool { engine.withLock { $0 != nil } }

    /// The models folder the engine uses (or will use).
    public var modelsDirectory: URL { configuration.modelsDirectory ?? FaceModelFiles.defaultDirectory() }

    private func loadedEngine() throws(FaceError) -> FaceEngine {
        let current = engine.withLock { current -> FaceEngine in
            if let current { return current }
            let created = FaceEngine(configuration: configuration)
            current = created
            return created
        }
        _ = try current.loadModels()
        return current
    }

    /// Compares a chip image (bare image or a DG2 file) with a live photo.
    public func compare(chip: [UInt8], live: [UInt8]) async throws(FaceError) -> FaceComparison {
        guard let chipImage = DG2Parser.primaryImage(chip) ?? extractFaceImage(fromDG2OrImage: chip) else {
            throw .unsupportedImageFormat
        }
        let chipFace = try FaceImage(encoded: chipImage)
        let liveFace = try FaceImage(encoded: live)
        return try await loadedEngine().compare(chip: chipFace, live: liveFace)
    }

    /// Compares a chip image with 1–5 live frames: the best-quality frame is compared, every frame is
    /// scored for presentation attacks (median).
    public func compare(chip: [UInt8], liveFrames: [[UInt8]]) async throws(FaceError) -> LiveCaptureComparison {
        guard let chipImage = DG2Parser.primaryImage(chip) ?? extractFaceImage(fromDG2OrImage: chip) else {
            throw .unsupportedImageFormat
        }
        let chipFace = try FaceImage(encoded: chipImage)
        let frames = try liveFrames.map { bytes throws(FaceError) in try FaceImage(encoded: bytes) }
        let engine = try loadedEngine()
        pad.loadModels()
        return try await engine.compare(chip: chipFace, liveFrames: frames, pad: pad)
    }

    /// Starts the chip photo's template from a DG2 file as soon as it has been read, on another
    /// thread (the read goes on). A failure (no models, no face) is kept and reported by the compare.
    /// Nil when ``maximumPrecomputes`` are already running: reads that follow each other faster than
    /// their templates (a photo without a face sends the detector through its slow retries) must not
    /// pile CPU work up behind the daemon; such a read's compare computes the chip template itself.
    public func startChipTemplate(dg2: [UInt8]) -> PendingFaceResult<FaceTemplate>? {
        let admitted = precomputing.withLock { running -> Bool in
            guard running < Self.maximumPrecomputes else { return false }
            running += 1
            return true
        }
        guard admitted else { return nil }
        // Everything (DG2 parsing, the first model load) on the pending work's thread: the read's task
        // must not wait. At background priority: it must not slow this read or the next ones (a DG2
        // without a findable face takes the detector through its retries, over a second of CPU).
        return PendingFaceResult(priority: .background) {
            defer { self.precomputing.withLock { $0 -= 1 } }
            return Result { () throws(FaceError) in
                guard let chipImage = DG2Parser.primaryImage(dg2) ?? extractFaceImage(fromDG2OrImage: dg2) else {
                    throw .unsupportedImageFormat
                }
                return try self.loadedEngine().template(for: FaceImage(encoded: chipImage))
            }
        }
    }

    /// Chip templates computed ahead at once (one core's worth on a two-core counter PC).
    public static let maximumPrecomputes = 1

    /// Chip templates being computed ahead now.
    public var precomputesRunning: Int { precomputing.withLock { $0 } }

    /// Compares the chip template computed during the read with 1–5 live frames: only the live
    /// frames are worked on now (decoded, scored and described while the chip template finishes).
    public func compare(chipTemplate: PendingFaceResult<FaceTemplate>, liveFrames: [[UInt8]]) async throws(FaceError)
        -> LiveCaptureComparison
    {
        let engine = try loadedEngine()
        pad.loadModels()
        return try await engine.compare(chip: chipTemplate, live: engine.startLiveCapture(encodedFrames: liveFrames, pad: pad))
    }
}
