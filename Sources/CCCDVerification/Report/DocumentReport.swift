import CCCDCrypto
import CCCDLDS
import CCCDMRZ
import Foundation

/// The JSON object of `cccd read --json` / `cccd verify --json` (interfaces.md), built from the
/// raw files and the verification report. Blocks whose source file is absent are `null`.
public struct DocumentReport: Sendable, Encodable {
    public struct Document: Sendable, Encodable {
        public var type: String
        public var issuingState: String
        public var number: String
        public var personalNumber: String?
        public var dateOfExpiry: String?

        enum CodingKeys: String, CodingKey { case type, issuingState, number, personalNumber, dateOfExpiry }

        // Absent values are written as null, as interfaces.md asks.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(issuingState, forKey: .issuingState)
            try container.encode(number, forKey: .number)
            try container.encode(personalNumber, forKey: .personalNumber)
            try container.encode(dateOfExpiry, forKey: .dateOfExpiry)
        }
    }

    public struct Holder: Sendable, Encodable {
        public var fullName: String
        public var dateOfBirth: String?
        public var sex: String
        public var nationality: String

        enum CodingKeys: String, CodingKey { case fullName, dateOfBirth, sex, nationality }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fullName, forKey: .fullName)
            try container.encode(dateOfBirth, forKey: .dateOfBirth)
            try container.encode(sex, forKey: .sex)
            try container.encode(nationality, forKey: .nationality)
        }
    }

    public struct Photo: Sendable, Encodable {
        public var format: String
        public var sha256: String
        public var width: Int
        public var height: Int
    }

    public var document: Document?
    public var holder: Holder?
    public var citizen: CitizenData?
    public var verification: VerificationReport
    public var photo: Photo?

    /// Builds the report from the files of a read or a dump.
    public init(files: [LDSFile: [UInt8]], verification: VerificationReport, now: Date = Date()) {
        self.verification = verification
        let citizen = files[.dataGroup(.dg13)].flatMap { try? DG13Parser.parse($0) }
        self.citizen = citizen
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        if let dg1 = files[.dataGroup(.dg1)].flatMap({ try? DG1Parser.parse($0) }) {
            let mrz = dg1.mrz
            // A card without expiry (Không thời hạn) carries a placeholder in the MRZ: no date then.
            let noExpiry = citizen?.hasNoExpiry == true && mrz.dateOfExpiry.text == MRZKey.vietnameseNoExpiry
            document = Document(
                type: mrz.documentCode, issuingState: mrz.issuingState, number: mrz.documentNumber,
                personalNumber: dg1.vietnamesePersonalNumber,
                dateOfExpiry: noExpiry ? nil : mrz.dateOfExpiry.iso(for: .dateOfExpiry, currentYear: year))
            holder = Holder(
                fullName: mrz.fullName, dateOfBirth: mrz.dateOfBirth.iso(for: .dateOfBirth, currentYear: year),
                sex: mrz.sex, nationality: mrz.nationality)
        }
        if let face = files[.dataGroup(.dg2)].flatMap({ try? DG2Parser.parse($0) })?.primaryFace {
            photo = Photo(
                format: face.imageFormat.rawValue,
                sha256: Hex.lowercase((try? HashAlgorithm.sha256.hash(face.imageData)) ?? []),
                width: face.width, height: face.height)
        }
    }

    enum CodingKeys: String, CodingKey { case document, holder, citizen, verification, photo }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(holder, forKey: .holder)
        try container.encode(citizen, forKey: .citizen)
        try container.encode(verification, forKey: .verification)
        try container.encode(photo, forKey: .photo)
    }

    /// Pretty, key-sorted JSON with ISO 8601 dates and unescaped UTF-8.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
