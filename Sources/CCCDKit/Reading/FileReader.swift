import CCCDLDS
import CCCDProtocols
import CCCDTransport

/// Reads transparent LDS files with as few exchanges as the card allows (ICAO 9303-10 §3.6.4.2,
/// ISO/IEC 7816-4 §11.3.3), over a plain or a secure-messaging channel.
///
/// Strategy, per file:
/// 1. READ BINARY by short file identifier at offset 0 (no SELECT); when the card refuses SFIs the
///    reader SELECTs the EF by file identifier instead and remembers that for the session.
/// 2. The first read asks for up to ``Options/firstReadLength`` bytes: enough for the TLV header and
///    for small files the whole file. The header gives the file length.
/// 3. The rest comes in the largest chunk the card allows (``ReadLimits``: extended length when
///    supported, minus the secure-messaging overhead); offsets beyond 32 767 use odd INS `B1`.
/// 4. A fallback ladder handles `67 00` (smaller Ne), `6C xx` (Ne = xx), `62 82` (end of file) and
///    `6B 00` (offset or length beyond the file), and remembers the working size for the session.
/// 5. When the connection fails (tag loss, card removed, secure messaging dropped) the reader asks
///    its ``Recovery`` callback for a new channel — the caller reconnects and re-runs access
///    control — and resumes at the offset already read; after ``Options/maxRecoveries`` it throws
///    ``FileReadError/connectionLost(file:offset:attempts:reason:)``.
/// 6. A bare status word in answer to a protected command means the chip aborted secure messaging
///    (ICAO 9303-11 §9.8.5): the status still counts as the answer, access is re-established once,
///    and the reader goes on with the path that avoids the failing command (a refused READ BINARY
///    by SFI makes it SELECT for the rest of the card). Such restarts are bounded by
///    ``Options/maxSessionAborts`` and counted (``sessionAborts``).
///
/// Files the card protects (`69 82`, e.g. DG3/DG4) come back as
/// ``FileReadOutcome/notAccessible(_:)``, missing ones (`6A 82`) as ``FileReadOutcome/absent``.
package actor FileReader {
    /// Tuning of the read strategy (public as ``ReadOptions/fileReading``).
    package typealias Options = FileReadingOptions

    /// A channel to read through (public as ``ChipChannel``, which verifiers receive).
    package typealias Connection = ChipChannel

    /// Gives a fresh connection after the old one failed: reconnect to the card (waiting for it to
    /// come back), run access control again, select the application. `reason` says what failed.
    package typealias Recovery = @Sendable (_ reason: String) async throws -> Connection

    /// The plain file bytes requested per exchange after the ladder corrected the limits.
    package private(set) var workingChunk: Int?
    /// True once the card refused READ BINARY by SFI; from then on the reader SELECTs.
    package private(set) var shortFileIdentifiersRefused = false
    /// Commands sent (READ BINARY and SELECT), for statistics.
    package private(set) var commandsSent = 0
    /// Recoveries performed after failures.
    package private(set) var recoveries = 0
    /// New sessions opened because the card ended secure messaging with a bare status word.
    package private(set) var sessionAborts = 0
    /// Answers that made the reader change the length it asked for (`67 00`, `6C xx`, `6B 00`, an
    /// empty `62 82`): each one a wasted exchange. Zero when the limits were right from the start.
    package private(set) var lengthRetries = 0
    /// True once an extended-length command got `67 00` in clear: the reader does not carry
    /// extended APDUs (what the read learns about the reader).
    package private(set) var extendedLengthRefused = false
    /// Whether the first protected exchange after a key change (Chip Authentication) verified under
    /// the new keys; nil when no key change is being watched. See ``expectKeyProof()``.
    package internal(set) var keyProof: KeyProof?


    var connection: Connection
    private var limits: ReadLimits
    private let options: Options
    private let recovery: Recovery?
    private let progress: (@Sendable (FileProgress) -> Void)?
    /// Set when the channel is known to be dead; the next command first recovers.
    var pendingRecovery: (reason: String, isFailure: Bool)?

    /// Sizes the ladder tries below a failing one (plain bytes): powers of two, the 223-byte
    /// secure-messaging limit of short APDUs and a few common chip limits.
    static let ladder = [65_536, 32_768, 16_384, 8_192, 4_096, 2_048, 1_024, 512, 256, 0xDF, 0xBF, 128, 96, 64, 32, 16, 8]

    package init(connection: Connection, limits: ReadLimits, options: Options = Options(),
                recovery: Recovery? = nil, progress: (@Sendable (FileProgress) -> Void)? = nil)
    {
        self.connection = connection
        self.limits = limits
        self.options = options
        self.recovery = recovery
        self.progress = progress
    }

    /// The limits in use.
    package var currentLimits: ReadLimits { limits }

    /// Reads a whole file.
    package func read(_ file: LDSFile) async throws(FileReadError) -> FileReadOutcome {
        var data: [UInt8] = []
        var total: Int?
        var selected = false
        var useSFI = options.useShortFileIdentifiers && !shortFileIdentifiersRefused
        var forcedLength: Int?

        while true {
            if Task.isCancelled { throw .cancelled }
            if let total, data.count >= total { break }
            let offset = data.count
            if pendingRecovery != nil {
                try await recover(file: file, offset: offset)
                selected = false
                forcedLength = nil
            }

            // Without a current EF: by SFI (offsets up to 255 fit P2), else SELECT first.
            if !selected && !(useSFI && offset <= 0xFF) {
                let select = Self.selectCommand(file)
                guard let response = try await exchange(select, file: file, offset: offset) else { continue }
                switch response.status {
                case .success, StatusWord(0x62, 0x83), StatusWord(0x62, 0x84):
                    selected = true
                    continue
                case .fileNotFound: return .absent
                case .securityStatusNotSatisfied: return .notAccessible(response.status)
                default: throw .cardRejected(file: file, status: response.status)
                }
            }

            let length = forcedLength ?? nextLength(offset: offset, total: total)
            forcedLength = nil
            let command = Self.readCommand(file: file, offset: offset, length: length, bySFI: !selected)
            guard let response = try await exchange(command, file: file, offset: offset) else { continue }
            let status = response.status

            switch status.kind {
            case _ where status.isSuccess || status == .endOfFileReached:
                if !selected { selected = true }  // the SFI read made the file current
                let chunk = offset > 0x7FFF ? Self.unwrapOddResponse(response.data) : response.data
                data += chunk
                if total == nil {
                    do {
                        total = try TLVHeader.fileLength(fromPrefix: data)
                    } catch {
                        throw .malformedFile(file: file, reason: "\(error)")
                    }
                }
                if let known = total, data.count > known { data.removeLast(data.count - known) }
                progress?(FileProgress(file: file, bytesRead: data.count, totalBytes: total ?? data.count))
                if chunk.isEmpty, status == .endOfFileReached, let known = total, offset < known,
                    let smaller = Self.ladder.first(where: { $0 < length })
                {
                    // 62 82 without data before the declared end: the length was too big.
                    lengthRetries += 1
                    remember(smaller)
                } else if status == .endOfFileReached || chunk.isEmpty {
                    // End of file (or no progress): what we have is the file.
                    if total == nil || total! > data.count { total = data.count }
                }
            case .wrongLe(let exact):
                // 6C xx: the card tells the length it can return here.
                lengthRetries += 1
                if let known = total, known - offset > exact, exact < length { remember(exact) }
                forcedLength = exact
            default:
                switch status {
                case .wrongLength:
                    // 67 00 to an extended-length command (Ne > 256): the reader (or the card) does
                    // not carry extended APDUs. Straight to short APDUs instead of down the ladder
                    // one failed size at a time; the read's learned reader profile says so.
                    // Only a 67 00 in clear says so: the reader answers before the card, outside
                    // secure messaging (a protected 67 00 is the card's, handled by the ladder).
                    if length > 256 && limits.extendedLength && (pendingRecovery != nil || !connection.secureMessaging) {
                        lengthRetries += 1
                        extendedLengthRefused = true
                        limits = limits.shortOnly
                        continue
                    }
                    // 67 00: the length is too big for the card or the reader.
                    guard let smaller = Self.ladder.first(where: { $0 < length }) else {
                        throw .noWorkingLength(file: file, status: status)
                    }
                    lengthRetries += 1
                    remember(smaller)
                case .wrongParameters:
                    // 6B 00: offset (or offset + Ne) beyond the end of the file. A whole-file first
                    // read (Ne far beyond the usual first read) is retried at the usual size before
                    // the file counts as empty: some chips refuse an Ne past the end this way.
                    if offset == 0 && total == nil {
                        if length > Options.standardFirstReadLength {
                            lengthRetries += 1
                            forcedLength = Options.standardFirstReadLength
                            continue
                        }
                        return .content([])
                    }
                    if let known = total, offset < known {
                        let remaining = known - offset
                        if length > remaining {
                            forcedLength = remaining
                        } else if let smaller = Self.ladder.first(where: { $0 < length }) {
                            forcedLength = smaller
                        } else {
                            total = offset
                        }
                    } else {
                        total = offset
                    }
                case .fileNotFound where !selected:
                    if useSFI {
                        // Some cards answer 6A 82 to SFIs they do not index: confirm with SELECT.
                        useSFI = false
                        // Said in clear, it also ended secure messaging: every further SFI read
                        // would cost a new session, so SELECT for the rest of the card.
                        if pendingRecovery?.isFailure == false { shortFileIdentifiersRefused = true }
                    } else {
                        return .absent
                    }
                case .securityStatusNotSatisfied where offset == 0:
                    return .notAccessible(status)
                case .incorrectP1P2, .functionNotSupported, .instructionNotSupported, .classNotSupported,
                    .commandNotAllowedNoEF, .commandIncompatible, .incorrectData:
                    guard !selected && useSFI else { throw .cardRejected(file: file, status: status) }
                    // The card does not do READ BINARY by SFI: SELECT from now on.
                    useSFI = false
                    shortFileIdentifiersRefused = true
                default:
                    throw .cardRejected(file: file, status: status)
                }
            }
        }
        return .content(data)
    }

    /// Sends one command. Returns nil when the connection failed and must be recovered (the loop
    /// then retries at the same offset); throws when the failure is not recoverable.
    private func exchange(_ command: CommandAPDU, file: LDSFile, offset: Int) async throws(FileReadError)
        -> ResponseAPDU?
    {
        commandsSent += 1
        do {
            let response = try await connection.sender.send(command)
            if keyProof == .pending && connection.secureMessaging { keyProof = .proven }
            return response
        } catch let error as SecureMessagingError {
            if case .unprotectedResponse(let status) = error, status == StatusWord(0x69, 0x87) || status == StatusWord(0x69, 0x88) {
                // The chip could not verify our protection (SM data objects missing or wrong): the
                // session is broken, not the command. Renew it and send the command again. Right
                // after a key change it shows the chip does not hold the new keys.
                if keyProof == .pending { keyProof = .failed(reason: "the chip could not verify the command (SW \(status))") }
                pendingRecovery = ("secure messaging broken: the chip answered \(status) in clear", true)
                return nil
            }
            if keyProof == .pending {
                if case .unprotectedResponse = error {
                    keyProof = .unproven(reason: "\(error)")
                } else {
                    keyProof = .failed(reason: "\(error)")
                }
            }
            if case .unprotectedResponse(let status) = error {
                // The card answered with a bare status word and ended secure messaging. The status
                // still counts (69 82 for DG3 is an answer, not a fault); the channel needs renewing.
                pendingRecovery = ("secure messaging ended by the card (SW \(status))", false)
                return ResponseAPDU(data: [], status: status)
            }
            pendingRecovery = ("\(error)", true)
            return nil
        } catch let error as CardTransportError {
            if keyProof == .pending { keyProof = .unproven(reason: "\(error)") }
            switch error {
            case .cancelled: throw .cancelled
            case .serviceUnavailable, .noReader, .sharingViolation, .protocolMismatch:
                throw .connectionLost(file: file, offset: offset, attempts: 0, reason: "\(error)")
            default:
                pendingRecovery = ("\(error)", true)
                return nil
            }
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .connectionLost(file: file, offset: offset, attempts: 0, reason: "\(error)")
        }
    }

    func recover(file: LDSFile, offset: Int) async throws(FileReadError) {
        guard var pending = pendingRecovery else { return }
        while true {
            guard let recovery else {
                throw .connectionLost(file: file, offset: offset, attempts: 0, reason: pending.reason)
            }
            if pending.isFailure {
                guard recoveries < options.maxRecoveries else {
                    throw .connectionLost(file: file, offset: offset, attempts: recoveries, reason: pending.reason)
                }
                recoveries += 1
            } else {
                // The card ended secure messaging on purpose: bounded too, so a card that does it
                // to every command cannot keep the reader restarting.
                guard sessionAborts < options.maxSessionAborts else {
                    throw .connectionLost(
                        file: file, offset: offset, attempts: recoveries + sessionAborts,
                        reason: "the card ended secure messaging \(sessionAborts + 1) times; last: \(pending.reason)")
                }
                sessionAborts += 1
            }
            do {
                connection = try await recovery(pending.reason)
                pendingRecovery = nil
                return
            } catch is CancellationError {
                throw .cancelled
            } catch let error as CardTransportError {
                if error == .cancelled { throw .cancelled }
                // The card went away again while reconnecting: counts as another failure.
                pending = ("\(error)", true)
            } catch let error as SecureMessagingError {
                pending = ("\(error)", true)
            } catch {
                // E.g. the access key is refused now: retrying will not help.
                throw .recoveryFailed(file: file, offset: offset, reason: "\(error)")
            }
        }
    }

    private func remember(_ size: Int) {
        workingChunk = min(workingChunk ?? Int.max, size)
    }

    /// The plain length of the next READ BINARY.
    private func nextLength(offset: Int, total: Int?) -> Int {
        let cap = workingChunk.map { min($0, limits.maxPlainChunk(secureMessaging: connection.secureMessaging)) }
            ?? limits.maxPlainChunk(secureMessaging: connection.secureMessaging)
        var length: Int
        if let total {
            length = min(cap, total - offset)
            // B1 wraps the data in DO'53' (tag and up to 3 length bytes): leave room for it.
            if offset > 0x7FFF { length = min(cap, total - offset + 5) }
        } else {
            length = min(cap, options.firstReadLength)
        }
        // Under SM a plain Ne of 224…256 travels as a short Le whose protected answer cannot fit.
        if connection.secureMessaging && (224...256).contains(length) { length = 223 }
        return max(1, length)
    }
}
