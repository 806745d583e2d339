/// Why a check could not get its answer; each becomes the summary of a failing ``DoctorCheck``.
enum DoctorError: Error, Sendable, Equatable, CustomStringConvertible {
    case configurationUnreadable(path: String, reason: String)
    case configurationInvalid(path: String, reason: String)
    case listenAddressInvalid(String)
    case modelUnreadable(file: String, reason: String)

    var description: String {
        switch self {
        case .configurationUnreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .configurationInvalid(let path, let reason): "\(path) is not a valid configuration: \(reason)"
        case .listenAddressInvalid(let value): "listen address \"\(value)\" is not HOST:PORT"
        case .modelUnreadable(let file, let reason): "cannot read \(file): \(reason)"
        }
    }
}
