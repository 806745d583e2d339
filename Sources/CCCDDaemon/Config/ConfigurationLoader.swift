import CCCDFace
import Foundation

/// Reads the configuration file, applies the command-line overrides and validates the result.
public enum ConfigurationLoader {
    /// The configuration file used when `--config` is not given and this file exists.
    public static let defaultPath = "/etc/cccdkit/cccdd.json"

    public static func load(_ overrides: CommandLineOverrides) throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        if let path = overrides.configFile {
            configuration = try parse(fileAt: path)
        } else if FileManager.default.fileExists(atPath: defaultPath) {
            configuration = try parse(fileAt: defaultPath)
        }
        let result = overrides.applied(to: configuration)
        try ConfigurationValidator.validate(result)
        return result
    }

    public static func parse(fileAt path: String) throws(ConfigurationError) -> DaemonConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }

    /// Parses a configuration file's bytes: a JSON object with the keys of docs/daemon.md.
    public static func parse(_ data: Data, path: String = "<config>") throws(ConfigurationError) -> DaemonConfiguration {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformedFile(path: path, reason: "not JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .malformedFile(path: path, reason: "the top level must be a JSON object")
        }
        for key in dictionary.keys.sorted() where !DaemonConfiguration.knownKeys.contains(key) {
            throw .unknownKey(key)
        }
        if let audit = dictionary["audit"] as? [String: Any] {
            for key in audit.keys.sorted() where !DaemonConfiguration.knownAuditKeys.contains(key) {
                throw .unknownKey("audit.\(key)")
            }
        }
        if let limits = dictionary["limits"] as? [String: Any] {
            for key in limits.keys.sorted() where !DaemonLimits.knownKeys.contains(key) {
                throw .unknownKey("limits.\(key)")
            }
        }
        if let logging = dictionary["logging"] as? [String: Any] {
            for key in logging.keys.sorted() where !DaemonLogging.knownKeys.contains(key) {
                throw .unknownKey("logging.\(key)")
            }
        }
        if let face = dictionary["face"] as? [String: Any] {
            for key in face.keys.sorted() where !DaemonConfiguration.knownFaceKeys.contains(key) {
                throw .unknownKey("face.\(key)")
            }
        }
        do {
            return try JSONDecoder().decode(DaemonConfiguration.self, from: data)
        } catch let DecodingError.typeMismatch(type, context) {
            throw .malformedFile(path: path, reason: "\(keyPath(context)) must be \(typeName(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .malformedFile(path: path, reason: "\(keyPath(context)) must be \(typeName(type))")
        } catch {
            throw .malformedFile(path: path, reason: "\(error)")
        }
    }

    private static func keyPath(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        default: "\(type)"
        }
    }
}

/// The checks made at start; the first problem found is reported.
public enum ConfigurationValidator {
    public static func validate(_ configuration: DaemonConfiguration) throws(ConfigurationError) {
        if let socket = configuration.unixSocket {
            guard !socket.isEmpty, socket.utf8.count < 100 else {
                throw .invalidValue(key: "unixSocket", reason: "must be a path shorter than 100 bytes")
            }
        } else {
            let address = try ListenAddress(parsing: configuration.listen)
            // TLS is not served by this version, so a configured `tls` does not lift the restriction.
            guard address.isLoopback else { throw .nonLoopbackListen(host: address.host) }
        }
        guard !configuration.tokenFile.isEmpty else {
            throw .invalidValue(key: "tokenFile", reason: "must be a file path")
        }
        guard (1...86_400).contains(configuration.readTTLSeconds) else {
            throw .invalidValue(key: "readTTLSeconds", reason: "must be between 1 and 86400 seconds")
        }
        guard (1024...(256 << 20)).contains(configuration.maxBodyBytes) else {
            throw .invalidValue(key: "maxBodyBytes", reason: "must be between 1024 and 268435456")
        }
        for origin in configuration.allowedOrigins {
            guard OriginPolicy.normalizedOrigin(origin) != nil else {
                throw .invalidValue(
                    key: "allowedOrigins", reason: "\"\(origin)\" is not an origin (scheme://host[:port], no path)")
            }
        }
        for host in configuration.allowedHosts {
            guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else {
                throw .invalidValue(key: "allowedHosts", reason: "\"\(host)\" is not a host or host:port")
            }
        }
        for path in configuration.trust where !FileManager.default.fileExists(atPath: path) {
            throw .invalidValue(key: "trust", reason: "\(path) does not exist")
        }
        if let days = configuration.audit.retentionDays, days < 1 {
            throw .invalidValue(key: "audit.retentionDays", reason: "must be at least 1 (or null to keep rows)")
        }
        if let threshold = configuration.face.padThreshold,
            !PresentationAttackDetector.thresholdRange.contains(threshold)
        {
            throw .invalidValue(key: "face.padThreshold", reason: "must be \(PresentationAttackDetector.thresholdRangeText)")
        }
        try configuration.limits.validate()
        try configuration.logging.validate()
    }
}
