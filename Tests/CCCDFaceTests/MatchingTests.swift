import CCCDFace
import Testing

@Suite("Same and different people at the shipped threshold")
struct MatchingTests {
    let engine = TestData.engine

    @Test("Chip photos of Obama (all re-encodings, 4 KB JP2 included) match other photos of him",
          arguments: TestData.chipVariants("obama"))
    func samePersonMatches(chip: String) throws {
        let chipTemplate = try engine.template(for: TestData.image(chip))
        for live in ["originals/obama2.jpg", "originals/obama3.jpg", "live/obama3-1280x720.jpg"] {
            let result = try engine.compare(chipTemplate, engine.template(for: TestData.image(live)))
            #expect(result.match, "\(chip) vs \(live): distance \(result.distance)")
        }
    }

    @Test("Chip photos of other people do not match Obama's live photo",
          arguments: ["biden", "astronaut", "face_swapped"])
    func differentPeopleDoNotMatch(person: String) throws {
        let live = try engine.template(for: TestData.image("live/obama3-1280x720.jpg"))
        for chip in TestData.chipVariants(person) {
            let result = try engine.compare(engine.template(for: TestData.image(chip)), live)
            #expect(!result.match, "\(chip): distance \(result.distance)")
        }
    }

    @Test("Obama's 4 KB JP2 chip does not match other people's photos")
    func chipAgainstOtherPeople() throws {
        let chip = try engine.template(for: TestData.image("chip/obama-jp2-4k.jp2"))
        for live in ["originals/biden.jpg", "originals/astronaut.png", "originals/face_swapped.jpg"] {
            let result = try engine.compare(chip, engine.template(for: TestData.image(live)))
            #expect(!result.match, "\(live): distance \(result.distance)")
            #expect(result.similarity < result.threshold)
        }
    }

    @Test("Whole-image comparison reports similarity in [0, 1] and the configured threshold")
    func wholeComparison() throws {
        let result = try engine.compare(chip: TestData.image("chip/obama-jp2-8k.jp2"),
                                        live: TestData.image("live/obama3-1280x720.jpg"))
        #expect(result.match)
        #expect((0...1).contains(result.similarity))
        #expect(result.threshold == FaceEngine.Configuration.defaultThreshold)
    }

    @Test("Similarity is a decreasing map of distance and round-trips")
    func similarityScale() {
        #expect(FaceSimilarity.similarity(forDistance: 0.6) == 0.5)
        #expect(FaceSimilarity.similarity(forDistance: 0.3) > FaceSimilarity.similarity(forDistance: 0.5))
        for s in [0.1, 0.5, 0.9] {
            #expect(abs(FaceSimilarity.similarity(forDistance: FaceSimilarity.distance(forSimilarity: s)) - s) < 1e-9)
        }
    }
}
