/// `HOST:PORT` (IPv6 as `[::1]:PORT`) of the daemon's `listen` setting.
struct DoctorListenAddress: Sendable, Hashable {
    var host: String
    var port: Int

    init(parsing value: String) throws(DoctorError) {
        let host: Substring
        let port: Substring
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            host = value[value.index(after: value.startIndex)..<close]
            let rest = value[value.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .listenAddressInvalid(value) }
            port = rest.dropFirst()
        } else {
            guard let colon = value.lastIndex(of: ":") else { throw .listenAddressInvalid(value) }
            host = value[..<colon]
            port = value[value.index(after: colon)...]
        }
        guard !host.isEmpty, let number = Int(port), (1...65535).contains(number) else { throw .listenAddressInvalid(value) }
        self.host = String(host)
        self.port = number
    }

    var isLoopback: Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }

    /// The address to call: a wildcard listener is reached over loopback.
    var callableHost: String {
        switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::": "[::1]"
        default: host.contains(":") ? "[\(host)]" : host
        }
    }
}
