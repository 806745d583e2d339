/// Sends `CommandAPDU`s over a `CardTransport` and applies the ISO 7816-4 transmission rules that
/// are not the application's business:
/// - `61 xx`: fetch the remaining bytes with GET RESPONSE (repeatedly) and join them;
/// - `6C xx`: re-issue the same command with Le = xx (once).
public struct APDUChannel: Sendable {
    public let transport: any CardTransport
    /// How the channel encodes Lc/Le: automatic picks short form whenever it fits.
    public var lengthForm: CommandAPDU.LengthForm
    /// Upper bound on GET RESPONSE rounds, so a card that keeps answering `61 xx` cannot loop us forever.
    public var maxGetResponseRounds: Int

    public init(transport: any CardTransport, lengthForm: CommandAPDU.LengthForm = .automatic,
                maxGetResponseRounds: Int = 512) {
        self.transport = transport
        self.lengthForm = lengthForm
        self.maxGetResponseRounds = maxGetResponseRounds
    }

    /// Sends one command, follows `61 xx` and `6C xx`, returns the final response.
    public func send(_ command: CommandAPDU) async throws -> ResponseAPDU {
        var response = try await sendOnce(command)
        if case .wrongLe(let exact) = response.status.kind {
            response = try await sendOnce(try command.with(ne: exact))
        }
        guard case .bytesAvailable = response.status.kind else { return response }

        var data = response.data
        var rounds = 0
        while case .bytesAvailable(let available) = response.status.kind {
            rounds += 1
            guard rounds <= maxGetResponseRounds else {
                throw CardTransportError.malformedResponse("card kept answering 61xx after \(rounds - 1) GET RESPONSE")
            }
            // GET RESPONSE keeps the logical-channel bits of the original CLA, never SM or chaining bits.
            let getResponse = try CommandAPDU(cla: command.cla & 0x03, ins: 0xC0, p1: 0, p2: 0, ne: available)
            response = try await sendOnce(getResponse)
            if case .wrongLe(let exact) = response.status.kind {
                response = try await sendOnce(try getResponse.with(ne: exact))
            }
            data += response.data
        }
        return ResponseAPDU(data: data, status: response.status)
    }

    /// Sends the parts of a command chain; returns the response to the last part. Stops at the first
    /// intermediate part the card does not accept with `90 00`.
    public func sendChained(_ command: CommandAPDU, maxDataPerCommand: Int = CommandAPDU.maxShortData) async throws
        -> ResponseAPDU
    {
        let parts = try command.chained(maxDataPerCommand: maxDataPerCommand)
        for part in parts.dropLast() {
            let response = try await send(part)
            guard response.status.isSuccess else { return response }
        }
        return try await send(parts[parts.count - 1])
    }

    private func sendOnce(_ command: CommandAPDU) async throws -> ResponseAPDU {
        let raw = try await transport.transmit(try command.encoded(lengthForm))
        do {
            return try ResponseAPDU(bytes: raw)
        } catch {
            throw CardTransportError.malformedResponse("\(raw.count) bytes, no status word")
        }
    }
}
