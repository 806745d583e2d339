import ArgumentParser

/// `swift run -c release cccd-bench <benchmark>`: each benchmark prints its numbers.
/// Benchmarks that need pcscd run inside scripts/with-private-pcscd.sh (see scripts/bench.sh).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccd-bench",
        abstract: "CCCDKit benchmarks (run in release mode).",
        subcommands: [
            APDURoundTripBenchmark.self, ProtocolsBenchmark.self, ReadBenchmark.self, VerificationBenchmark.self,
            FaceBenchmark.self, FaceCalibration.self, FaceLevelsCalibration.self, DaemonBenchmark.self,
        ])
}
