import CCCDFuzzing
import Foundation

// Two builds of one file. scripts/fuzz.sh compiles it with `-D CCCD_FUZZ` and
// `-sanitize=fuzzer,address`: libFuzzer supplies `main` and calls LLVMFuzzerTestOneInput with each
// input; the target is named by $CCCD_FUZZ_TARGET. A normal `swift build` compiles the replay
// tool below instead, so no libFuzzer runtime ends up in ordinary builds.

#if CCCD_FUZZ

private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CCCD_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        FileHandle.standardError.write(Data("cccd-fuzz: set CCCD_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        _ = try selectedTarget.run(bytes)
    } catch {
        // A broken invariant is a finding: crash so libFuzzer saves the input.
        fatalError("\(error)")
    }
    return 0
}

#else

/// `cccd-fuzz TARGET FILE…`: runs files through an entry function without libFuzzer (to replay a
/// crash reproducer in an ordinary build, under a debugger or a sanitizer).
@main
struct ReplayTool {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
            print("usage: cccd-fuzz TARGET FILE…   (targets: \(known))")
            exit(2)
        }
        var failed = false
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): unreadable")
                failed = true
                continue
            }
            do {
                print("\(path): \(try target.run([UInt8](data)).rawValue)")
            } catch {
                print("\(path): \(error)")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}

#endif
