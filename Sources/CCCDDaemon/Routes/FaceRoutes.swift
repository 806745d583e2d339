import CCCDDaemonAPI
import CCCDFace
import Foundation
import Hummingbird
import Metrics

/// `POST /v1/face/compare`.
enum FaceRoutes {
    static func register(on router: RouterGroup<DaemonRequestContext>, services: DaemonServices) {
        router.post("/v1/face/compare") { request, context in
            let started = ContinuousClock.now
            let compare = try await request.decode(as: FaceCompareRequest.self, context: context)
            var reader: String?
            var personalNumber: String?
            let chip: [UInt8]
            // Computed during the read when `face.precompute` is on: only the live frames are left.
            var chipTemplate: PendingFaceResult<FaceTemplate>?
            switch compare.chip {
            case .image(let bytes): chip = bytes
            case .read(let id):
                guard let stored = services.store.read(id, owner: try context.owner()) else { throw APIError.readNotFound }
                guard let photo = stored.result.photo?.imageData, !photo.isEmpty else {
                    throw APIError.faceError("this read has no chip photo")
                }
                chip = photo
                chipTemplate = stored.chipTemplate
                reader = stored.reader
                personalNumber = stored.result.citizen?.personalNumber ?? stored.result.document?.personalNumber
            }
            let pending = chipTemplate
            let clientID = try DaemonRouter.clientID(request, context)
            let capture: LiveCaptureComparison
            do {
                // CPU bound: a few at a time, the others wait their turn (or get 503 face_busy).
                guard
                    let compared = try await services.faceLimiter.run({ () async throws(FaceError) in
                        if let pending {
                            return try await services.face.compare(chipTemplate: pending, liveFrames: compare.liveImages)
                        }
                        return try await services.face.compare(chip: chip, liveFrames: compare.liveImages)
                    })
                else { throw APIError.faceBusy }
                capture = compared
            } catch let error as APIError {
                throw error
            } catch {
                try services.audit.recordCompare(
                    similarity: nil, personalNumber: personalNumber, reader: reader, clientID: clientID,
                    outcome: "face_error", duration: ContinuousClock.now - started)
                Counter(label: "cccdd_face_compares_total", dimensions: [("outcome", "face_error")]).increment()
                throw APIError.faceError("\(error)")
            }
            let result = capture.comparison
            // Journaled before the answer leaves: no unaudited comparison.
            try services.audit.recordCompare(
                similarity: result.similarity, personalNumber: personalNumber, reader: reader, clientID: clientID,
                outcome: "ok", duration: ContinuousClock.now - started, liveness: capture.liveness.status.rawValue)
            Counter(label: "cccdd_face_compares_total", dimensions: [("outcome", result.match ? "match" : "no-match")])
                .increment()
            Counter(label: "cccdd_face_liveness_total", dimensions: [("status", capture.liveness.status.rawValue)]).increment()
            return try JSONResponse.response(
                FaceCompareResponse(
                    match: result.match, similarity: result.similarity, threshold: result.threshold, distance: result.distance,
                    level: services.face.level.rawValue, frameUsed: capture.frameUsed, liveness: capture.liveness))
        }
    }
}
