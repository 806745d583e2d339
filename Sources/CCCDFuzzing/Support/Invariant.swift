import Foundation

/// Invariant checks shared by the entry functions.
enum Invariant {
    static func check(_ condition: Bool, _ target: FuzzTarget, _ message: @autoclosure () -> String)
        throws(FuzzInvariantViolation)
    {
        if !condition { throw FuzzInvariantViolation(target.rawValue, message()) }
    }

    /// A parsed value must survive the JSON encoding the CLI and the daemon use unchanged.
    static func jsonRoundTrip<T: Codable & Equatable>(_ value: T, _ target: FuzzTarget) throws(FuzzInvariantViolation) {
        let decoded: T
        do {
            let data = try JSONEncoder().encode(value)
            decoded = try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw FuzzInvariantViolation(target.rawValue, "\(T.self) does not survive JSON: \(error)")
        }
        try check(decoded == value, target, "\(T.self) changes in a JSON round trip")
    }
}
