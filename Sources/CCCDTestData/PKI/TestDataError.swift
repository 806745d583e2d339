/// Why generating test data failed.
public enum TestDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case openSSL(function: String, reason: String)
    case invalidInput(String)
    case io(String)

    public var description: String {
        switch self {
        case .openSSL(let function, let reason): "OpenSSL \(function) failed: \(reason)"
        case .invalidInput(let why): "invalid input: \(why)"
        case .io(let why): "I/O: \(why)"
        }
    }
}
