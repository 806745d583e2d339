import CCCDLDS

/// The result of inspecting one file: its kind and fields, or why it could not be parsed.
struct InspectReport {
    struct Failure {
        /// The parser's typed error, as text.
        var message: String
        /// The error's kind (`truncated`, `wrongTag`, … for LDS errors; the error type otherwise).
        var kind: String
        /// Where the file's BER-TLV structure breaks, when it does.
        var fault: TLVFault?
    }

    var path: String
    var kind: InspectedKind?
    var bytes: Int?
    var fields: InspectValue?
    var failure: Failure?

    var value: InspectValue {
        .fields([
            ("file", .string(path)), ("kind", kind.map { InspectValue.string($0.description) }),
            ("bytes", bytes.map(InspectValue.int)),
            ("fields", fields),
            ("error", failure.map { failure -> InspectValue in
                .fields([
                    ("message", .string(failure.message)), ("kind", .string(failure.kind)),
                    ("offset", failure.fault.map { InspectValue.int($0.offset) }),
                    ("structure", failure.fault.map { InspectValue.string($0.error.description) }),
                ])
            }),
        ])
    }

    /// The text form: a heading line, then the fields or the error.
    var lines: [String] {
        var heading = "== \(path)"
        if let kind { heading += " (\(kind)\(bytes.map { ", \($0) bytes" } ?? ""))" }
        guard let failure else { return [heading] + (fields?.lines(indent: "  ") ?? []) }
        var error = "  error: \(failure.message)"
        if let fault = failure.fault { error += "\n  structure breaks \(fault)" }
        return [heading, error]
    }
}
