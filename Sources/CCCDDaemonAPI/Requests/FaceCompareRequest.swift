import Foundation

/// The body of `POST /v1/face/compare`: `{"liveImage": "<base64>", "readId": "…"}` or
/// `{"liveImage": "<base64>", "chipImage": "<base64 JPEG/JP2/DG2>"}`.
public struct FaceCompareRequest: Sendable, Equatable {
    public enum Chip: Sendable, Equatable {
        case read(String)
        case image([UInt8])
    }

    public var liveImage: [UInt8]
    public var chip: Chip

    private struct Wire: Decodable {
        var liveImage: String
        var readId: String?
        var chipImage: String?
    }

    /// Pure decode (no I/O), for the route and for fuzzing.
    public static func decode(from data: Data) throws(APIError) -> FaceCompareRequest {
        let object = try JSONBody.object(data)
        try JSONBody.rejectUnknownKeys(object, allowed: ["liveImage", "readId", "chipImage"])
        let wire = try JSONBody.decode(Wire.self, from: data)
        let live = try Base64Field.decode(wire.liveImage, name: "liveImage")
        switch (wire.readId, wire.chipImage) {
        case (let id?, nil):
            guard !id.isEmpty, id.count <= 64 else { throw .invalidRequest("readId is not a read id") }
            return FaceCompareRequest(liveImage: live, chip: .read(id))
        case (nil, let image?):
            return FaceCompareRequest(liveImage: live, chip: .image(try Base64Field.decode(image, name: "chipImage")))
        default:
            throw .invalidRequest("give exactly one of readId and chipImage")
        }
    }
}
