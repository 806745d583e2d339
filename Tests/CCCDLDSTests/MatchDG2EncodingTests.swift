import CCCDTestSupport
import Foundation
import Testing

/// `cccd match` takes its chip photo through `DG2Parser`, so an ISO/IEC 39794-5 DG2 works as a 19794-5
/// one does. Needs the face models (scripts/setup-face-models.sh) and ../shared/realworld.
@Suite("cccd match with a 39794-5 DG2")
struct MatchDG2EncodingTests {
    /// The folders FaceModelFiles searches, in its order.
    static let modelsPresent: Bool = {
        let environment = ProcessInfo.processInfo.environment
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.local/share"
        let folders = [environment["CCCD_FACE_MODELS"] ?? "", "/var/lib/cccdkit/models", data + "/cccdkit/models"]
        return folders.contains { !$0.isEmpty && FileManager.default.fileExists(atPath: $0 + "/dlib_face_recognition_resnet_model_v1.dat") }
    }()

    @Test(
        InspectCommandTests.built, .enabled(if: modelsPresent, "face models not installed"),
        Realworld.required("gmrtd-dg2-iso39794-allfields"))
    func iso39794ChipPhotoAgainstItsOwnImage() throws {
        let set = Realworld.folder("gmrtd-dg2-iso39794-allfields")
        let result = try InspectCommandTests.run([
            "match", set.appendingPathComponent("DG2.bin").path, set.appendingPathComponent("face.jpg").path, "--json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
        #expect(result.status == 0, "\(result.output)")
        #expect(object["match"] as? Bool == true)
        #expect((object["similarity"] as? Double ?? 0) > 0.99)
    }
}
