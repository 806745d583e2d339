import SwiftASN1

/// Small, throwing accessors on swift-asn1 nodes; every failure is an ``LDSError``.
extension ASN1Node {
    /// Whether the node is constructed.
    var isConstructed: Bool {
        if case .constructed = content { return true }
        return false
    }

    /// The tag in BER-TLV byte form (e.g. `0x30`, `0x7F61`), for error messages and comparisons.
    var tagValue: UInt32 {
        let classBits: UInt32
        switch identifier.tagClass {
        case .universal: classBits = 0x00
        case .application: classBits = 0x40
        case .contextSpecific: classBits = 0x80
        case .private: classBits = 0xC0
        }
        let first = classBits | (isConstructed ? 0x20 : 0)
        let number = identifier.tagNumber
        if number < 0x1F { return first | UInt32(number) }
        // Long form: 0x1F then base-128 groups (truncated to 32 bits for absurd numbers).
        var groups: [UInt32] = [UInt32(number & 0x7F)]
        var rest = number >> 7
        while rest > 0 && groups.count < 4 {
            groups.append(UInt32(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        var value = first | 0x1F
        for group in groups.reversed() { value = (value &<< 8) | group }
        return value
    }

    /// Whether the node has the given class and number.
    func hasTag(_ tagClass: ASN1Identifier.TagClass, _ number: UInt) -> Bool {
        identifier.tagClass == tagClass && identifier.tagNumber == number
    }

    /// Throws unless the node carries `expected`.
    func require(_ expected: ASN1Identifier, _ context: String) throws(LDSError) {
        guard identifier == expected else {
            let wanted = ASN1Node.tagValue(of: expected, constructed: isConstructed)
            throw .wrongTag(expected: [wanted], found: tagValue, context: context)
        }
    }

    /// The children of a constructed node.
    func children(_ context: String) throws(LDSError) -> [ASN1Node] {
        guard case .constructed(let nodes) = content else {
            throw .unexpectedStructure(context: "\(context): expected a constructed element")
        }
        return Array(nodes)
    }

    /// The content bytes of a primitive node.
    func primitiveBytes(_ context: String) throws(LDSError) -> ArraySlice<UInt8> {
        guard case .primitive(let bytes) = content else {
            throw .unexpectedStructure(context: "\(context): expected a primitive element")
        }
        return bytes
    }

    /// A small INTEGER (version numbers, indices, counts).
    func intValue(_ context: String) throws(LDSError) -> Int {
        try require(.integer, context)
        do {
            return try Int(berEncoded: self)
        } catch {
            // Too wide for Int, or a non-minimal encoding.
            throw .invalidValue(context: "\(context): integer")
        }
    }

    /// The magnitude of a non-negative INTEGER as big-endian bytes (the sign octet removed).
    ///
    /// With `toleratingMissingSignOctet`, content with the top bit set is read as unsigned instead of
    /// rejected as negative: some encoders (e.g. the BSI 2008 test passport's DG15) omit the leading
    /// 00 of RSA moduli.
    func unsignedIntegerBytes(_ context: String, toleratingMissingSignOctet: Bool = false) throws(LDSError)
        -> [UInt8]
    {
        try require(.integer, context)
        let bytes = try primitiveBytes(context)
        guard let first = bytes.first else { throw .invalidValue(context: "\(context): empty integer") }
        guard first & 0x80 == 0 || toleratingMissingSignOctet else {
            throw .invalidValue(context: "\(context): negative integer")
        }
        let magnitude = bytes.drop(while: { $0 == 0 })
        return magnitude.isEmpty ? [0] : Array(magnitude)
    }

    /// The raw content octets of an INTEGER (two's complement, as encoded), e.g. a serial number.
    func integerContentBytes(_ context: String) throws(LDSError) -> [UInt8] {
        try require(.integer, context)
        let bytes = try primitiveBytes(context)
        guard !bytes.isEmpty else { throw .invalidValue(context: "\(context): empty integer") }
        return Array(bytes)
    }

    /// An OBJECT IDENTIFIER in dotted form.
    func oidString(_ context: String) throws(LDSError) -> String {
        try require(.objectIdentifier, context)
        return try ASN1Parsing.run(context) { try ASN1ObjectIdentifier(berEncoded: self).description }
    }

    /// An OCTET STRING's content; BER constructed octet strings are concatenated (bounded depth).
    func octetStringBytes(_ context: String) throws(LDSError) -> [UInt8] {
        try require(.octetString, context)
        return try segmentBytes(context, depth: 0)
    }

    /// Content bytes of a primitive node, or the concatenated segments of a constructed (BER)
    /// string node.
    func segmentBytes(_ context: String, depth: Int) throws(LDSError) -> [UInt8] {
        switch content {
        case .primitive(let bytes):
            return Array(bytes)
        case .constructed(let nodes):
            guard depth < 8 else { throw .tooDeep(limit: 8) }
            var result: [UInt8] = []
            for node in nodes {
                result += try node.segmentBytes(context, depth: depth + 1)
            }
            return result
        }
    }

    /// A BIT STRING's bytes (the unused-bits count must be 0).
    func bitStringBytes(_ context: String) throws(LDSError) -> [UInt8] {
        try require(.bitString, context)
        let bits = try ASN1Parsing.run(context) { try ASN1BitString(berEncoded: self) }
        guard bits.paddingBits == 0 else {
            throw .invalidValue(context: "\(context): bit string with unused bits")
        }
        return Array(bits.bytes)
    }

    /// The DER/BER bytes of the whole node (tag, length, value) as a new array.
    var encoded: [UInt8] { Array(encodedBytes) }

    /// BER-TLV byte form of an identifier.
    static func tagValue(of identifier: ASN1Identifier, constructed: Bool) -> UInt32 {
        var serializer = DER.Serializer()
        if constructed {
            serializer.appendConstructedNode(identifier: identifier) { _ in }
        } else {
            serializer.appendPrimitiveNode(identifier: identifier) { _ in }
        }
        // Drop the one length byte (00) the empty node ends with.
        var value: UInt32 = 0
        for byte in serializer.serializedBytes.dropLast().prefix(4) { value = (value &<< 8) | UInt32(byte) }
        return value
    }
}
