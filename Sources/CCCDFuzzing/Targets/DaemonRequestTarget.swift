import CCCDDaemonAPI
import CCCDKit
import Foundation
import HTTPTypes

/// The JSON request bodies of `cccdd` (first input byte: 0 read, 1 verify, 2 face compare; the rest
/// is the body). A rejected body must give a bounded, printable `400 invalid_request`; an accepted
/// one must hold the checks the routes rely on and decode to the same value when written again.
enum DaemonRequestTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let selector = bytes.first else { return .rejected }
        let body = Data(bytes.dropFirst())
        do {
            switch selector % 3 {
            case 0: try checkRead(try ReadRequest.decode(from: body))
            case 1: try checkVerify(try VerifyRequest.decode(from: body))
            default: try checkFace(try FaceCompareRequest.decode(from: body))
            }
            return .accepted
        } catch let error as APIError {
            try checkRejection(error)
            return .rejected
        } catch let violation as FuzzInvariantViolation {
            throw violation
        } catch {
            throw FuzzInvariantViolation(FuzzTarget.daemonRequest.rawValue, "untyped error \(type(of: error))")
        }
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzInvariantViolation) {
        try Invariant.check(condition, .daemonRequest, message())
    }

    /// What a client sees for a bad body: 400, the stable code, and a message that cannot carry
    /// the body back in bulk or break a log line.
    private static func checkRejection(_ error: APIError) throws(FuzzInvariantViolation) {
        try check(error.status == .badRequest && error.code == "invalid_request", "rejected with \(error.status) \(error.code)")
        try check(!error.message.isEmpty && error.message.utf8.count <= 300, "error message of \(error.message.utf8.count) bytes")
        try check(
            !error.message.unicodeScalars.contains { $0.properties.generalCategory == .control }, "control character in error message")
    }

    private static func checkRead(_ request: ReadRequest) throws(FuzzInvariantViolation) {
        try check((try? accessInput(request.access).accessKey()) != nil, "accepted an access input without a key")
        try check(request.options.timeoutSeconds > 0 && request.options.timeoutSeconds <= 120, "timeout out of range")
        if let groups = request.options.dataGroups {
            try check(groups == Array(Set(groups)).sorted() && groups.allSatisfy { (1...16).contains($0) }, "data groups \(groups)")
        }
        if let id = request.sessionId { try check((try? SessionID.validate(id)) != nil, "accepted an invalid session id") }

        var access: [String: String] = [:]
        switch request.access {
        case .can(let can): access["can"] = can
        case .mrz(let mrz): access["mrz"] = mrz
        case .vietnameseID(let id, let dob, let expiry):
            access = ["id": id, "dob": dob, "expiry": expiry ?? "none"]
        }
        let options = ReadWire.Options(
            dataGroups: request.options.dataGroups, photo: request.options.photo,
            activeAuthentication: request.options.activeAuthentication,
            chipAuthentication: request.options.chipAuthentication, timeoutSeconds: request.options.timeoutSeconds)
        let again = try reencoded(ReadWire(access: access, options: options, sessionId: request.sessionId)) {
            (data) throws(APIError) in try ReadRequest.decode(from: data)
        }
        try check(again == request, "read request changes when written again")
    }

    /// CCCDKit's input for the request's access, written here (the fuzzer does not link CCCDDaemon,
    /// which maps it for the reads): the decoder's own key check must agree with CCCDKit's.
    private static func accessInput(_ access: ReadRequest.Access) -> AccessInput {
        switch access {
        case .can(let can): .can(can)
        case .mrz(let mrz): .mrz(mrz)
        case .vietnameseID(let id, let dob, let expiry): .vietnameseID(id: id, dateOfBirth: dob, dateOfExpiry: expiry)
        }
    }

    private static func checkVerify(_ request: VerifyRequest) throws(FuzzInvariantViolation) {
        try check(!request.files.isEmpty, "accepted an empty file set")
        try check(request.files.values.allSatisfy { !$0.isEmpty && $0.count <= 4 << 20 }, "file size out of range")
        let files = Dictionary(uniqueKeysWithValues: request.files.map {
            (String($0.key.dumpFileName.dropLast(4)), Data($0.value).base64EncodedString())
        })
        let again = try reencoded(["files": files]) { (data) throws(APIError) in try VerifyRequest.decode(from: data) }
        try check(again == request, "verify request changes when written again")
    }

    private static func checkFace(_ request: FaceCompareRequest) throws(FuzzInvariantViolation) {
        try check(request.liveImages.allSatisfy { !$0.isEmpty }, "accepted an empty live image")
        try check((1...FaceCompareRequest.maximumLiveFrames).contains(request.liveImages.count), "accepted \(request.liveImages.count) live frames")
        struct Wire: Encodable {
            var liveImages: [String]
            var readId: String?
            var chipImage: String?
        }
        var wire = Wire(liveImages: request.liveImages.map { Data($0).base64EncodedString() })
        switch request.chip {
        case .read(let id):
            try check(!id.isEmpty && id.count <= 64, "read id of \(id.count) characters")
            wire.readId = id
        case .image(let image):
            try check(!image.isEmpty, "accepted an empty chip image")
            wire.chipImage = Data(image).base64EncodedString()
        }
        let again = try reencoded(wire) { (data) throws(APIError) in try FaceCompareRequest.decode(from: data) }
        try check(again == request, "face compare request changes when written again")
    }

    /// Writes `wire` with JSONEncoder (as a client would) and decodes it with the daemon's decoder.
    private static func reencoded<Wire: Encodable, Value>(
        _ wire: Wire, _ decode: (Data) throws(APIError) -> Value
    ) throws(FuzzInvariantViolation) -> Value {
        let data: Data
        do {
            data = try JSONEncoder().encode(wire)
        } catch {
            throw FuzzInvariantViolation(FuzzTarget.daemonRequest.rawValue, "cannot write the request again: \(error)")
        }
        do {
            return try decode(data)
        } catch {
            throw FuzzInvariantViolation(
                FuzzTarget.daemonRequest.rawValue, "the request written again is refused: \(error.code) \(error.message)")
        }
    }

    /// A read request as a client writes it.
    private struct ReadWire: Encodable {
        struct Options: Encodable {
            var dataGroups: [Int]?
            var photo: Bool
            var activeAuthentication: Bool
            var chipAuthentication: Bool
            var timeoutSeconds: Double
        }
        var access: [String: String]
        var options: Options
        var sessionId: String?
    }
}
