import SwiftASN1

/// Parses DG13 (tag `6D`) in the Vietnamese CCCD layout.
///
/// ```
/// 6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8,
///                 SET { SEQUENCE { INTEGER index, value... } ... } } }
/// ```
/// The layout is known only from other readers, so the parser trusts little of it: fields are
/// found by their INTEGER index wherever they sit (in a SET or SEQUENCE container, or directly in the
/// top SEQUENCE), every string under an index is collected in order whatever the nesting, any
/// string type is accepted, empty elements are normal, and unknown indices are kept.
public enum DG13Parser {
    /// Deepest container nesting searched for field elements.
    static let maximumContainerDepth = 4
    /// Deepest nesting searched for strings inside one field element.
    static let maximumValueDepth = 16

    /// Parses the bytes of DG13.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> CitizenData {
        let root = try ASN1Parsing.parseFile(bytes[...], tag: 0x6D, rules: .ber, context: "DG13")
        var state = State()
        let top = try root.children("DG13")
        // The documented shape is one SEQUENCE holding version, OID and the field container; treat
        // it as the header level. Anything else (e.g. field elements directly under 6D): treat the 6D
        // template itself as that level.
        if top.count == 1, let only = top.first, only.identifier == .sequence, isHeaderLevel(only) {
            try scanHeaderLevel(only, into: &state)
        } else {
            try scanHeaderLevel(root, into: &state)
        }
        return state.citizenData()
    }

    /// Collected fields while walking the structure.
    struct State {
        var fields: [Int: [String]] = [:]
        var unknown: [Int: [[UInt8]]] = [:]
        var version: Int?
        var oid: String?

        func citizenData() -> CitizenData {
            func text(_ field: CitizenField) -> String? {
                fields[field.index]?.first(where: { !$0.trimmingASCIIWhitespace().isEmpty })
            }
            func date(_ field: CitizenField) -> CalendarDate? {
                text(field).flatMap { CalendarDate(dayMonthYear: $0) }
            }
            let parents = fields[CitizenField.parents.index] ?? []
            func parent(_ position: Int) -> String? {
                guard position < parents.count else { return nil }
                let name = parents[position]
                return name.trimmingASCIIWhitespace().isEmpty ? nil : name
            }
            return CitizenData(
                personalNumber: text(.personalNumber), fullName: text(.fullName), dateOfBirth: date(.dateOfBirth),
                sex: text(.sex), nationality: text(.nationality), ethnicity: text(.ethnicity),
                religion: text(.religion), placeOfOrigin: text(.placeOfOrigin),
                placeOfResidence: text(.placeOfResidence), identifyingMarks: text(.identifyingMarks),
                dateOfIssue: date(.dateOfIssue), dateOfExpiry: date(.dateOfExpiry), fatherName: parent(0),
                motherName: parent(1), spouseName: text(.spouseName), oldIdNumber: text(.oldIdNumber),
                fields: fields, unknownFields: unknown, version: version, encodingIdentifier: oid)
        }
    }

    /// The level holding the version, the OID and the field container(s).
    static func scanHeaderLevel(_ node: ASN1Node, into state: inout State) throws(LDSError) {
        for child in try node.children("DG13") {
            if child.identifier == .integer, state.version == nil, state.fields.isEmpty {
                state.version = try? child.intValue("DG13 version")
            } else if child.identifier == .objectIdentifier {
                state.oid = try child.oidString("DG13 encoding OID")
            } else if child.isConstructed {
                if isFieldElement(child) {
                    try readField(child, into: &state)
                } else {
                    try scanContainer(child, depth: 1, into: &state)
                }
            }
            // Other primitives at this level carry nothing we know; skip them.
        }
    }

    /// A SET or SEQUENCE of field elements.
    static func scanContainer(_ node: ASN1Node, depth: Int, into state: inout State) throws(LDSError) {
        guard depth <= maximumContainerDepth else { throw .tooDeep(limit: maximumContainerDepth) }
        for child in try node.children("DG13 field container") where child.isConstructed {
            if isFieldElement(child) {
                try readField(child, into: &state)
            } else {
                try scanContainer(child, depth: depth + 1, into: &state)
            }
        }
    }

    /// The header level holds the encoding OID, or a container whose first element is a field element.
    /// (A lone field element such as `SEQUENCE { INTEGER 13, SEQUENCE { name } … }` is neither.)
    static func isHeaderLevel(_ node: ASN1Node) -> Bool {
        guard case .constructed(let children) = node.content else { return false }
        return children.contains { child in
            if child.identifier == .objectIdentifier { return true }
            guard case .constructed(let grandchildren) = child.content else { return false }
            var iterator = grandchildren.makeIterator()
            return iterator.next().map(isFieldElement) ?? false
        }
    }

    /// A field element is a constructed node whose first child is an INTEGER (the index).
    static func isFieldElement(_ node: ASN1Node) -> Bool {
        guard case .constructed(let children) = node.content else { return false }
        var iterator = children.makeIterator()
        return iterator.next()?.identifier == .integer
    }

    static func readField(_ node: ASN1Node, into state: inout State) throws(LDSError) {
        let children = try node.children("DG13 field")
        guard let first = children.first else { throw .unexpectedStructure(context: "DG13 field: empty") }
        let index = try first.intValue("DG13 field index")
        guard index >= 0 else { throw .invalidValue(context: "DG13 field index: negative") }
        var strings = state.fields[index] ?? []
        for value in children.dropFirst() {
            try collectStrings(value, depth: 0, into: &strings)
        }
        state.fields[index] = strings
        if CitizenField(rawValue: index) == nil {
            state.unknown[index, default: []].append(node.encoded)
        }
    }

    /// Appends every string under `node`, depth first, in encoding order.
    static func collectStrings(_ node: ASN1Node, depth: Int, into strings: inout [String]) throws(LDSError) {
        guard depth <= maximumValueDepth else { throw .tooDeep(limit: maximumValueDepth) }
        if let text = try ASN1StringDecoding.string(from: node) {
            strings.append(text)
            return
        }
        if node.identifier == .octetString, case .primitive(let bytes) = node.content {
            // Some encoders put text in OCTET STRINGs; take it only when it is valid UTF-8.
            let text = String(decoding: bytes, as: UTF8.self)
            if text.utf8.elementsEqual(bytes) { strings.append(text) }
            return
        }
        guard case .constructed(let children) = node.content else { return }
        for child in children {
            try collectStrings(child, depth: depth + 1, into: &strings)
        }
    }
}
