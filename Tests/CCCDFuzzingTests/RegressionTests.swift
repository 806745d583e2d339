import CCCDFuzzing
import Foundation
import Testing

/// Every crash, hang or broken invariant the fuzzer found, once fixed: its reproducer goes to
/// Regressions/TARGET/ (the file libFuzzer wrote to fuzz/crashes/TARGET/) and is replayed here
/// through the same entry function, so CI catches a relapse without libFuzzer.
@Suite("Fuzz regressions")
struct RegressionTests {
    @Test(arguments: FuzzTarget.allCases)
    func reproducersStayFixed(target: FuzzTarget) throws {
        for (name, bytes) in try FuzzInputs.files(in: "Regressions", target: target) {
            do {
                _ = try target.run(bytes)
            } catch {
                Issue.record("\(target.rawValue)/\(name): \(error)")
            }
        }
    }
}
