import Foundation

/// The body of `POST /v1/face/compare`: `{"liveImage": "<base64>", "readId": "…"}` or
/// `{"liveImage": "<base64>", "chipImage": "<base64 JPEG/JP2/DG2>"}`; instead of `liveImage`,
/// `liveImages` may carry 1–5 frames of one capture (`[ "<base64>", … ]`).
public struct FaceCompareRequest: Sendable, Equatable {
    public enum Chip: Sendable, Equatable {
        case read(String)
        case image([UInt8])
    }

    /// The live frames, 1 to `maximumLiveFrames`.
    public var liveImages: [[UInt8]]
    public var chip: Chip
    public static let maximumLiveFrames = 5

    /// The first live frame.
    public var liveImage: [UInt8] { liveImages[0] }

    private struct Wire: Decodable {
        var liveImage: String?
        var liveImages: [String]?
        var readId: String?
        var chipImage: String?
    }

    /// Pure decode (no I/O), for fuzzing and tests; the daemon decodes through ``APIRequestBody`` too.
    public static func decode(from data: Data) throws(APIError) -> FaceCompareRequest {
        try APIRequestBody.decode(FaceCompareRequest.self, from: data)
    }

    private static func checked(_ wire: Wire) throws(APIError) -> FaceCompareRequest {
        let live: [[UInt8]]
        switch (wire.liveImage, wire.liveImages) {
        case (let one?, nil):
            live = [try Base64Field.decode(one, name: "liveImage")]
        case (nil, let frames?):
            guard (1...maximumLiveFrames).contains(frames.count) else {
                throw .invalidRequest("liveImages must hold 1 to \(maximumLiveFrames) images")
            }
            live = try frames.map { frame throws(APIError) in try Base64Field.decode(frame, name: "liveImages") }
        default:
            throw .invalidRequest("give exactly one of liveImage and liveImages")
        }
        switch (wire.readId, wire.chipImage) {
        case (let id?, nil):
            guard (1...64).contains(id.unicodeScalars.count) else { throw .invalidRequest("readId is not a read id") }
            return FaceCompareRequest(liveImages: live, chip: .read(id))
        case (nil, let image?):
            return FaceCompareRequest(liveImages: live, chip: .image(try Base64Field.decode(image, name: "chipImage")))
        default:
            throw .invalidRequest("give exactly one of readId and chipImage")
        }
    }
}

extension FaceCompareRequest: Decodable {
    /// Strict: unknown keys refused, then types, then the rules below.
    public init(from decoder: any Decoder) throws {
        _ = try JSONBody.object(decoder, allowed: ["liveImage", "liveImages", "readId", "chipImage"])
        self = try Self.checked(try Wire(from: decoder))
    }
}
