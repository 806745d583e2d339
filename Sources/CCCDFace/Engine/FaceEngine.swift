import CCCDPrimitives
import CFaceNativeAPI
import Foundation

/// Finds faces, extracts templates and compares them. Loads the models once, on first use (or when
/// `loadModels()` is called), and is safe to share between concurrent tasks: each call borrows a
/// per-thread dlib worker from a pool, so calls run in parallel without locking each other out.
///
/// The calls are synchronous CPU work (tens of milliseconds); from async code, call them from a task
/// that may block, or use the async `compare(chip:live:)`.
public final class FaceEngine: @unchecked Sendable {
    /// Deployment settings.
    public struct Configuration: Sendable {
        /// Models directory; nil means `FaceModelFiles.defaultDirectory()`.
        public var modelsDirectory: URL?
        public var detection: FaceDetectionOptions
        /// Similarity at or above which two faces are the same person.
        public var threshold: Double

        /// Similarity 0.5, i.e. distance 0.6 (dlib's LFW boundary), checked in docs/face-calibration.md:
        /// on chip-like 4–15 KB JPEG and JPEG 2000 photos every same-person pair was below 0.53 and every
        /// different-person pair above 0.72.
        public static let defaultThreshold = 0.5

        /// Where the built HOG detector is saved so that later processes start faster (reading it takes
        /// a few ms, building it ~0.3 s); nil means `$XDG_CACHE_HOME/cccdkit` (`~/.cache/cccdkit`).
        /// If the folder cannot be written, the detector is simply built every time.
        public var cacheDirectory: URL?

        public init(modelsDirectory: URL? = nil, detection: FaceDetectionOptions = FaceDetectionOptions(),
                    threshold: Double = Configuration.defaultThreshold, cacheDirectory: URL? = nil) {
            self.modelsDirectory = modelsDirectory
            self.detection = detection
            self.threshold = threshold
            self.cacheDirectory = cacheDirectory
        }
    }

    public let configuration: Configuration
    /// The models directory in use.
    public let modelsDirectory: URL

    // The loaded models and the idle workers. Workers are created on demand, one per concurrent caller,
    // and kept for reuse.
    private struct State {
        var models: OpaquePointer?
        var idleWorkers: [OpaquePointer] = []
        var loadDuration: Duration?
    }

    private let state = LockedBox(State())

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.modelsDirectory = configuration.modelsDirectory ?? FaceModelFiles.defaultDirectory()
    }

    deinit {
        // Models exist only once the native library is loaded.
        guard let dlib = FaceNativeLibrary.loaded?.dlib else { return }
        state.withLock { state in
            for worker in state.idleWorkers { dlib.worker_free(worker) }
            if let models = state.models { dlib.models_free(models) }
        }
    }

    /// Loads the models now instead of on first use. Returns the time it took (zero if already loaded).
    @discardableResult
    public func loadModels() throws(FaceError) -> Duration {
        // Loading happens under the lock: concurrent first callers wait for the one load.
        try state.withLock { (state) throws(FaceError) -> Duration in
            if state.models != nil { return .zero }
            let start = ContinuousClock.now
            state.models = try Self.load(
                from: modelsDirectory, hogCache: Self.hogCacheFile(in: configuration.cacheDirectory))
            BLASThreads.configure()  // one OpenBLAS thread per descriptor (BLASThreads)
            let elapsed = ContinuousClock.now - start
            state.loadDuration = elapsed
            return elapsed
        }
    }

    /// How long loading the models took, once they are loaded.
    public var modelLoadDuration: Duration? {
        state.withLock { $0.loadDuration }
    }

    /// The HOG detector's cache file, or nil when its folder cannot be created.
    private static func hogCacheFile(in directory: URL?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let folder = directory?.path
            ?? (environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache") + "/cccdkit"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        return folder + "/frontal_face_detector.dat"
    }

    private static func load(from directory: URL, hogCache: String?) throws(FaceError) -> OpaquePointer {
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let required = [FaceModelFiles.recognition, FaceModelFiles.landmarks]
        let missing = required.filter { !FileManager.default.fileExists(atPath: path($0)) }
        guard missing.isEmpty else { throw .modelsNotFound(directory: directory.path, missing: missing) }
        let cnn = FileManager.default.fileExists(atPath: path(FaceModelFiles.cnnDetector))
            ? path(FaceModelFiles.cnnDetector) : nil
        // The native library (dlib) is opened here, on the first load of models, not at process start.
        let dlib = try FaceNativeLibrary.shared().dlib
        var models: OpaquePointer?
        var message = [CChar](repeating: 0, count: 256)
        let status = dlib.models_load(path(FaceModelFiles.recognition), path(FaceModelFiles.landmarks), cnn,
                                      hogCache, &models, &message, message.count)
        guard status == CDLIB_OK, let models else {
            throw .modelLoadFailed(path: directory.path, reason: text(message))
        }
        return models
    }

    /// Runs `body` with a worker of its own and the shared models.
    private func withWorker<T>(_ body: (OpaquePointer, OpaquePointer) throws(FaceError) -> T) throws(FaceError) -> T {
        try loadModels()
        let (models, idle) = state.withLock { ($0.models!, $0.idleWorkers.popLast()) }
        var worker = idle
        if worker == nil {
            var message = [CChar](repeating: 0, count: 256)
            let dlib = try FaceNativeLibrary.shared().dlib
            guard dlib.worker_create(models, &worker, &message, message.count) == CDLIB_OK, worker != nil else {
                throw .internalError(text(message))
            }
        }
        defer {
            state.withLock { $0.idleWorkers.append(worker!) }
        }
        return try body(models, worker!)
    }

    // MARK: Stages

    /// Every face the detectors find (HOG, then HOG on a larger scale, then CNN if enabled), largest
    /// first. Does not apply the quality rules; see `selectFace(in:)`.
    public func detectFaces(in image: FaceImage) throws(FaceError) -> [FaceDetection] {
        let options = configuration.detection
        let longSide = Double(max(image.width, image.height))
        let firstScale = min(1, Double(options.detectionMaxSide) / longSide)
        return try withWorker { (models, worker) throws(FaceError) in
            var faces = try Self.detect(worker, .hog, image, scale: firstScale)
            // Larger scales find smaller faces at a higher cost, so they run only when needed.
            let retryScale = min(2, Double(options.retryMaxSide) / longSide)
            var scale = firstScale
            for next in [min(firstScale * 2, retryScale), retryScale] where faces.isEmpty && next > scale * 1.2 {
                faces = try Self.detect(worker, .hog, image, scale: next)
                scale = next
            }
            if faces.isEmpty, options.useCNNFallback, try FaceNativeLibrary.shared().dlib.models_has_cnn(models) != 0 {
                faces = try Self.detect(worker, .cnn, image, scale: min(1, Double(options.cnnMaxSide) / longSide))
            }
            return faces.sorted { $0.width * $0.height > $1.width * $1.height }
        }
    }

    private static func detect(_ worker: OpaquePointer, _ detector: FaceDetection.Detector, _ image: FaceImage,
                               scale: Double) throws(FaceError) -> [FaceDetection] {
        let dlib = try FaceNativeLibrary.shared().dlib
        var found = [cdlib_face](repeating: cdlib_face(), count: 32)
        var count = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            dlib.detect(worker, detector == .hog ? CDLIB_DETECTOR_HOG : CDLIB_DETECTOR_CNN, pixels.baseAddress,
                        image.width, image.height, image.width * 3, scale, &found, found.count, &count,
                        &message, message.count)
        }
        guard status == CDLIB_OK else { throw .internalError(text(message)) }
        return found.prefix(count).map {
            FaceDetection(left: $0.left, top: $0.top, right: $0.right, bottom: $0.bottom,
                          confidence: $0.confidence, detector: detector)
        }
    }

    /// The one face to use, by the configured rules: `noFace`, `faceTooSmall` or `multipleFaces`
    /// (unless the policy is `.largest` or the largest face's area is at least twice the next one's).
    /// Faces below the minimum width do not count as a second face.
    public func selectFace(in image: FaceImage) throws(FaceError) -> FaceDetection {
        try Self.select(from: detectFaces(in: image), options: configuration.detection)
    }

    /// The selection rules of `selectFace(in:)` applied to detected faces, largest first.
    public static func select(from faces: [FaceDetection], options: FaceDetectionOptions) throws(FaceError) -> FaceDetection {
        guard let largest = faces.first else { throw .noFace }
        let usable = faces.filter { $0.width >= Double(options.minimumFaceWidth) }
        guard !usable.isEmpty else {
            throw .faceTooSmall(width: Int(largest.width.rounded()), minimumWidth: options.minimumFaceWidth)
        }
        // A queue behind the customer: the dominant face (at least twice the next one's area) is the
        // customer's; faces of similar size are ambiguous.
        if usable.count > 1, options.multipleFaces == .reject,
           usable[0].width * usable[0].height < FaceDetectionOptions.dominantAreaRatio * usable[1].width * usable[1].height {
            throw .multipleFaces(count: usable.count)
        }
        return largest
    }

    /// Finds the landmarks of `face` and cuts out the aligned 150×150 chip.
    public func align(_ face: FaceDetection, in image: FaceImage) throws(FaceError) -> AlignedFace {
        try loadModels()
        let models = state.withLock { $0.models! }
        let dlib = try FaceNativeLibrary.shared().dlib
        var chip = [UInt8](repeating: 0, count: AlignedFace.size * AlignedFace.size * 3)
        var points = [Double](repeating: 0, count: 2 * Int(CDLIB_LANDMARK_COUNT))
        var message = [CChar](repeating: 0, count: 256)
        let box = cdlib_face(left: face.left, top: face.top, right: face.right, bottom: face.bottom,
                             confidence: face.confidence)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            dlib.align(models, pixels.baseAddress, image.width, image.height, image.width * 3, box,
                       &chip, &points, &message, message.count)
        }
        guard status == CDLIB_OK else { throw .internalError(text(message)) }
        let landmarks = stride(from: 0, to: points.count, by: 2).map { (x: points[$0], y: points[$0 + 1]) }
        return AlignedFace(pixels: chip, landmarks: landmarks, face: face)
    }

    /// Computes the template of an aligned face.
    public func template(for aligned: AlignedFace) throws(FaceError) -> FaceTemplate {
        try withWorker { (_, worker) throws(FaceError) in
            let dlib = try FaceNativeLibrary.shared().dlib
            var descriptor = [Float](repeating: 0, count: Int(CDLIB_DESCRIPTOR_LENGTH))
            var message = [CChar](repeating: 0, count: 256)
            let status = aligned.pixels.withUnsafeBufferPointer {
                dlib.descriptor(worker, $0.baseAddress, &descriptor, &message, message.count)
            }
            guard status == CDLIB_OK else { throw .internalError(text(message)) }
            return FaceTemplate(descriptor: descriptor)
        }
    }

    // MARK: Whole pipeline

    /// Detects, checks, aligns and describes the face in `image`.
    public func template(for image: FaceImage) throws(FaceError) -> FaceTemplate {
        try template(for: align(selectFace(in: image), in: image))
    }

    /// Compares two templates with the configured threshold.
    public func compare(_ first: FaceTemplate, _ second: FaceTemplate) throws(FaceError) -> FaceComparison {
        FaceComparison(distance: try first.distance(to: second), threshold: configuration.threshold)
    }

    /// Compares the chip photo with the live photo; the two templates are extracted in parallel.
    public func compare(chip: FaceImage, live: FaceImage) throws(FaceError) -> FaceComparison {
        let results = ParallelPair { self.templateResult(for: chip) } _: { self.templateResult(for: live) }
        return try compare(results.0.get(), results.1.get())
    }

    /// Async form of `compare(chip:live:)` that runs off the cooperative thread pool.
    public func compare(chip: FaceImage, live: FaceImage) async throws(FaceError) -> FaceComparison {
        let result: Result<FaceComparison, FaceError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(FaceError) in try self.compare(chip: chip, live: live) })
            }
        }
        return try result.get()
    }

    private func templateResult(for image: FaceImage) -> Result<FaceTemplate, FaceError> {
        Result { () throws(FaceError) in try template(for: image) }
    }
}

/// Runs two closures at the same time (one on the calling thread) and returns both results.
func ParallelPair<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a = first() } else { b = second() }
    }
    return (a!, b!)
}

/// The NUL-terminated C message in `buffer`.
private func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
