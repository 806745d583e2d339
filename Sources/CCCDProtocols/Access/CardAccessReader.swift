import CCCDTransport

/// Reads EF.CardAccess (plain, before access control): READ BINARY by SFI 0x1C first, then
/// SELECT EF 011C (`00 A4 02 0C 02 01 1C`), then SELECT MF and SELECT EF 011C again. CoreNFC
/// refuses SELECT MF on CCCDs (`6D 00`) while the first two work; see cccd-facts.md.
package enum CardAccessReader {
    /// The outcome of reading EF.CardAccess.
    package enum Outcome: Sendable, Equatable {
        case found([UInt8])
        /// No attempt succeeded; the last status word (`6A 82` = the card has no EF.CardAccess).
        case notAvailable(lastStatus: StatusWord)
    }

    /// Upper bound for the file: real EF.CardAccess files are a few hundred bytes.
    package static let maximumLength = 4096

    package static func read(channel: APDUChannel) async throws -> Outcome {
        // 1. READ BINARY with SFI 0x1C (P1 = 0x80 | SFI).
        let bySFI = try await readFile(channel, firstCommand: readBinary(p1: 0x9C, p2: 0x00, ne: 256))
        if case .found = bySFI { return bySFI }
        // 2. SELECT EF.CardAccess by file identifier.
        let selectEF = try CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x1C])
        var last = bySFI
        if try await channel.send(selectEF).status.isSuccess {
            last = try await readFile(channel, firstCommand: readBinary(p1: 0, p2: 0, ne: 256))
            if case .found = last { return last }
        }
        // 3. SELECT MF, then the EF again.
        let selectMF = try CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x00, p2: 0x0C, data: [0x3F, 0x00])
        let mf = try await channel.send(selectMF)
        guard mf.status.isSuccess else { return .notAvailable(lastStatus: mf.status) }
        let again = try await channel.send(selectEF)
        guard again.status.isSuccess else { return .notAvailable(lastStatus: again.status) }
        return try await readFile(channel, firstCommand: readBinary(p1: 0, p2: 0, ne: 256))
    }

    private static func readBinary(p1: UInt8, p2: UInt8, ne: Int) throws -> CommandAPDU {
        try CommandAPDU(cla: 0x00, ins: 0xB0, p1: p1, p2: p2, ne: ne)
    }

    /// Reads the first chunk, learns the file length from its outer TLV and reads the rest.
    private static func readFile(_ channel: APDUChannel, firstCommand: CommandAPDU) async throws -> Outcome {
        let first = try await channel.send(firstCommand)
        guard first.status.isNormalOrWarning, !first.data.isEmpty else { return .notAvailable(lastStatus: first.status) }
        var content = first.data
        guard let total = outerLength(content) else { return .found(content) }
        guard total <= maximumLength else { return .found(content) }
        while content.count < total {
            let offset = content.count
            guard offset <= 0x7FFF else { break }
            let chunk = min(total - offset, 256)
            let response = try await channel.send(
                readBinary(p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF), ne: chunk))
            guard response.status.isNormalOrWarning, !response.data.isEmpty else { break }
            content += response.data
        }
        return .found(content)
    }

    /// Tag + length + value size of the first TLV, from its header alone.
    static func outerLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        let first = Int(bytes[1])
        if first < 0x80 { return 2 + first }
        let count = first & 0x7F
        guard (1...3).contains(count), bytes.count >= 2 + count else { return nil }
        var length = 0
        for i in 0..<count { length = length << 8 | Int(bytes[2 + i]) }
        return 2 + count + length
    }
}
