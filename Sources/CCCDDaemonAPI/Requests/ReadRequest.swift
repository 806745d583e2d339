import CCCDLDS
import CCCDMRZ
import CCCDPrimitives
import Foundation

/// The body of `POST /v1/readers/{id}/read`:
/// `{"access": {"can"} | {"mrz"} | {"id","dob","expiry"}, "options": {…}, "sessionId": "…"}`.
public struct ReadRequest: Sendable, Equatable, Decodable {
    public enum Access: Sendable, Equatable {
        case can(String)
        case mrz(String)
        /// 12-digit ID, birth date and expiry (`nil` = a card without expiry, `"none"` in JSON).
        case vietnameseID(id: String, dateOfBirth: String, dateOfExpiry: String?)
    }

    public struct Options: Sendable, Equatable {
        /// Data groups to read; `nil` = those EF.COM lists.
        public var dataGroups: [Int]?
        public var photo: Bool = true
        /// `false` skips DG15 and with it Active Authentication.
        public var activeAuthentication: Bool = true
        /// `false` skips DG14 and with it Chip Authentication.
        public var chipAuthentication: Bool = true
        /// How long to wait for a card on the reader.
        public var timeoutSeconds: Double = 15
        /// The caller's 8-byte Active Authentication challenge (`activeAuthenticationChallenge`,
        /// hex or base64 in JSON); nil = a random one.
        public var activeAuthenticationChallenge: [UInt8]?

        public init() {}
    }

    public var access: Access
    public var options: Options
    public var sessionId: String?

    public init(access: Access, options: Options = Options(), sessionId: String? = nil) {
        self.access = access
        self.options = options
        self.sessionId = sessionId
    }

    static let maximumTimeoutSeconds = 120.0

    private struct Wire: Decodable {
        struct AccessWire: Decodable {
            var can: String?
            var mrz: String?
            var id: String?
            var dob: String?
            var expiry: String?
        }
        struct OptionsWire: Decodable {
            var dataGroups: [Int]?
            var photo: Bool?
            var activeAuthentication: Bool?
            var chipAuthentication: Bool?
            var timeoutSeconds: Double?
            var activeAuthenticationChallenge: String?
        }
        var access: AccessWire
        var options: OptionsWire?
        var sessionId: String?
    }

    /// Decodes and checks a request body. Pure (no I/O): a fuzzer may call it with any bytes; bad
    /// input gives ``APIError`` `invalid_request`, never a crash.
    public static func decode(from data: Data) throws(APIError) -> ReadRequest {
        try APIRequestBody.decode(ReadRequest.self, from: data)
    }

    /// Strict: unknown keys at any level are refused (before any type is checked), then the fields'
    /// types, then their forms and the access key. Errors are ``APIError`` `invalid_request` (or
    /// `DecodingError`, which ``APIRequestBody`` names).
    public init(from decoder: any Decoder) throws {
        let object = try JSONBody.object(decoder, allowed: ["access", "options", "sessionId"])
        let notAccess = "access must be an object: {\"can\": …}, {\"mrz\": …} or {\"id\", \"dob\", \"expiry\"}"
        guard
            try JSONBody.nestedObject(
                object, "access", allowed: ["can", "mrz", "id", "dob", "expiry"], notAnObject: notAccess) != nil
        else { throw APIError.invalidRequest(notAccess) }
        _ = try JSONBody.nestedObject(
            object, "options",
            allowed: [
                "dataGroups", "photo", "activeAuthentication", "chipAuthentication", "timeoutSeconds",
                "activeAuthenticationChallenge",
            ],
            notAnObject: "options must be an object")
        self = try Self.checked(try Wire(from: decoder))
    }

    private static func checked(_ wire: Wire) throws(APIError) -> ReadRequest {
        let a = wire.access
        let access: Access
        switch (a.can, a.mrz, a.id) {
        case (let can?, nil, nil):
            guard a.dob == nil, a.expiry == nil else { throw .invalidRequest("access.dob and access.expiry go with access.id") }
            access = .can(can)
        case (nil, let mrz?, nil):
            guard a.dob == nil, a.expiry == nil else { throw .invalidRequest("access.dob and access.expiry go with access.id") }
            access = .mrz(mrz)
        case (nil, nil, let id?):
            guard let dob = a.dob, let expiry = a.expiry else {
                throw .invalidRequest("access.id needs access.dob (YYYY-MM-DD) and access.expiry (YYYY-MM-DD or none)")
            }
            access = .vietnameseID(id: id, dateOfBirth: dob, dateOfExpiry: expiry.lowercased() == "none" ? nil : expiry)
        default:
            throw .invalidRequest("access needs exactly one of can, mrz, or id with dob and expiry")
        }
        // The API's exact forms first (docs/openapi.json), then the key itself, before a reader is reserved.
        switch access {
        case .can: break
        case .mrz(let mrz):
            guard AccessFieldRules.isMRZ(mrz) else { throw .invalidRequest("access.mrz must be DOCNO,YYMMDD,YYMMDD") }
        case .vietnameseID(let id, let dob, _):
            guard AccessFieldRules.isVietnameseID(id) else { throw .invalidRequest("access.id must be 12 digits") }
            guard AccessFieldRules.isDate(dob) else {
                throw .invalidRequest("access.dob (date of birth) must be YYYY-MM-DD, years 1900 to 2199")
            }
            guard let expiry = a.expiry, AccessFieldRules.isExpiry(expiry) else {
                throw .invalidRequest("access.expiry (date of expiry) must be YYYY-MM-DD, years 1900 to 2199, or none")
            }
        }
        try access.checkKey()

        var options = Options()
        if let o = wire.options {
            if let groups = o.dataGroups {
                guard groups.allSatisfy({ (1...16).contains($0) }) else {
                    throw .invalidRequest("options.dataGroups must list numbers from 1 to 16")
                }
                options.dataGroups = Array(Set(groups)).sorted()
            }
            options.photo = o.photo ?? true
            options.activeAuthentication = o.activeAuthentication ?? true
            options.chipAuthentication = o.chipAuthentication ?? true
            if let timeout = o.timeoutSeconds {
                guard timeout > 0, timeout <= maximumTimeoutSeconds else {
                    throw .invalidRequest("options.timeoutSeconds must be more than 0 and at most \(Int(maximumTimeoutSeconds))")
                }
                options.timeoutSeconds = timeout
            }
            if let text = o.activeAuthenticationChallenge {
                guard AccessFieldRules.isChallenge(text), let challenge = ActiveAuthenticationChallenge.parse(text) else {
                    throw .invalidRequest("options.activeAuthenticationChallenge must be 8 bytes: 16 hex digits or base64")
                }
                options.activeAuthenticationChallenge = challenge
            }
        }
        if let id = wire.sessionId { try SessionID.validate(id) }
        return ReadRequest(access: access, options: options, sessionId: wire.sessionId)
    }

    /// The data groups to ask the reader for, with the AA/CA switches applied.
    public var dataGroups: Set<DataGroup>? {
        var numbers = options.dataGroups.map(Set.init)
        if !options.activeAuthentication || !options.chipAuthentication {
            numbers = numbers ?? [1, 2, 13, 14, 15]
            if !options.activeAuthentication { numbers?.remove(15) }
            if !options.chipAuthentication { numbers?.remove(14) }
        }
        guard let numbers else { return nil }
        return Set(numbers.compactMap { DataGroup(rawValue: $0) })
    }
}

extension ReadRequest.Access {
    /// Checks that the input gives a BAC/PACE key, with CCCDMRZ's key rules and the message
    /// CCCDKit's `AccessInput.accessKey()` gives (CCCDDaemon maps the access to that type; the
    /// fuzz target `daemon-request` checks that every accepted access opens a key there).
    func checkKey() throws(APIError) {
        switch self {
        case .can(let can):
            guard !can.isEmpty, can.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw Self.invalidKey("the CAN is the 6 digits printed on the card")
            }
        case .mrz(let text):
            do { _ = try MRZKey(parsing: text) } catch { throw Self.invalidKey("\(error)") }
        case .vietnameseID(let id, let dob, let expiry):
            do {
                _ = try MRZKey(vietnameseID: id, dateOfBirthISO: dob, dateOfExpiryISO: expiry)
            } catch {
                throw Self.invalidKey("\(error)")
            }
        }
    }

    private static func invalidKey(_ why: String) -> APIError {
        .invalidRequest("invalid access key: invalid access key input: \(why)")
    }
}
