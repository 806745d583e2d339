import Foundation

/// Summary statistics of repeated measurements, in milliseconds.
struct Summary: CustomStringConvertible {
    let count: Int
    let median: Double
    let p95: Double
    let p99: Double
    let min: Double
    let max: Double

    init(milliseconds samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = Int((p * Double(sorted.count - 1)).rounded())
            return sorted[index]
        }
        median = percentile(0.5)
        p95 = percentile(0.95)
        p99 = percentile(0.99)
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
    }

    var description: String {
        String(format: "n=%d median=%.3f ms p95=%.3f ms p99=%.3f ms min=%.3f ms max=%.3f ms",
               count, median, p95, p99, min, max)
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

/// Wall time of `body` in milliseconds.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start).milliseconds
}

/// CPU time (user + system) of this process so far, in milliseconds.
func processCPUTimeMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}

/// CPU time of the calling thread, in milliseconds (for single-threaded CPU benchmarks).
func threadCPUTimeMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

/// Times `body` `iterations` times after two warm-up runs: the wall-time summary and the process's
/// CPU time (all threads) per run, in milliseconds. The face benchmarks' stage rows.
func measureStage(iterations: Int, _ body: () throws -> Void) rethrows -> (summary: Summary, cpu: Double) {
    for _ in 0..<2 { try body() }
    var samples: [Double] = []
    let cpuStart = processCPUTimeMilliseconds()
    for _ in 0..<iterations {
        let start = ContinuousClock.now
        try body()
        samples.append((ContinuousClock.now - start).milliseconds)
    }
    return (Summary(milliseconds: samples), (processCPUTimeMilliseconds() - cpuStart) / Double(iterations))
}
