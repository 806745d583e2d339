import CCCDLDS
import CCCDPrimitives
import CCCDTransport
import Testing

@testable import CCCDProtocols

@Suite("Benchmark hooks run and verify")
struct BenchmarkHookTests {
    @Test func bac() throws {
        let state = try ProtocolBenchmarks.runBACTerminal(ProtocolBenchmarks.makeBACFixture())
        #expect(state.keys.encryptionKey == Array(hex: "979EC13B1CBFE9DCD01AB0FED307EAE5"))
    }

    @Test(arguments: [PACEAlgorithm.Mapping.generic, .integrated])
    func pace(mapping: PACEAlgorithm.Mapping) throws {
        let fixture = try ProtocolBenchmarks.makePACEFixture(mapping: mapping, parameterID: 13)
        let state = try ProtocolBenchmarks.runPACETerminal(fixture)
        #expect(state.isActive)
        let dh = try ProtocolBenchmarks.makePACEFixture(mapping: mapping, parameterID: 0)
        _ = try ProtocolBenchmarks.runPACETerminal(dh)
    }

    @Test func secureMessaging4KB() throws {
        for cipher in [SecureMessagingCipher.aes128, .tripleDES] {
            let fixture = try ProtocolBenchmarks.makeSecureMessagingFixture(responseLength: 4096, cipher: cipher)
            let plain = try ProtocolBenchmarks.runSecureMessagingRoundTrip(fixture)
            #expect(plain.data == fixture.payload)
        }
    }

    @Test func timingSmoke() throws {
        // Not a benchmark (debug build, shared CPU): just a ceiling that catches pathologies.
        let fixture = try ProtocolBenchmarks.makePACEFixture()
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try ProtocolBenchmarks.runPACETerminal(fixture) }
        #expect(elapsed < .seconds(2))
    }
}
