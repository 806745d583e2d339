@testable import CCCDDaemon
import Foundation
import Testing

@Suite struct HardeningUnitTests {
    @Test func clientIdsAreCheckedStrictly() {
        for good in ["local", "kiosk-000123", "teller.7@branch_2", String(repeating: "a", count: 64)] {
            #expect(ClientIdentity.isValid(good), "\(good)")
        }
        for bad in ["", " ", "kiosk 1", "k\u{e9}", "a/b", "a,b", "x\"y", "tab\t", String(repeating: "a", count: 65), "\u{FF11}"] {
            #expect(!ClientIdentity.isValid(bad), "\(bad.debugDescription)")
        }
    }

    @Test func limitsHaveDefaultsAndAreValidated() throws {
        let defaults = try ConfigurationLoader.parse(Data("{}".utf8))
        #expect(defaults.limits == DaemonLimits(requestDeadlineSeconds: 10, maxConnections: 256, maxEventStreams: 16,
                                                maxFaceComparisons: 2, faceQueueSeconds: 30))
        let set = try ConfigurationLoader.parse(Data(#"{"limits":{"requestDeadlineSeconds":3,"maxEventStreams":2}}"#.utf8))
        #expect(set.limits.requestDeadlineSeconds == 3 && set.limits.maxEventStreams == 2 && set.limits.maxConnections == 256)
        #expect(throws: ConfigurationError.unknownKey("limits.deadline")) {
            try ConfigurationLoader.parse(Data(#"{"limits":{"deadline":3}}"#.utf8))
        }
        var bad = DaemonConfiguration()
        bad.limits.requestDeadlineSeconds = 0
        #expect(throws: ConfigurationError.invalidValue(key: "limits.requestDeadlineSeconds", reason: "must be between 1 and 600")) {
            try ConfigurationValidator.validate(bad)
        }
    }

    @Test func limiterNeverRunsMoreThanItsLimitAndGivesUpAfterTheWait() async throws {
        let limiter = AsyncLimiter(limit: 2, maximumWait: .seconds(30))
        let results = await withTaskGroup(of: Int?.self) { group in
            for i in 0..<8 {
                group.addTask {
                    await limiter.run { () async -> Int in
                        try? await Task.sleep(for: .milliseconds(50))
                        return i
                    }
                }
            }
            var all: [Int?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.compactMap { $0 }.sorted() == Array(0..<8))
        #expect(limiter.peak == 2 && limiter.running == 0)

        let impatient = AsyncLimiter(limit: 1, maximumWait: .milliseconds(100))
        async let holder: Int? = impatient.run { () async -> Int in
            try? await Task.sleep(for: .milliseconds(800))
            return 1
        }
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        let refused = await impatient.run { () async -> Int in 2 }
        #expect(refused == nil)
        #expect(ContinuousClock.now - started < .milliseconds(700))
        #expect(await holder == 1)
        #expect(await impatient.run { () async -> Int in 3 } == 3)
    }
}
