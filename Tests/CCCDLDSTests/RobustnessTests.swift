import CCCDTestSupport
import Testing
@testable import CCCDLDS

/// Hostile input for every parser: typed errors only, never a crash, a hang or a huge allocation.
@Suite("Robustness")
struct RobustnessTests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: ParserCase.all)
    func samplesParse(parser: ParserCase) throws {
        for input in try parser.inputs() {
            try parser.parse(input)
        }
    }

    /// The outcome of one parse: success or the kind of LDSError. Any other error fails the test.
    static func outcome(_ parser: ParserCase, _ input: [UInt8]) -> LDSError.Kind? {
        kind { try parser.parse(input) }
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: ParserCase.all)
    func hostileInputs(parser: ParserCase) throws {
        let tag = try parser.inputs().first?.first ?? 0x30
        var inputs: [[UInt8]] = [
            [], [tag], [tag, 0x81], [tag, 0x82, 0xFF], [tag, 0x84, 0xFF, 0xFF, 0xFF, 0xFF],
            [tag, 0x84, 0xFF, 0xFF, 0xFF, 0xFF] + Array(repeating: 0x30, count: 64),
            [tag, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00],
            [tag, 0xFF], [tag, 0x80], [tag, 0x80, 0x00, 0x00], [tag, 0x80, 0x30, 0x80],
            [tag, 0x7F] + Array(repeating: 0x00, count: 10), [0x00, 0x00], [0xFF, 0xFF, 0xFF],
            [0x1F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x00], [0x5F, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00],
        ]
        // Deep nesting: 10 000 SEQUENCEs (definite and indefinite) and 10 000 application templates.
        var definite: [UInt8] = [0x05, 0x00]
        for _ in 0..<10_000 { definite = TLV.element(0x30, definite) }
        inputs.append(TLV.element(tag, definite))
        var indefinite: [UInt8] = [tag, 0x80]
        for _ in 0..<10_000 { indefinite += [0x30, 0x80] }
        inputs.append(indefinite + [UInt8](repeating: 0, count: 20_002))
        var templates: [UInt8] = [0x05, 0x00]
        for _ in 0..<10_000 { templates = TLV.element([0x7F, 0x61], templates) }
        inputs.append(TLV.element(tag, templates))
        // Every sample with its outer length inflated, deflated, and made indefinite.
        for sample in try parser.inputs() {
            guard let header = try? TLVHeader.decode(sample) else { continue }
            let value = Array(sample[header.headerLength...])
            inputs.append([sample[0], 0x84, 0x7F, 0xFF, 0xFF, 0xFF] + value)
            inputs.append([sample[0], 0x83, 0xFF, 0xFF, 0xFF] + value)
            inputs.append([sample[0], 0x82, 0xFF, 0xFF] + value)
            inputs.append([sample[0], 0x01] + value)
            inputs.append([sample[0], 0x80] + value)
            inputs.append([sample[0], 0x80] + value + [0x00, 0x00])
            inputs.append(Array(sample.prefix(sample.count / 2)))
            inputs.append(Array(sample.dropLast()))
        }
        for input in inputs {
            _ = Self.outcome(parser, input)
        }
    }

    /// 2 000 random mutations of each input with a fixed seed: each parse returns or throws an
    /// LDSError (a trap would abort the test run).
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: ParserCase.all)
    func randomMutations(parser: ParserCase) throws {
        var generator = SplitMix64(seed: 0xCCCD_2024)
        var accepted = 0
        var rejected = 0
        for sample in try parser.inputs() where !sample.isEmpty {
            for _ in 0..<2_000 {
                let mutated = Self.mutate(sample, using: &generator)
                if Self.outcome(parser, mutated) == nil { accepted += 1 } else { rejected += 1 }
            }
        }
        // With this seed every parser sees both outcomes, so mutations reach past the outer header.
        #expect(accepted > 0 && rejected > 0, "accepted \(accepted), rejected \(rejected)")
    }

    static func mutate(_ sample: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = sample
        let rounds = Int.random(in: 1...4, using: &generator)
        for _ in 0..<rounds {
            guard !bytes.isEmpty else { break }
            // Bias positions towards the headers at the start, where lengths and tags live.
            let limit = Bool.random(using: &generator) ? min(bytes.count, 64) : bytes.count
            let position = Int.random(in: 0..<limit, using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 3: bytes.remove(at: position)
            case 4: bytes = Array(bytes.prefix(position))
            case 5: bytes.replaceSubrange(position..<position, with: [0x84, 0xFF, 0xFF, 0xFF, 0xFF])
            case 6: bytes[position] = [0x00, 0x7F, 0x80, 0x81, 0x82, 0xFF].randomElement(using: &generator) ?? 0
            case 7:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes.replaceSubrange(position..<position, with: [0x30, 0x80])
            }
        }
        return bytes
    }
}

@Suite("Allocation bounds")
struct AllocationBoundTests {
    @Test func manyEmptyElements() {
        // 2 MiB of empty elements: refused before swift-asn1 builds a node for each.
        let elements: [UInt8] = Array(repeating: [0x05, 0x00], count: 1 << 20).flatMap { $0 }
        let sod: [UInt8] = [0x77, 0x83, 0x20, 0x00, 0x04, 0x30, 0x83, 0x20, 0x00, 0x00] + elements
        #expect(kind { try SODParser.parse(sod) } == .tooLarge)
        #expect(kind { try DG13Parser.parse([0x6D, 0x83, 0x20, 0x00, 0x00] + elements) } == .tooLarge)
        // 64 KiB of empty elements inside an LDS template: refused by the per-level cap.
        let template: [UInt8] = Array(repeating: [0x02, 0x00], count: 1 << 15).flatMap { $0 }
        #expect(kind { try DG11Parser.parse(TLV.element(0x6B, template)) } == .tooLarge)
        #expect(kind { try DG2Parser.parse(TLV.element(0x75, TLV.element([0x7F, 0x61], template))) } == .tooLarge)
    }
}
