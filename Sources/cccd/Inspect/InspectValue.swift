import CCCDPrimitives
import CCCDVerification
import Foundation

/// A field tree printed by `cccd inspect`: as JSON (JSONEncoder, keys sorted) or as indented text.
/// Objects keep their fields in the order written, for the text form.
indirect enum InspectValue: Codable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([InspectValue])
    case object([(String, InspectValue)])

    /// An object without the fields whose value is `nil`.
    static func fields(_ pairs: [(String, InspectValue?)]) -> InspectValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func hex(_ bytes: [UInt8]) -> InspectValue { .string(Hex.lowercase(bytes)) }

    static func strings<S: Sequence>(_ values: S) -> InspectValue where S.Element: CustomStringConvertible {
        .list(values.map { .string($0.description) })
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .list(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in pairs { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }

    /// Reads a model's JSON form back as a tree (nulls dropped, keys sorted, fractions as text).
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var pairs: [(String, InspectValue)] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                if try object.decodeNil(forKey: key) { continue }
                pairs.append((key.stringValue, try object.decode(InspectValue.self, forKey: key)))
            }
            self = .object(pairs)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [InspectValue] = []
            while !array.isAtEnd {
                if try array.decodeNil() { continue }
                items.append(try array.decode(InspectValue.self))
            }
            self = .list(items)
        } else {
            let value = try decoder.singleValueContainer()
            if let bool = try? value.decode(Bool.self) {
                self = .bool(bool)
            } else if let int = try? value.decode(Int.self) {
                self = .int(int)
            } else if let double = try? value.decode(Double.self) {
                self = .string(String(double))
            } else {
                self = .string(try value.decode(String.self))
            }
        }
    }

    /// Indented `key: value` lines; lists of scalars on one line.
    func lines(indent: String = "") -> [String] {
        guard case .object(let pairs) = self else { return [indent + scalarText] }
        var lines: [String] = []
        for (key, value) in pairs {
            switch value {
            case .object:
                lines.append("\(indent)\(key):")
                lines += value.lines(indent: indent + "  ")
            case .list(let items) where items.contains(where: \.isContainer):
                lines.append("\(indent)\(key): \(items.count)")
                for (index, item) in items.enumerated() {
                    lines.append("\(indent)  [\(index)]")
                    lines += item.lines(indent: indent + "    ")
                }
            default:
                lines.append("\(indent)\(key): \(value.scalarText)")
            }
        }
        return lines
    }

    private var isContainer: Bool {
        switch self {
        case .object, .list: true
        default: false
        }
    }

    private var scalarText: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        case .list(let items): items.map(\.scalarText).joined(separator: ", ")
        case .object(let pairs): pairs.map { "\($0.0)=\($0.1.scalarText)" }.joined(separator: " ")
        }
    }
}
