import CCCDFace
import Foundation
import Testing

@Suite("Face templates")
struct TemplateTests {
    @Test("Raw, base64 and JSON forms round-trip exactly")
    func roundTrip() throws {
        let template = try TestData.engine.template(for: TestData.image("chip/obama-jp2-8k.jp2"))
        #expect(template.descriptor.count == 128)
        #expect(template.modelId == FaceTemplate.currentModelId)
        #expect(try FaceTemplate(rawRepresentation: template.rawRepresentation) == template)
        #expect(try FaceTemplate(base64Encoded: template.base64EncodedString()) == template)
        let json = try JSONEncoder().encode(["face": template])
        #expect(try JSONDecoder().decode([String: FaceTemplate].self, from: json)["face"] == template)
        #expect(try template.distance(to: FaceTemplate(base64Encoded: template.base64EncodedString())) == 0)
    }

    @Test func invalidTemplatesAreTyped() {
        #expect(throws: FaceError.invalidTemplate(reason: "not base64")) { try FaceTemplate(base64Encoded: "***") }
        #expect(throws: FaceError.invalidTemplate(reason: "not a face template")) {
            try FaceTemplate(rawRepresentation: [UInt8](repeating: 0, count: 20))
        }
        let raw = FaceTemplate(descriptor: [Float](repeating: 0.1, count: 128)).rawRepresentation
        #expect(throws: FaceError.self) { try FaceTemplate(rawRepresentation: raw.dropLast(3)) }
    }

    @Test func templatesFromOtherModelsAreNotCompared() {
        let a = FaceTemplate(descriptor: [Float](repeating: 0.1, count: 128))
        let b = FaceTemplate(descriptor: [Float](repeating: 0.1, count: 128), modelId: "other-model")
        #expect(throws: FaceError.incompatibleTemplates("\(a.modelId) v1", "other-model v1")) { try a.distance(to: b) }
    }
}
