import CCCDFace
import Foundation
import Testing

@Suite("One engine shared by concurrent tasks")
struct ConcurrencyTests {
    @Test("Concurrent comparisons give the same results as sequential ones")
    func concurrentEqualsSequential() async throws {
        let engine = FaceEngine()  // fresh: the first calls race to load the models
        let pairs = [
            ("chip/obama-jp2-4k.jp2", "originals/obama2.jpg"),
            ("chip/obama-jpeg-8k.jpg", "live/obama3-1280x720.jpg"),
            ("chip/biden-jp2-8k.jp2", "live/obama3-1280x720.jpg"),
            ("chip/astronaut-jpeg-15k.jpg", "originals/obama.jpg"),
            ("chip/obama2-jp2-15k.jp2", "originals/obama3.jpg"),
            ("chip/face_swapped-jp2-4k.jp2", "originals/biden.jpg"),
        ]
        let images = try pairs.map { (try TestData.image($0.0), try TestData.image($0.1)) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, FaceComparison).self) { group in
            for (index, pair) in images.enumerated() {
                group.addTask { (index, try await engine.compare(chip: pair.0, live: pair.1)) }
            }
            var results = [FaceComparison?](repeating: nil, count: images.count)
            for try await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
        let sequential = try images.map { try engine.compare(chip: $0.0, live: $0.1) }
        #expect(concurrent == sequential)
        #expect(concurrent.map(\.match) == [true, true, false, false, true, false])
    }

    @Test("OpenBLAS runs one thread once the models are loaded, unless the environment chose a count")
    func oneBLASThread() throws {
        try TestData.engine.loadModels()
        let environment = ProcessInfo.processInfo.environment
        let chosen = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"].contains {
            !(environment[$0] ?? "").isEmpty
        }
        // scripts/setup.sh installs OpenBLAS, so the count is there to read.
        #expect(FaceEngine.blasThreads != nil)
        if !chosen { #expect(FaceEngine.blasThreads == 1) }
    }
}
