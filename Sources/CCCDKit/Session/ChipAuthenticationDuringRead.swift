import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification

/// Chip Authentication in the middle of the read (issue 14 item 5): right after DG14, so that the
/// next file read — protected with the new keys — proves them and no separate proof read is sent.
///
/// Fail-closed: CA is `valid` only once a protected answer verified under the new keys. An answer
/// that fails secure messaging (a clone without DG14's private key, or a transmission fault) is
/// not trusted: the file reader re-establishes access and goes on, and the verifier runs CA again
/// at the end with its own proof read — `invalid` for a clone. The same when nothing was shown
/// (the card went away or answered with a bare status word).
enum ChipAuthenticationDuringRead {
    enum State {
        case pending(method: String)
        case finished(AuthenticationResult)
    }

    /// Runs CA's key agreement over the reader's live secure channel; nil when CA is left to the
    /// verifier (DG14 does not parse, no secure channel).
    static func start(dg14 bytes: [UInt8], reader: FileReader) async throws -> State? {
        guard let infos = try? DataGroup14.securityInfos(bytes) else { return nil }
        // The last answer may have ended secure messaging: CA needs a live session.
        try await reader.reestablishIfNeeded(after: .dataGroup(.dg14))
        guard let session = await reader.currentConnection.session else { return nil }
        switch await ChipAuthenticator.switchKeys(over: session, dg14: infos) {
        case .finished(let result):
            return .finished(result)
        case .switched(let method):
            await reader.expectKeyProof()
            return .pending(method: method)
        }
    }

    /// The CA result once the files are read. A proof still pending (no file was read after DG14)
    /// is sent now: READ BINARY of DG14's first byte.
    static func finish(_ state: State, reader: FileReader) async -> AuthenticationResult? {
        guard case .pending(let method) = state else {
            // Broken off by the card (removed, silent): the verifier runs CA again at the end.
            if case .finished(let result) = state, !result.isInterrupted { return result }
            return nil
        }
        switch await reader.takeKeyProof() {
        case .proven?:
            return ChipAuthenticator.proven(method: method)
        case .failed?, .unproven?, nil:
            // Not proven: never `valid` from here. The file reader renewed the session (its
            // answer was not trusted); the verifier runs CA again with its own proof read, which
            // a chip without DG14's private key fails again (`invalid`), while a one-off
            // transmission fault then passes.
            return nil
        case .pending?:
            let connection = await reader.currentConnection
            do {
                let commands = await reader.shortFileIdentifiersRefused
                    ? try ChipAuthenticationCommands.proofReadBySelect(fileID: 0x010E)
                    : [try ChipAuthenticationCommands.proofRead(sfi: 0x0E)]
                for command in commands { _ = try await connection.sender.send(command) }
                return ChipAuthenticator.proven(method: method)
            } catch {
                await connection.session?.terminate()
                return ChipAuthenticator.proofFailed(error, method: method)
            }
        }
    }
}
