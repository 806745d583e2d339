import CCCDTestSupport
import Foundation
import Testing

/// TestVectors/icao9303 is a transcription of ../shared/vectors/icao9303-vectors.json (the sections
/// the tests use, without the explanatory prose): where the shared file is present, every
/// transcribed section must still equal it, so a correction there is not missed here.
@Suite("Transcribed ICAO vectors")
struct TranscribedVectorsTests {
    /// The prose keys the transcription leaves out (TestVectors/icao9303/README.md).
    static let prose: Set<String> = ["notes", "note", "summary", "rules", "confirmation", "unusable", "ga4_response_note"]

    static func withoutProse(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !prose.contains($0.key) }.mapValues(withoutProse)
        }
        if let array = value as? [Any] { return array.map(withoutProse) }
        return value
    }

    /// JSON text with sorted keys, for comparing two parsed objects.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(.enabled(if: SharedFolder.available("vectors"), "needs ../shared/vectors (not found)"))
    func transcriptionEqualsTheSharedFile() throws {
        let transcribed = try ICAOVectors.load()
        let data = try Data(contentsOf: SharedFolder.url("vectors/icao9303-vectors.json"))
        let shared = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(transcribed.count >= 16)
        for (name, section) in transcribed {
            let original = try #require(shared[name], "section \(name) is not in the shared file")
            #expect(try Self.canonical(Self.withoutProse(original)) == Self.canonical(section), "section \(name) differs")
        }
    }
}
