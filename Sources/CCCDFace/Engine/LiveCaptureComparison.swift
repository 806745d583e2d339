import CCCDPrimitives
import Foundation

/// The outcome of comparing the chip photo with a capture of 1–5 live frames: the face comparison
/// (made with the best-quality frame) and the presentation-attack signal (median over the frames that
/// pass the quality gate). The liveness result never changes `comparison.match`.
public struct LiveCaptureComparison: Sendable {
    public var comparison: FaceComparison
    public var liveness: LivenessResult
    /// Index (from 0) of the frame the comparison used.
    public var frameUsed: Int
}

/// The live half of a comparison, ready before the chip template is: the best frame's template, the
/// PAD signal of all frames, and which frame was used. Biometric data: keep it no longer than the read.
public struct PreparedLiveCapture: Sendable {
    public var template: FaceTemplate
    public var liveness: LivenessResult
    public var frameUsed: Int
}

extension FaceEngine {
    /// The most live frames one capture may have.
    public static let maximumLiveFrames = 5

    /// Compares the chip photo with the best live frame and scores every frame for presentation attacks.
    /// Throws the first frame's error when no frame shows a usable face (as `compare(chip:live:)` does).
    public func compare(
        chip: FaceImage, liveFrames: [FaceImage],
        pad: PresentationAttackDetector
    ) throws(FaceError) -> LiveCaptureComparison {
        let (chipTemplate, live) = ParallelPair {
            Result { () throws(FaceError) in try self.template(for: chip) }
        } _: {
            Result { () throws(FaceError) in try self.prepare(liveFrames: liveFrames, pad: pad) }
        }
        let prepared = try live.get()
        return try compare(chipTemplate: chipTemplate.get(), live: prepared)
    }

    /// Compares a chip template computed earlier (e.g. while the card read went on) with a prepared
    /// live capture: only the template distance is left to compute.
    public func compare(chipTemplate: FaceTemplate, live: PreparedLiveCapture) throws(FaceError) -> LiveCaptureComparison {
        LiveCaptureComparison(
            comparison: try compare(chipTemplate, live.template), liveness: live.liveness,
            frameUsed: live.frameUsed)
    }

    /// The live half of a comparison: every frame's face and quality (frames in parallel), the PAD
    /// signal, and the template of the best-quality frame (in parallel with PAD).
    public func prepare(liveFrames: [FaceImage], pad: PresentationAttackDetector) throws(FaceError) -> PreparedLiveCapture {
        guard (1...Self.maximumLiveFrames).contains(liveFrames.count) else {
            throw .internalError("\(liveFrames.count) live frames; 1 to \(Self.maximumLiveFrames) are accepted")
        }
        let frames = Self.parallelMap(liveFrames) { self.evaluate($0, pad: pad) }
        // The comparison uses the frame with a face that passes the gate and is sharpest; failing that,
        // the sharpest frame with a face.
        let candidates = frames.indices.filter { frames[$0].face != nil }
        guard
            let best = candidates.max(by: { a, b in
                let (qa, qb) = (frames[a].quality, frames[b].quality)
                return ((qa?.passes ?? false) ? 1 : 0, qa?.sharpness ?? 0) < ((qb?.passes ?? false) ? 1 : 0, qb?.sharpness ?? 0)
            })
        else { throw frames.first?.error ?? .noFace }
        let (liveTemplate, liveness) = ParallelPair {
            Result { () throws(FaceError) in
                if let aligned = frames[best].aligned { return try self.template(for: aligned) }
                return try self.template(for: self.align(frames[best].face!, in: liveFrames[best]))
            }
        } _: {
            Self.assess(frames, images: liveFrames, pad: pad)
        }
        return PreparedLiveCapture(template: try liveTemplate.get(), liveness: liveness, frameUsed: best)
    }

    /// `transform` of every element, the elements in parallel.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if items.count == 1 { return [transform(items[0])] }
        let results = LockedBox([U?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// Async form that runs off the cooperative thread pool.
    public func compare(
        chip: FaceImage, liveFrames: [FaceImage],
        pad: PresentationAttackDetector
    ) async throws(FaceError) -> LiveCaptureComparison {
        let result: Result<LiveCaptureComparison, FaceError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(
                    returning: Result { () throws(FaceError) in
                        try self.compare(chip: chip, liveFrames: liveFrames, pad: pad)
                    })
            }
        }
        return try result.get()
    }

    /// The liveness signal of live frames alone (no comparison), e.g. for calibration.
    public func liveness(of liveFrames: [FaceImage], pad: PresentationAttackDetector) -> LivenessResult {
        Self.assess(liveFrames.map { evaluate($0, pad: pad) }, images: liveFrames, pad: pad)
    }

    struct FrameEvaluation: Sendable {
        var face: FaceDetection?
        var error: FaceError?
        var quality: FrameQuality?
        /// The landmarks (for the pose) and the aligned chip, reused for the template of the best frame.
        var aligned: AlignedFace?
    }

    func evaluate(_ image: FaceImage, pad: PresentationAttackDetector) -> FrameEvaluation {
        do {
            let face = try selectFace(in: image)
            let aligned = try align(face, in: image)
            return FrameEvaluation(
                face: face, error: nil,
                quality: try pad.quality(of: image, face: face, landmarks: aligned.landmarks),
                aligned: aligned)
        } catch {
            return FrameEvaluation(face: nil, error: error, quality: nil)
        }
    }

    static func assess(_ frames: [FrameEvaluation], images: [FaceImage], pad: PresentationAttackDetector) -> LivenessResult {
        let threshold = pad.configuration.threshold
        var signals = LivenessResult.Signals(
            sharpness: frames.map { $0.quality?.sharpness },
            faceWidth: frames.map { $0.quality?.faceWidth },
            pose: frames.map { $0.quality?.pose })
        if let reason = pad.loadModels() {
            signals.reason = reason
            return LivenessResult(
                status: .notAvailable, score: nil, threshold: threshold, frames: frames.count,
                signals: signals)
        }
        var scored: [(score: Double, models: [String: Double])] = []
        var reasons: [String] = []
        for (index, frame) in frames.enumerated() {
            guard let face = frame.face, let quality = frame.quality else {
                reasons.append("frame \(index + 1): \(frame.error?.description ?? "no face found")")
                continue
            }
            if let failure = quality.failure {
                reasons.append("frame \(index + 1): \(failure)")
                continue
            }
            do {
                scored.append(try pad.score(images[index], face: face))
            } catch {
                reasons.append("frame \(index + 1): \(error.description)")
            }
        }
        signals.framesScored = scored.count
        signals.frameScores = scored.map(\.score)
        guard !scored.isEmpty else {
            signals.reason = reasons.joined(separator: "; ")
            return LivenessResult(
                status: .insufficientQuality, score: nil, threshold: threshold,
                frames: frames.count, signals: signals)
        }
        // Median; with an even count, the lower middle (the cautious side).
        let ordered = scored.sorted { $0.score < $1.score }
        let median = ordered[(ordered.count - 1) / 2]
        signals.modelScores = median.models
        return LivenessResult(
            status: median.score >= threshold ? .live : .attackSuspected, score: median.score,
            threshold: threshold, frames: frames.count, signals: signals)
    }
}
