import Testing
@testable import CCCDLDS

/// The kind of LDSError `body` throws, or `nil` when it returns. Any other error type is recorded
/// as a test issue (parsers must throw LDSError only).
func kind<T>(_ body: () throws -> T) -> LDSError.Kind? {
    do {
        _ = try body()
        return nil
    } catch let error as LDSError {
        return error.kind
    } catch {
        Issue.record("non-LDSError thrown: \(type(of: error))")
        return nil
    }
}
