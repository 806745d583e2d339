import CCCDDaemonAPI
import CCCDFace

/// The chip photo as browsers can show it: JPEG as is, JPEG 2000 decoded (OpenJPEG) and encoded
/// again as JPEG (libjpeg-turbo); `original` gives the bytes as read.
enum PhotoTranscoder {
    static func browserImage(_ bytes: [UInt8], format: String, original: Bool) throws(APIError) -> ([UInt8], String) {
        if original {
            switch format {
            case "jpeg": return (bytes, "image/jpeg")
            case "jp2": return (bytes, bytes.first == 0xFF ? "image/j2c" : "image/jp2")
            default: return (bytes, "application/octet-stream")
            }
        }
        if format == "jpeg" { return (bytes, "image/jpeg") }
        do {
            return (try JPEGEncoder.encode(try FaceImage(encoded: bytes)), "image/jpeg")
        } catch {
            throw APIError.faceError("the chip photo could not be converted: \(error)")
        }
    }
}
