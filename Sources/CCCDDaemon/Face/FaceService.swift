import CCCDFace
// Only the parser: CCCDLDS has a FaceImage of its own.
import enum CCCDLDS.DG2Parser
import Foundation

/// The face engine, created and its models loaded on the first comparison only (the daemon's
/// idle memory stays small when no one compares faces).
public final class FaceService: Sendable {
    private let engine = LockedBox<FaceEngine?>(nil)
    private let configuration: FaceEngine.Configuration

    public init(configuration: FaceEngine.Configuration = FaceEngine.Configuration()) {
        self.configuration = configuration
    }

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
}
