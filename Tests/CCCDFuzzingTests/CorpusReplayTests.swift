import CCCDFuzzing
import Foundation
import Testing

/// Replays the committed corpus (Tests/CCCDFuzzingTests/Corpus/TARGET, interesting inputs of our
/// own: valid files of the synthetic data sets and hand-made edge cases) through every entry
/// function, as the fuzzer would, without libFuzzer.
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    @Test(arguments: FuzzTarget.allCases)
    func corpusKeepsInvariants(target: FuzzTarget) throws {
        let inputs = try FuzzInputs.files(in: "Corpus", target: target)
        #expect(!inputs.isEmpty, "no committed corpus for \(target.rawValue)")
        var accepted = 0
        for (name, bytes) in inputs {
            do {
                if try target.run(bytes) == .accepted { accepted += 1 }
            } catch {
                Issue.record("\(target.rawValue)/\(name): \(error)")
            }
        }
        // The corpus must reach the parser's success path, or the invariants are never checked.
        #expect(accepted > 0, "no input of the \(target.rawValue) corpus parses")
    }

    @Test(arguments: FuzzTarget.allCases)
    func emptyAndTinyInputsAreRejected(target: FuzzTarget) throws {
        for bytes: [UInt8] in [[], [0x00], [0xFF], [0x30, 0x80], [0x77, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]] {
            // Any two bytes or more are a response APDU (data + status word) to that target.
            if target == .responseAPDU && bytes.count > 3 { continue }
            #expect(try target.run(bytes) == .rejected, "\(target.rawValue) accepted \(bytes)")
        }
    }
}

/// Reads the committed inputs of one target.
enum FuzzInputs {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func files(in folder: String, target: FuzzTarget) throws -> [(String, [UInt8])] {
        let dir = directory.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return try names.sorted().filter { !$0.hasPrefix(".") }.map { name in
            (name, [UInt8](try Data(contentsOf: dir.appendingPathComponent(name))))
        }
    }
}
