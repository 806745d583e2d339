import CCCDPrimitives
/// JSON shape of the `citizen` block (interfaces.md): every documented key is written, `null` when
/// absent; dates as `YYYY-MM-DD`; `fields` keyed by the index as text. Unknown indices' encoded
/// elements follow in `unknownFields` as hex, and `version` / `encodingIdentifier` when present.
extension CitizenData {
    enum CodingKeys: String, CodingKey {
        case personalNumber, fullName, dateOfBirth, sex, nationality, ethnicity, religion, placeOfOrigin
        case placeOfResidence, identifyingMarks, dateOfIssue, dateOfExpiry, fatherName, motherName, spouseName
        case oldIdNumber, fields, unknownFields, version, encodingIdentifier
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func put(_ value: String?, _ key: CodingKeys) throws {
            if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
        }
        func put(_ value: CalendarDate?, _ key: CodingKeys) throws {
            if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
        }
        try put(personalNumber, .personalNumber)
        try put(fullName, .fullName)
        try put(dateOfBirth, .dateOfBirth)
        try put(sex, .sex)
        try put(nationality, .nationality)
        try put(ethnicity, .ethnicity)
        try put(religion, .religion)
        try put(placeOfOrigin, .placeOfOrigin)
        try put(placeOfResidence, .placeOfResidence)
        try put(identifyingMarks, .identifyingMarks)
        try put(dateOfIssue, .dateOfIssue)
        try put(dateOfExpiry, .dateOfExpiry)
        try put(fatherName, .fatherName)
        try put(motherName, .motherName)
        try put(spouseName, .spouseName)
        try put(oldIdNumber, .oldIdNumber)
        try container.encode(
            Dictionary(uniqueKeysWithValues: fields.map { (String($0.key), $0.value) }), forKey: .fields)
        if !unknownFields.isEmpty {
            let hex = unknownFields.map { (String($0.key), $0.value.map(Hex.encode)) }
            try container.encode(Dictionary(uniqueKeysWithValues: hex), forKey: .unknownFields)
        }
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(encodingIdentifier, forKey: .encodingIdentifier)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? { try container.decodeIfPresent(String.self, forKey: key) }
        func date(_ key: CodingKeys) throws -> CalendarDate? {
            try container.decodeIfPresent(CalendarDate.self, forKey: key)
        }
        let rawFields = try container.decodeIfPresent([String: [String]].self, forKey: .fields) ?? [:]
        var fields: [Int: [String]] = [:]
        for (key, value) in rawFields {
            guard let index = Int(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fields, in: container, debugDescription: "field index is not a number")
            }
            fields[index] = value
        }
        let rawUnknown = try container.decodeIfPresent([String: [String]].self, forKey: .unknownFields) ?? [:]
        var unknown: [Int: [[UInt8]]] = [:]
        for (key, value) in rawUnknown {
            guard let index = Int(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .unknownFields, in: container, debugDescription: "field index is not a number")
            }
            unknown[index] = try value.map { text in
                guard let bytes = Hex.decode(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .unknownFields, in: container, debugDescription: "not hex")
                }
                return bytes
            }
        }
        self.init(
            personalNumber: try text(.personalNumber), fullName: try text(.fullName),
            dateOfBirth: try date(.dateOfBirth), sex: try text(.sex), nationality: try text(.nationality),
            ethnicity: try text(.ethnicity), religion: try text(.religion), placeOfOrigin: try text(.placeOfOrigin),
            placeOfResidence: try text(.placeOfResidence), identifyingMarks: try text(.identifyingMarks),
            dateOfIssue: try date(.dateOfIssue), dateOfExpiry: try date(.dateOfExpiry),
            fatherName: try text(.fatherName), motherName: try text(.motherName), spouseName: try text(.spouseName),
            oldIdNumber: try text(.oldIdNumber), fields: fields, unknownFields: unknown,
            version: try container.decodeIfPresent(Int.self, forKey: .version),
            encodingIdentifier: try text(.encodingIdentifier))
    }
}
