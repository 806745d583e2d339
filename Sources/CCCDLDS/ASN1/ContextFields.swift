import SwiftASN1

/// The context-specific (`[n]`) children of a constructed node, by tag number: the shape of the
/// ISO/IEC 39794 blocks (`DEFINITIONS IMPLICIT TAGS`, every field tagged, extensible, so unknown
/// tags are skipped). A tagged CHOICE is explicit: its `[n]` wraps the chosen alternative.
struct ContextFields {
    let context: String
    private let fields: [UInt: ASN1Node]

    init(_ node: ASN1Node, _ context: String) throws(LDSError) {
        self.context = context
        var fields: [UInt: ASN1Node] = [:]
        for child in try node.children(context) where child.identifier.tagClass == .contextSpecific {
            guard fields[child.identifier.tagNumber] == nil else {
                throw .unexpectedStructure(context: "\(context): field [\(child.identifier.tagNumber)] repeated")
            }
            fields[child.identifier.tagNumber] = child
        }
        self.fields = fields
    }

    /// Field `[number]`, when present.
    func optional(_ number: UInt) -> ASN1Node? { fields[number] }

    /// Field `[number]`, which the structure requires.
    func required(_ number: UInt, _ name: String) throws(LDSError) -> ASN1Node {
        guard let node = fields[number] else {
            throw .unexpectedStructure(context: "\(context): \(name) [\(number)] missing")
        }
        return node
    }

    /// The sub-block in field `[number]`, when present.
    func block(_ number: UInt, _ name: String) throws(LDSError) -> ContextFields? {
        guard let node = fields[number] else { return nil }
        return try ContextFields(node, "\(context) \(name)")
    }

    /// An implicitly tagged INTEGER or ENUMERATED in field `[number]`, when present.
    func int(_ number: UInt, _ name: String) throws(LDSError) -> Int? {
        guard let node = fields[number] else { return nil }
        guard case .primitive = node.content else {
            throw .unexpectedStructure(context: "\(context): \(name) is not a primitive integer")
        }
        do {
            return try Int(berEncoded: node, withIdentifier: node.identifier)
        } catch {
            throw .invalidValue(context: "\(context): \(name)")
        }
    }

    /// An integer field the structure requires, within `range`.
    func requiredInt(_ number: UInt, _ name: String, in range: ClosedRange<Int>) throws(LDSError) -> Int {
        guard let value = try int(number, name) else {
            throw .unexpectedStructure(context: "\(context): \(name) [\(number)] missing")
        }
        guard range.contains(value) else { throw .invalidValue(context: "\(context): \(name) \(value)") }
        return value
    }

    /// The code of a 39794 "extension block" CHOICE in field `[number]`:
    /// `[number] { extensionBlock [1] { fallback [0] code, … } }`. `nil` when absent.
    func extensibleCode(_ number: UInt, _ name: String) throws(LDSError) -> Int? {
        guard let node = fields[number] else { return nil }
        let choice = try ContextFields(node, "\(context) \(name)")
        guard let extensionBlock = try choice.block(1, "extensionBlock") else {
            throw .unexpectedStructure(context: "\(context): \(name) without its extension block [1]")
        }
        return try extensionBlock.int(0, "fallback")
    }
}
