import CCCDTransport

/// A card connection with secure messaging: every command is protected before it goes through
/// the underlying `APDUChannel` (which still handles `61 xx` / `6C xx` at transport level) and
/// every response is verified and decrypted. After any SM error the channel is dead.
///
/// Commands go one at a time, in the order they arrive: the actor could be re-entered while a command
/// waits for the card, and a second command protected in that gap would take the next send-sequence
/// counter before the first response is checked, putting the session out of step. ``sendUnprotecting(_:)``
/// therefore holds a FIFO turn from protecting the command to checking its response.
///
/// It also conforms to `CardTransport`, so code written against raw APDU bytes (e.g. another
/// `APDUChannel`) can run unchanged under SM.
public actor SecureChannel: CardTransport {
    public nonisolated let channel: APDUChannel
    private var state: SecureMessagingState
    /// Responses whose status word came from the unprotected trailer (no DO'99', ICAO 9303-11
    /// §9.8.4), for the read statistics.
    public private(set) var unauthenticatedStatusWords = 0
    /// Whether a command is between protection and response check, and who waits for a turn.
    private var commandInFlight = false
    private var waitingForTurn: [CheckedContinuation<Void, Never>] = []

    public init(channel: APDUChannel, state: SecureMessagingState) {
        self.channel = channel
        self.state = state
    }

    /// The current state (keys, SSC, liveness), e.g. to hand it to Chip Authentication.
    public var currentState: SecureMessagingState { state }

    public var isActive: Bool { state.isActive }

    /// Replaces the session (new keys after Chip Authentication / PACE-in-SM, SSC reset).
    public func replaceState(_ newState: SecureMessagingState) {
        state = newState
    }

    /// Sends one plain command under secure messaging and returns the plain response.
    public func send(_ command: CommandAPDU) async throws -> ResponseAPDU {
        try await sendUnprotecting(command).response
    }

    /// ``send(_:)`` with whether the status word was authenticated. A status word from the
    /// trailer is counted and noted in the transcript when one is recorded.
    public func sendUnprotecting(_ command: CommandAPDU) async throws -> UnprotectedResponse {
        await takeTurn()
        defer { passTurn() }
        let protected = try state.protect(command)
        let response: ResponseAPDU
        do {
            response = try await channel.send(protected)
        } catch {
            // The SSC has advanced for a command whose response we never saw: the session is
            // out of step and cannot continue.
            state.terminate()
            throw error
        }
        let unprotected = try state.unprotectResponse(response)
        if !unprotected.statusAuthenticated {
            unauthenticatedStatusWords += 1
            channel.transport.annotateLastExchangeIfRecorded(
                "SM: no DO'99'; status word \(unprotected.status) from the unprotected trailer (unauthenticated)")
        }
        return unprotected
    }

    /// Waits until no other command is in flight (first come, first served).
    private func takeTurn() async {
        if !commandInFlight {
            commandInFlight = true
            return
        }
        // The finishing command hands its turn straight to the first waiter (commandInFlight stays true).
        await withCheckedContinuation { waitingForTurn.append($0) }
    }

    private func passTurn() {
        if waitingForTurn.isEmpty {
            commandInFlight = false
        } else {
            waitingForTurn.removeFirst().resume()
        }
    }

    /// `CardTransport`: raw plain command bytes in, raw plain response bytes out.
    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        try await send(CommandAPDU(bytes: command)).bytes
    }

    /// Ends the session locally.
    public func terminate() {
        state.terminate()
    }
}
