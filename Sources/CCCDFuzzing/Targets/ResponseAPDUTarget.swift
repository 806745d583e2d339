import CCCDPrimitives
import CCCDTransport
import Foundation

/// Response APDUs as a card sends them, through `ResponseAPDU(bytes:)`, the status-word
/// classification, and `APDUChannel`'s `61 xx` (GET RESPONSE) and `6C xx` (re-send with Le) rules
/// against a card whose successive answers come from the input.
///
/// Input: a sequence of responses, each a length byte followed by that many bytes (a short last
/// one takes what is left).
enum ResponseAPDUTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        let answers = split(bytes)
        // No answer at all is no card response to judge.
        guard !answers.isEmpty else { return .rejected }
        for answer in answers {
            try checkParsing(answer)
        }
        let card = ScriptedCard(answers: answers)
        let channel = APDUChannel(transport: card, maxGetResponseRounds: 16)
        let command = (try? CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x00, p2: 0x00, ne: 256))!
        let outcome = BlockingTask.run { try await channel.send(command) }
        let sent = card.sent
        try Invariant.check(sent.count <= 2 + 2 * 16, .responseAPDU, "\(sent.count) commands for one send")
        guard case .success(let response) = outcome else { return .rejected }

        // The final response joins the data of the answers consumed, minus those that the channel
        // dropped for `6C xx` (their data is not part of the result).
        let consumed = (0..<sent.count).compactMap { index in
            try? ResponseAPDU(bytes: index < answers.count ? answers[index] : ScriptedCard.exhausted)
        }
        try Invariant.check(consumed.count == sent.count, .responseAPDU, "a malformed answer was accepted")
        try Invariant.check(response.status == consumed.last?.status, .responseAPDU, "status is not the last answer's")
        try Invariant.check(
            response.data.count <= consumed.reduce(0) { $0 + $1.data.count }, .responseAPDU, "data out of nowhere")
        // Every command after the first is GET RESPONSE or the re-sent READ BINARY.
        for command in sent.dropFirst() {
            try Invariant.check(command.count >= 5 && (command[1] == 0xC0 || command[1] == 0xB0), .responseAPDU,
                                "unexpected follow-up command")
        }
        return .accepted
    }

    static func checkParsing(_ raw: [UInt8]) throws(FuzzInvariantViolation) {
        guard let response = try? ResponseAPDU(bytes: raw) else {
            try Invariant.check(raw.count < 2, .responseAPDU, "a response of \(raw.count) bytes was refused")
            return
        }
        try Invariant.check(response.bytes == raw, .responseAPDU, "response does not re-encode to its bytes")
        let status = response.status
        try Invariant.check(StatusWord(status.value) == status, .responseAPDU, "status word value round trip")
        switch status.kind {
        case .success: try Invariant.check(status == .success, .responseAPDU, "success that is not 9000")
        case .bytesAvailable(let n), .wrongLe(exact: let n):
            try Invariant.check((1...256).contains(n), .responseAPDU, "length \(n) outside 1…256")
        case .verificationFailed(let left): try Invariant.check((0...15).contains(left), .responseAPDU, "retries \(left)")
        case .warning, .error, .unknown: break
        }
        try Invariant.check(!status.meaning.isEmpty, .responseAPDU, "status without meaning")
        try Invariant.check(!response.description.isEmpty, .responseAPDU, "empty description")
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var answers: [[UInt8]] = []
        var i = 0
        while i < bytes.count, answers.count < 64 {
            let length = Int(bytes[i])
            let end = min(bytes.count, i + 1 + length)
            answers.append(Array(bytes[(i + 1)..<end]))
            i = end
        }
        return answers
    }
}

/// A card that answers with the scripted responses in order, then with `6F 00`.
final class ScriptedCard: CardTransport, @unchecked Sendable {
    static let exhausted: [UInt8] = [0x6F, 0x00]
    private let state: LockedBox<(answers: [[UInt8]], commands: [[UInt8]])>

    init(answers: [[UInt8]]) { state = LockedBox((answers, [])) }

    var sent: [[UInt8]] { state.withLock { $0.commands } }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        state.withLock { state in
            state.commands.append(command)
            return state.answers.isEmpty ? Self.exhausted : state.answers.removeFirst()
        }
    }
}
