import CCCDLDS
import Foundation

/// The body of `POST /v1/verify`: `{"files": {"EF.SOD": "<base64>", "DG1": "<base64>", …}}` with the
/// dump layout's names without `.bin` (`AA.challenge` and `AA.response` included: Active
/// Authentication is then re-checked offline; `CAM.mappingKey` and `CAM.caIC`: PACE-CAM is).
/// CCCDDaemon turns the two pairs into CCCDKit's evidence types.
public struct VerifyRequest: Sendable, Equatable {
    /// `AA.challenge` and `AA.response`.
    public struct ActiveAuthenticationFiles: Sendable, Equatable {
        public var challenge: [UInt8]
        public var response: [UInt8]
    }

    /// `CAM.mappingKey` and `CAM.caIC` (neither empty).
    public struct ChipAuthenticationFiles: Sendable, Equatable {
        public var mappingKey: [UInt8]
        public var caIC: [UInt8]
    }

    public var files: [LDSFile: [UInt8]]
    /// `AA.challenge` and `AA.response`, when both were sent.
    public var activeAuthenticationFiles: ActiveAuthenticationFiles?
    /// `CAM.mappingKey` and `CAM.caIC`, when both were sent.
    public var chipAuthenticationFiles: ChipAuthenticationFiles?

    /// Largest accepted file (as for dump folders: chip files are tens of KB).
    static let maximumFileSize = 4 << 20

    /// The accepted names: `EF.COM`, `EF.SOD`, `EF.CardAccess`, `DG1` … `DG16`.
    static let names: [String: LDSFile] = Dictionary(
        uniqueKeysWithValues: LDSFile.allFiles.filter { $0 != .atrInfo }.map {
            (String($0.dumpFileName.dropLast(4)), $0)
        })

    private struct Wire: Decodable {
        var files: [String: String]
    }

    /// Pure decode (no I/O), for fuzzing and tests; the daemon decodes through ``APIRequestBody`` too.
    public static func decode(from data: Data) throws(APIError) -> VerifyRequest {
        try APIRequestBody.decode(VerifyRequest.self, from: data)
    }

    private static func checked(_ wire: Wire) throws(APIError) -> VerifyRequest {
        guard !wire.files.isEmpty else { throw .invalidRequest("files is empty; send at least EF.SOD and the data groups") }
        var files: [LDSFile: [UInt8]] = [:]
        var aa: [String: [UInt8]] = [:]
        for (name, text) in wire.files.sorted(by: { $0.key < $1.key }) {
            if ["AA.challenge", "AA.response", "CAM.mappingKey", "CAM.caIC"].contains(name) {
                // The text's length, as the document's maxLength (5464 characters: 4096 bytes and the padding).
                guard text.unicodeScalars.count <= 5464 else { throw .invalidRequest("files.\(name) is too large") }
                let bytes = try Base64Field.decode(text, name: "files.\(name)")
                aa[name] = bytes
                continue
            }
            guard let file = names[name] else {
                throw .invalidRequest("files.\(JSONBody.quoted(name)) is not a dump file name (EF.COM, EF.SOD, EF.CardAccess, DG1 … DG16)")
            }
            let bytes = try Base64Field.decode(text, name: "files.\(name)")
            guard bytes.count <= maximumFileSize else { throw .invalidRequest("files.\(name) is too large for a chip file") }
            files[file] = bytes
        }
        guard files.isEmpty == false else { throw .invalidRequest("files holds no chip file (EF.SOD, DG1 …)") }
        var request = VerifyRequest(files: files)
        switch (aa["AA.challenge"], aa["AA.response"]) {
        case (let challenge?, let response?):
            request.activeAuthenticationFiles = ActiveAuthenticationFiles(challenge: challenge, response: response)
        case (nil, nil): break
        default: throw .invalidRequest("files.AA.challenge and files.AA.response go together")
        }
        switch (aa["CAM.mappingKey"], aa["CAM.caIC"]) {
        case (let key?, let caIC?) where !key.isEmpty && !caIC.isEmpty:
            request.chipAuthenticationFiles = ChipAuthenticationFiles(mappingKey: key, caIC: caIC)
        case (nil, nil): break
        default: throw .invalidRequest("files.CAM.mappingKey and files.CAM.caIC go together (neither empty)")
        }
        return request
    }
}

extension VerifyRequest: Decodable {
    /// Strict: unknown keys refused, then types, then the file names and contents.
    public init(from decoder: any Decoder) throws {
        _ = try JSONBody.object(decoder, allowed: ["files"])
        self = try Self.checked(try Wire(from: decoder))
    }
}
