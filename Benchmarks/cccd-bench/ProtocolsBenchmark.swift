import ArgumentParser
import CCCDProtocols
import Foundation

/// `cccd-bench protocols`: CPU time of the terminal side of BAC, PACE-GM (brainpoolP256r1),
/// PACE-IM and of protecting + unprotecting one 4 KB SM response, from CCCDProtocols'
/// `ProtocolBenchmarks` fixtures (the chip's side is prepared once, outside the timed region).
struct ProtocolsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocols", abstract: "CPU time of BAC, PACE-GM, PACE-IM and secure messaging (terminal side).")

    @Option(help: "Timed runs per workload (after warm-up).")
    var runs = 300

    @Option(help: "Size of the secure-messaging response in bytes.")
    var responseBytes = 4096

    /// Targets of issue 3.
    static let paceTargetMilliseconds = 15.0
    static let secureMessagingTargetPerKilobyte = 0.1

    func run() throws {
        let bac = try ProtocolBenchmarks.makeBACFixture()
        let gm = try ProtocolBenchmarks.makePACEFixture(mapping: .generic, parameterID: 13)
        let im = try ProtocolBenchmarks.makePACEFixture(mapping: .integrated, parameterID: 13)
        let sm = try ProtocolBenchmarks.makeSecureMessagingFixture(responseLength: responseBytes, cipher: .aes128)
        let sm3DES = try ProtocolBenchmarks.makeSecureMessagingFixture(responseLength: responseBytes, cipher: .tripleDES)

        print("Terminal-side CPU time per run (thread CPU clock), \(runs) runs after \(max(runs / 10, 5)) warm-up runs")
        let bacSummary = try time { try ProtocolBenchmarks.runBACTerminal(bac) }
        print("BAC (App. D keys, 3DES)                    \(bacSummary)")
        let gmSummary = try time { try ProtocolBenchmarks.runPACETerminal(gm) }
        print("PACE-GM ECDH brainpoolP256r1 AES-128       \(gmSummary)  target ≤ \(Self.paceTargetMilliseconds) ms: \(verdict(gmSummary.median <= Self.paceTargetMilliseconds))")
        let imSummary = try time { try ProtocolBenchmarks.runPACETerminal(im) }
        print("PACE-IM ECDH brainpoolP256r1 AES-128       \(imSummary)  target ≤ \(Self.paceTargetMilliseconds) ms: \(verdict(imSummary.median <= Self.paceTargetMilliseconds))")
        let kilobytes = Double(responseBytes) / 1024
        for (name, fixture) in [("AES-128", sm), ("3DES", sm3DES)] {
            let summary = try time { try ProtocolBenchmarks.runSecureMessagingRoundTrip(fixture) }
            let perKB = summary.median / kilobytes
            print("SM protect+unprotect \(responseBytes) B \(name.padding(toLength: 8, withPad: " ", startingAt: 0))      \(summary)  = \(String(format: "%.4f", perKB)) ms/KB, target ≤ \(Self.secureMessagingTargetPerKilobyte) ms/KB: \(verdict(perKB <= Self.secureMessagingTargetPerKilobyte))")
        }
    }

    /// Median/p95 of the thread CPU time of `body`; warm-up runs first. Only the `run…` call is
    /// inside the measured region.
    private func time(_ body: () throws -> Void) throws -> Summary {
        for _ in 0..<max(runs / 10, 5) { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = threadCPUTimeMilliseconds()
            try body()
            samples.append(threadCPUTimeMilliseconds() - start)
        }
        return Summary(milliseconds: samples)
    }

    private func verdict(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
}
