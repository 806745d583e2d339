import CCCDLDS
import CCCDVerification
import Foundation

/// Everything read from a card, typed, and encodable to exactly the `cccd read --json` object of
/// shared/interfaces.md (`document`, `holder`, `citizen`, `access`, `verification`, `photo`, `face`,
/// plus `files` with each file's status and size).
///
/// ``rawFiles`` keeps every file exactly as read, for the dump folder (`--out`) and for
/// verification; it is never encoded. ``verification`` and ``face`` are filled by other modules
/// (a ``ReadResultVerifier``, a face matcher) or attached by the caller.
public struct CardReadResult: Sendable {
    public var document: DocumentSummary?
    public var holder: HolderSummary?
    /// DG13 (Vietnamese citizen data), when the card has it.
    public var citizen: CitizenData?
    public var access: AccessSummary
    public var verification: VerificationSummary?
    public var photo: PhotoSummary?
    public var face: FaceMatchSummary?
    /// Every file considered, with what happened to it.
    public var files: [LDSFile: FileStatus]
    /// The bytes of every file read, exactly as stored on the chip (EF.CardAccess, EF.COM, EF.SOD, DGs).
    public var rawFiles: [LDSFile: [UInt8]]
    /// DG1 parsed (the MRZ), when read.
    public var mrz: MachineReadableZoneGroup?
    /// Exchanges, restarts and work-arounds of the read; never encoded in the JSON.
    public var statistics = ReadStatistics()
    /// When the (last) access-control run was PACE with Chip Authentication Mapping: the chip's
    /// CA_IC and PK_map,IC, checked by the verifier instead of running Chip Authentication. Never
    /// encoded in the JSON.
    public var paceChipAuthentication: PACECAMVerifier.ChipData?

    public init(document: DocumentSummary? = nil, holder: HolderSummary? = nil, citizen: CitizenData? = nil,
                access: AccessSummary = .none, verification: VerificationSummary? = nil, photo: PhotoSummary? = nil,
                face: FaceMatchSummary? = nil, files: [LDSFile: FileStatus] = [:], rawFiles: [LDSFile: [UInt8]] = [:],
                mrz: MachineReadableZoneGroup? = nil)
    {
        self.document = document
        self.holder = holder
        self.citizen = citizen
        self.access = access
        self.verification = verification
        self.photo = photo
        self.face = face
        self.files = files
        self.rawFiles = rawFiles
        self.mrz = mrz
    }

    /// Writes the dump folder (shared/interfaces.md): one `<name>.bin` per file read, exactly as
    /// read. Creates the folder if needed (mode 0700); the files are 0600 (``PrivateFile``). Holds
    /// personal data: write it only when the user asks.
    public func writeDump(to folder: URL) throws {
        try PrivateFile.createFolder(folder)
        for (file, bytes) in rawFiles where file != .atrInfo {
            try PrivateFile.write(Data(bytes), to: folder.appendingPathComponent(file.dumpFileName))
        }
    }

    /// The JSON object of `cccd read --json`: sorted keys, UTF-8 text unescaped.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension CardReadResult: Codable {
    private enum CodingKeys: String, CodingKey { case document, holder, citizen, access, verification, photo, face, files }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(document, forKey: .document)
        try c.encodeIfPresent(holder, forKey: .holder)
        try c.encodeIfPresent(citizen, forKey: .citizen)
        try c.encode(access, forKey: .access)
        try c.encodeIfPresent(verification, forKey: .verification)
        try c.encodeIfPresent(photo, forKey: .photo)
        try c.encodeIfPresent(face, forKey: .face)
        try c.encode(Dictionary(uniqueKeysWithValues: files.map { ($0.key.description, $0.value) }), forKey: .files)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let names = try c.decodeIfPresent([String: FileStatus].self, forKey: .files) ?? [:]
        var files: [LDSFile: FileStatus] = [:]
        for (name, status) in names {
            if let file = LDSFile.allFiles.first(where: { $0.description == name }) { files[file] = status }
        }
        self.init(
            document: try c.decodeIfPresent(DocumentSummary.self, forKey: .document),
            holder: try c.decodeIfPresent(HolderSummary.self, forKey: .holder),
            citizen: try c.decodeIfPresent(CitizenData.self, forKey: .citizen),
            access: try c.decodeIfPresent(AccessSummary.self, forKey: .access) ?? .none,
            verification: try c.decodeIfPresent(VerificationSummary.self, forKey: .verification),
            photo: try c.decodeIfPresent(PhotoSummary.self, forKey: .photo),
            face: try c.decodeIfPresent(FaceMatchSummary.self, forKey: .face), files: files)
    }
}

extension CardReadResult: CustomStringConvertible {
    /// Redacted: which files were read and their sizes only.
    public var description: String {
        let list = files.sorted { $0.key.description < $1.key.description }.map { "\($0.key): \($0.value.name)" }
        return "CardReadResult(access \(access.protocol); \(list.joined(separator: ", ")))"
    }
}
