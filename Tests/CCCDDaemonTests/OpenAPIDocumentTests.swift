import CCCDDaemon
import Foundation
import Logging
import Testing

@Suite struct OpenAPIDocumentTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Where scripts/setup.sh installs openapi-spec-validator 0.9.0.
    static var validatorLibrary: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CCCD_OPENAPI_VALIDATOR_LIB"] { return path }
        let cache = environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        return cache + "/cccdkit/openapi-validator-0.9.0"
    }

    @Test func committedDocumentValidatesWithOpenAPISpecValidator() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "openapi_spec_validator", "docs/openapi.json"]
        process.currentDirectoryURL = Self.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = Self.validatorLibrary
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openapi-spec-validator (run scripts/setup.sh to install it): \(text)")
        #expect(text.contains("OK"), "\(text)")
    }

    @Test func servedDocumentIsTheCommittedOne() throws {
        let committed = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/openapi.json"))
        #expect(OpenAPIDocument.data == committed)
        let object = try #require(try JSONSerialization.jsonObject(with: committed) as? [String: Any])
        #expect((object["openapi"] as? String)?.hasPrefix("3.1") == true)
        let info = try #require(object["info"] as? [String: Any])
        #expect(info["version"] as? String == CCCDDaemonInfo.version)
    }

    @Test func everyRegisteredRouteIsDescribed() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data ?? Data()) as? [String: Any])
        let paths = try #require(object["paths"] as? [String: [String: Any]])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-routes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = DaemonConfiguration(tokenFile: folder.appendingPathComponent("token").path)
        configuration.audit.path = folder.appendingPathComponent("audit.sqlite").path
        let services = try DaemonServices(
            configuration: configuration, token: AccessToken(String(repeating: "t", count: 40)),
            metrics: DaemonMetrics.shared, logger: Logger(label: "test"))
        let routes = DaemonRouter.make(services).routes
        #expect(routes.count >= 13)
        for route in routes {
            let method = route.method.rawValue.lowercased()
            let operations = paths[route.path.description]
            #expect(operations?[method] != nil, "\(method.uppercased()) \(route.path) is not in docs/openapi.json")
        }
        // And nothing is described that is not served.
        let served = Set(routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                #expect(served.contains("\(method) \(path)"), "\(method.uppercased()) \(path) is described but not served")
            }
        }
    }
}
