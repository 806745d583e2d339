import Foundation

/// Reads ``DaemonSettings`` from the daemon's JSON configuration file: the object must parse, and
/// `listen`, `unixSocket`, `tokenFile` must be strings when present. The daemon's own loader checks
/// the rest when it starts.
enum DaemonSettingsParser {
    static func parse(_ data: Data, path: String) throws(DoctorError) -> DaemonSettings {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data)
        } catch {
            throw .configurationInvalid(path: path, reason: "not JSON")
        }
        guard let fields = object as? [String: Any] else { throw .configurationInvalid(path: path, reason: "not a JSON object") }
        var settings = DaemonSettings()
        for key in ["listen", "unixSocket", "tokenFile"] where fields[key] != nil && !(fields[key] is String) && !(fields[key] is NSNull) {
            throw .configurationInvalid(path: path, reason: "\"\(key)\" must be a string")
        }
        if let listen = fields["listen"] as? String { settings.listen = listen }
        settings.unixSocket = fields["unixSocket"] as? String
        if let tokenFile = fields["tokenFile"] as? String { settings.tokenFile = tokenFile }
        settings.tls = fields["tls"] is [String: Any]
        return settings
    }

    static func load(path: String) throws(DoctorError) -> DaemonSettings {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .configurationUnreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }
}
