import Foundation

/// Validates JSON against docs/schema/read-result.schema.json with a real JSON Schema 2020-12
/// validator: Debian's python3-jsonschema (installed by scripts/setup.sh).
public enum ResultSchema {
    public static let url = SharedFolder.repositoryRoot.appendingPathComponent("docs/schema/read-result.schema.json")

    /// The validator's error messages for `json` (empty when valid). Throws with a clear message
    /// when python3-jsonschema is missing.
    public static func errors(_ json: Data) throws -> [String] {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("MISSING: python3-jsonschema is not installed (run scripts/setup.sh)"); sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            for e in v.iter_errors(json.load(sys.stdin)):
                print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(json)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw ValidatorMissing(message: text) }
        if process.terminationStatus != 0 { return ["validator failed: \(text)"] }
        return text.split(separator: "\n").map(String.init)
    }

    public struct ValidatorMissing: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
