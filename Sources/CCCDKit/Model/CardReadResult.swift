import CCCDChipAuthentication
import CCCDLDS
import CCCDPrimitives
import CCCDVerification
import Foundation

/// Everything read from a card, typed, and encodable to exactly the `cccd read --json` object of
/// docs/interfaces.md (`document`, `holder`, `citizen`, `access`, `verification`, `photo`, `face`,
/// plus `files` with each file's status and size), validated by docs/schema/read-result.schema.json.
///
/// The one result model: `cccd verify --json` and the daemon's read and verify answers encode this
/// type too (``init(dump:verification:)``), so a read and the re-verification of its dump give the
/// same JSON but for the verification time and the live-only blocks `access` and `files`.
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
    public var verification: VerificationReport?
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
    /// The caller's Active Authentication challenge (``ReadOptions/activeAuthenticationChallenge``),
    /// for the verifier. Never encoded (the evidence in `verification.active` carries it).
    public var activeAuthenticationChallenge: [UInt8]?
    /// Whether this describes a live read (`access` and `files` are encoded) or a dump (they are not).
    public var isLiveRead = true
    /// Chip Authentication run during the read (after DG14, its keys proven by the next file
    /// read): the verifier reports it instead of running CA again. nil when CA was left to the
    /// verifier. Never encoded in the JSON.
    public var chipAuthenticationDuringRead: AuthenticationResult?

    public init(document: DocumentSummary? = nil, holder: HolderSummary? = nil, citizen: CitizenData? = nil,
                access: AccessSummary = .none, verification: VerificationReport? = nil, photo: PhotoSummary? = nil,
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

    /// The result of re-verifying a dump (`cccd verify`, `POST /v1/verify`): the blocks described
    /// from the files exactly as a read describes them; files that do not parse leave their block out.
    public init(dump files: [LDSFile: [UInt8]], verification: VerificationReport?) {
        self.init(verification: verification, rawFiles: files)
        isLiveRead = false
        citizen = files[.dataGroup(.dg13)].flatMap { try? DG13Parser.parse($0) }
        if let dg1 = files[.dataGroup(.dg1)].flatMap({ try? DG1Parser.parse($0) }) {
            mrz = dg1
            document = DocumentSummary(dg1: dg1, citizen: citizen)
            holder = HolderSummary(dg1: dg1)
        }
        photo = files[.dataGroup(.dg2)].flatMap { try? DG2Parser.parse($0) }.flatMap { PhotoSummary(faces: $0) }
    }

    /// The Active Authentication evidence (challenge, response, algorithm), when AA got an answer.
    public var activeAuthenticationEvidence: ActiveAuthenticationEvidence? { verification?.active.evidence }

    /// What the read records about chip authentication (protocol, key ID; after PACE-CAM the
    /// mapping key and CA_IC): the verifier's, else PACE-CAM's data as the read left them.
    public var chipAuthenticationEvidence: ChipAuthenticationEvidence? {
        verification?.chip.chipEvidence ?? paceChipAuthentication?.evidence()
    }

    /// Writes the dump folder (docs/interfaces.md): one `<name>.bin` per file read, exactly as
    /// read, plus `AA.challenge.bin` / `AA.response.bin` when Active Authentication got an answer
    /// and `CAM.mappingKey.bin` / `CAM.caIC.bin` after PACE-CAM.
    /// Creates the folder if needed (mode 0700); the files are 0600 (`PrivateFile`). Holds personal
    /// data: write it only when the user asks.
    public func writeDump(to folder: URL) throws {
        try PrivateFile.createFolder(folder)
        for (file, bytes) in rawFiles where file != .atrInfo {
            try PrivateFile.write(Data(bytes), to: folder.appendingPathComponent(file.dumpFileName))
        }
        if let evidence = activeAuthenticationEvidence {
            try PrivateFile.write(
                Data(evidence.challenge), to: folder.appendingPathComponent(ActiveAuthenticationEvidence.challengeFileName))
            try PrivateFile.write(
                Data(evidence.response), to: folder.appendingPathComponent(ActiveAuthenticationEvidence.responseFileName))
        }
        if let cam = chipAuthenticationEvidence, cam.hasMappingData, let key = cam.mappingKey, let caIC = cam.caIC {
            try PrivateFile.write(Data(key), to: folder.appendingPathComponent(ChipAuthenticationEvidence.mappingKeyFileName))
            try PrivateFile.write(Data(caIC), to: folder.appendingPathComponent(ChipAuthenticationEvidence.caICFileName))
        }
    }

    /// The JSON object of `cccd read --json` / `cccd verify --json`: sorted keys, ISO 8601 dates,
    /// UTF-8 text unescaped.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        try Self.encoder(prettyPrinted: prettyPrinted).encode(self)
    }

    /// The decoder of the result's JSON (ISO 8601 dates).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The encoder of the result's JSON.
    public static func encoder(prettyPrinted: Bool = true) -> JSONEncoder {
        let encoder = JSONCoding.encoder(pretty: prettyPrinted)
        return encoder
    }
}

extension CardReadResult: Codable {
    private enum CodingKeys: String, CodingKey { case document, holder, citizen, access, verification, photo, face, files }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(document, forKey: .document)
        try c.encodeIfPresent(holder, forKey: .holder)
        try c.encodeIfPresent(citizen, forKey: .citizen)
        try c.encodeIfPresent(verification, forKey: .verification)
        try c.encodeIfPresent(photo, forKey: .photo)
        try c.encodeIfPresent(face, forKey: .face)
        // Live-only: how the chip was opened and what each file did; a dump knows neither.
        guard isLiveRead else { return }
        try c.encode(access, forKey: .access)
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
            verification: try c.decodeIfPresent(VerificationReport.self, forKey: .verification),
            photo: try c.decodeIfPresent(PhotoSummary.self, forKey: .photo),
            face: try c.decodeIfPresent(FaceMatchSummary.self, forKey: .face), files: files)
        isLiveRead = c.contains(.access)
    }
}

extension CardReadResult: CustomStringConvertible {
    /// Redacted: which files were read and their sizes only.
    public var description: String {
        let list = files.sorted { $0.key.description < $1.key.description }.map { "\($0.key): \($0.value.name)" }
        return "CardReadResult(access \(access.protocol); \(list.joined(separator: ", ")))"
    }
}
