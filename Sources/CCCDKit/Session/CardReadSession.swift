import CCCDLDS
import CCCDPrimitives
import CCCDProtocols
import CCCDTransport
import Foundation

/// One read of one card: connect, size the reads, access control, read the files, parse them.
/// ``CardReader`` runs it; it is public for tools that bring their own connector and want the
/// steps (benchmarks, transcript recording).
package struct CardReadSession: Sendable {
    package let connector: any CardConnector
    package let access: AccessInput
    package let options: ReadOptions

    package init(connector: any CardConnector, access: AccessInput, options: ReadOptions = ReadOptions()) {
        self.connector = connector
        self.access = access
        self.options = options
    }

    /// Runs the read. `progress` is called from the reading task, in order.
    package func run(progress: @escaping @Sendable (ReadProgress) -> Void = { _ in }) async throws(CardReadError)
        -> CardReadResult
    {
        defer { connector.close() }
        do {
            return try await runUntyped(progress: progress)
        } catch {
            throw CardReadError.from(error)
        }
    }

    private func runUntyped(progress: @escaping @Sendable (ReadProgress) -> Void) async throws -> CardReadResult {
        let key = try access.accessKey()
        let attempts = AttemptCounter()
        let counters = ReadCounters()
        // Connecting, sizing and access control are retried on a fresh connection when the
        // transport fails (a card just placed on the reader often drops the first exchanges).
        var retries = 0
        var opening: (connection: CardConnection, sizing: Sizing, channel: OpenedChannel)
        while true {
            do {
                let connection = try await Self.connect(
                    connector, attempt: retries == 0 ? 0 : attempts.next(), options: options, counters: counters)
                progress(.connected(reader: connection.readerName))
                let sizing = try await sizeReads(connection, counters: counters)
                progress(.authenticating)
                opening = (connection, sizing, try await openChannel(connection, key: key, counters: counters))
                break
            } catch let error where Self.isTransient(error) && retries < options.fileReading.maxRecoveries {
                retries += 1
                progress(.recovering(reason: "\(error)"))
            }
        }
        let limits = opening.sizing.limits
        var fileReading = options.fileReading
        if opening.sizing.wholeFiles {
            // EF.ATR/INFO allows large answers and the reader carries them: ask for whole files
            // (one READ BINARY each, extended Le) instead of header first, rest after.
            fileReading.firstReadLength = max(fileReading.firstReadLength, limits.maxPlainChunk(secureMessaging: true))
        }
        let opened = opening.channel
        progress(.authenticated(protocol: opened.summary.protocol))

        // 3. Files. Recovery reconnects (waiting for the card), re-runs access control, resumes.
        let connector = self.connector
        let options = self.options
        let recovery: FileReader.Recovery = { reason in
            progress(.recovering(reason: reason))
            let connection = try await Self.connect(connector, attempt: attempts.next(), options: options, counters: counters)
            return try await openChannel(connection, key: key, counters: counters).connection
        }
        let reader = FileReader(
            connection: opened.connection, limits: limits, options: fileReading, recovery: recovery,
            progress: { progress(.file($0)) })

        var result = CardReadResult(access: opened.summary)
        if let cardAccess = opened.cardAccess {
            result.rawFiles[.cardAccess] = cardAccess
            result.files[.cardAccess] = .read(bytes: cardAccess.count)
        }

        let com = try await read(.com, with: reader, into: &result)
        var listed: [DataGroup] = [.dg1, .dg2, .dg13, .dg14, .dg15]
        if let com {
            do {
                listed = try EFCOMParser.parse(com).dataGroups.sorted()
            } catch {
                throw CardReadError.malformedFile(file: .com, reason: "\(error)")
            }
        }
        var groups: [DataGroup] = []
        for group in listed {
            let wanted = options.dataGroups.map { $0.contains(group) } ?? (group != .dg3 && group != .dg4)
            if !wanted || (group == .dg2 && !options.includePhoto) {
                // DG3/DG4 by default: they need Terminal Authentication, which this reader does not do.
                result.files[.dataGroup(group)] = options.dataGroups == nil && (group == .dg3 || group == .dg4)
                    ? .notAccessible : .skipped
                continue
            }
            groups.append(group)
        }
        // Chip Authentication during the read: DG14 first, CA, and the next file read proves the
        // new keys (after PACE-CAM the chip is already authenticated).
        var chipAuthentication: ChipAuthenticationDuringRead.State?
        if options.verifier?.authenticatesChipDuringRead == true, counters.paceChipAuthentication == nil,
            opened.connection.secureMessaging, let i = groups.firstIndex(of: .dg14)
        {
            groups.remove(at: i)
            if let dg14 = try await read(.dataGroup(.dg14), with: reader, into: &result) {
                chipAuthentication = try await ChipAuthenticationDuringRead.start(dg14: dg14, reader: reader)
            }
        }
        if options.includeSecurityObject { _ = try await read(.sod, with: reader, into: &result) }
        for group in groups {
            _ = try await read(.dataGroup(group), with: reader, into: &result)
        }
        if let chipAuthentication {
            result.chipAuthenticationDuringRead = await ChipAuthenticationDuringRead.finish(chipAuthentication, reader: reader)
        }
        try parse(into: &result)
        result.statistics = await counters.statistics(reader: reader)
        result.paceChipAuthentication = counters.paceChipAuthentication

        if let verifier = options.verifier {
            // The last answer may have ended secure messaging (a bare status word): AA and CA need
            // a live session.
            try await reader.reestablishIfNeeded(after: listed.last.map { LDSFile.dataGroup($0) } ?? .com)
            result.paceChipAuthentication = counters.paceChipAuthentication
            result.activeAuthenticationChallenge = options.activeAuthenticationChallenge
            result.verification = await verifier.verify(result, channel: await reader.currentConnection)
            result.statistics = await counters.statistics(reader: reader)
        }
        progress(.finished)
        return result
    }

    /// Connects, bounding every exchange of the connection by ``ReadOptions/exchangeTimeout``.
    private static func connect(_ connector: any CardConnector, attempt: Int, options: ReadOptions, counters: ReadCounters)
        async throws -> CardConnection
    {
        var connection = try await connector.connect(attempt: attempt)
        connection.transport = ExchangeCountingTransport(inner: connection.transport, counters: counters)
        if let limit = options.exchangeTimeout {
            connection.transport = TimeLimitedTransport(wrapping: connection.transport, limit: limit)
        }
        return connection
    }

    /// How the files are read: the limits, and whether whole files may be asked for at once.
    private struct Sizing {
        var limits: ReadLimits
        var wholeFiles: Bool
    }

    /// The read limits from the ATR's historical bytes and EF.ATR/INFO (plain, in the MF), cut to
    /// what the reader carries (``ReaderProfileTable``, or what an earlier read learned).
    private func sizeReads(_ card: CardConnection, counters: ReadCounters) async throws -> Sizing {
        let capabilities = CardCapabilities(atr: card.atr)
        var atrInfo: ATRInfo?
        if options.useATRInfo && capabilities.atrInfoPresent != false {
            let plain = APDUChannel(transport: card.transport, lengthForm: options.shortAPDUsOnly ? .short : .automatic)
            let probe = FileReader(
                connection: .init(sender: plain, secureMessaging: false), limits: .short,
                options: .init(firstReadLength: 256, maxRecoveries: 0))
            do {
                if case .content(let bytes) = try await probe.read(.atrInfo) { atrInfo = ATRInfo(fileContents: bytes) }
            } catch {
                // A card that answers EF.ATR/INFO oddly is sized from its ATR; a lost card is not.
                if case .connectionLost(_, _, _, let reason) = error { throw CardTransportError.malformedResponse(reason) }
            }
        }
        let report = options.readerProfiles.resolve(readerName: card.readerName, learned: options.learnedReaderProfile)
        counters.readerProfile = report
        var limits = ReadLimits(capabilities: capabilities, atrInfo: atrInfo).limited(by: report.profile)
        if options.shortAPDUsOnly { limits = limits.shortOnly }
        // Whole files at once only when the card said so in EF.ATR/INFO (not just its ATR) and
        // the answers may be large: a reader with a small message limit reads in chunks.
        let wholeFiles = atrInfo != nil && limits.extendedLength
            && limits.maxPlainChunk(secureMessaging: true) > FileReader.Options.standardFirstReadLength
        return Sizing(limits: limits, wholeFiles: wholeFiles)
    }

    /// Transport failures worth a new connection (not: no reader, no service, wrong key).
    static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as CardTransportError:
            switch error {
            case .serviceUnavailable, .noReader, .noCard, .cancelled, .sharingViolation, .protocolMismatch:
                return false
            default: return true
            }
        case is SecureMessagingError: return true
        default: return false
        }
    }

    /// Reads one file and records its status and bytes.
    private func read(_ file: LDSFile, with reader: FileReader, into result: inout CardReadResult) async throws
        -> [UInt8]?
    {
        switch try await reader.read(file) {
        case .content(let bytes):
            result.rawFiles[file] = bytes
            result.files[file] = .read(bytes: bytes.count)
            options.fileReadObserver?(file, bytes)
            return bytes
        case .absent:
            result.files[file] = .absent
        case .notAccessible:
            result.files[file] = .notAccessible
        }
        return nil
    }

    private func parse(into result: inout CardReadResult) throws {
        func parsed(_ file: LDSFile) throws -> LDSFileContent? {
            guard let bytes = result.rawFiles[file] else { return nil }
            do {
                return try LDSFileParser.parse(file, bytes: bytes)
            } catch {
                throw CardReadError.malformedFile(file: file, reason: "\(error)")
            }
        }
        // A DG13 that does not parse leaves no citizen block instead of failing the read: the
        // verdict then says what it means (a hash mismatch → invalid; a CCCD without usable
        // citizen data → incomplete, CitizenDataRequirement).
        if case .dg13(let citizen)? = try? parsed(.dataGroup(.dg13)) {
            result.citizen = citizen
        }
        if case .dg1(let dg1)? = try parsed(.dataGroup(.dg1)) {
            result.mrz = dg1
            // DG13 first: a CCCD without expiry has a placeholder MRZ date (DocumentSummary).
            result.document = DocumentSummary(dg1: dg1, citizen: result.citizen)
            result.holder = HolderSummary(dg1: dg1)
        }
        if case .dg2(let faces)? = try parsed(.dataGroup(.dg2)) {
            result.photo = PhotoSummary(faces: faces)
        }
    }

    /// An authenticated channel and what access control reported.
    private struct OpenedChannel {
        var connection: FileReader.Connection
        var summary: AccessSummary
        var cardAccess: [UInt8]?
    }

    /// Access control on a fresh connection (or, for ``AccessInput/none``, SELECT of the application).
    private func openChannel(_ card: CardConnection, key: AccessKey?, counters: ReadCounters) async throws -> OpenedChannel {
        let lengthForm: CommandAPDU.LengthForm = options.shortAPDUsOnly ? .short : .automatic
        guard let key else {
            let plain = APDUChannel(transport: card.transport, lengthForm: lengthForm)
            // EF.CardAccess (in the MF, before the application is selected) for the dump.
            let probe = FileReader(
                connection: .init(sender: plain, secureMessaging: false), limits: .short,
                options: .init(firstReadLength: 256, maxRecoveries: 0))
            let cardAccess = (try? await probe.read(.cardAccess))?.bytes
            let response = try await plain.send(AccessControl.selectApplicationCommand())
            guard response.status.isSuccess else {
                throw CardReadError.accessControlFailed("SELECT eMRTD application: \(response.status)")
            }
            counters.countAccessRun(nil)
            return OpenedChannel(
                connection: .init(sender: plain, secureMessaging: false), summary: .none, cardAccess: cardAccess)
        }
        let tap = CardAccessTap(wrapping: card.transport)
        let channel = APDUChannel(transport: tap, lengthForm: lengthForm)
        let access = try await AccessControl.establish(
            channel: channel, key: key, policy: options.accessPolicy, random: options.random)
        // The secure channel goes straight to the card, without the tap.
        let secure = SecureChannel(
            channel: APDUChannel(transport: card.transport, lengthForm: lengthForm), state: access.secureMessaging)
        counters.countAccessRun(secure, pace: access.pace)
        return OpenedChannel(
            connection: .init(session: secure), summary: AccessSummary(access),
            cardAccess: access.cardAccessAssumed ? nil : tap.cardAccess)
    }
}

/// Counts reconnection attempts across recovery calls.
private final class AttemptCounter: @unchecked Sendable {
    private let count = LockedBox(0)

    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
